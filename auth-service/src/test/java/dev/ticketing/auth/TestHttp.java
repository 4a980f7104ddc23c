package dev.ticketing.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for integration tests, so that requests are exactly what a real
 * client sends (raw bodies, headers and cookies, no framework in between).
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public TestHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public Response postJson(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response post(String path, HttpRequest.BodyPublisher body, String... headers) {
		return send(request(path, headers).POST(body));
	}

	public Response method(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		return send(request(path, headers).method(method, body));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

		public List<String> setCookies() {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("set-cookie"))
				.flatMap((entry) -> entry.getValue().stream())
				.toList();
		}

		/** The full {@code Set-Cookie} header for a cookie name. */
		public String setCookie(String name) {
			return setCookies().stream()
				.filter((cookie) -> cookie.startsWith(name + "="))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + setCookies()));
		}

		/** The value a {@code Set-Cookie} header gives a cookie. */
		public String cookieValue(String name) {
			String header = setCookie(name);
			int end = header.indexOf(';');
			return header.substring(name.length() + 1, (end < 0) ? header.length() : end);
		}

	}

}
