package dev.ticketing.common.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.ticketing.common.web.Problems;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP/1.1 requests to a service under test: bodies and headers exactly as written,
 * nothing in between that would fix them up. Shared by every service's integration tests
 * through common's test jar.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public TestHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** The origin the app itself is served from. */
	public String origin() {
		return this.base;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, BodyPublishers.noBody(), headers);
	}

	public Response postJson(String path, String json, String... headers) {
		return send("POST", path, BodyPublishers.ofString(json), with(headers, "Content-Type", "application/json"));
	}

	public Response post(String path, BodyPublisher body, String... headers) {
		return send("POST", path, body, headers);
	}

	/** Header name-value pairs followed by more of them. */
	public static String[] with(String[] headers, String... more) {
		String[] all = Arrays.copyOf(headers, headers.length + more.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

	/** A value as a JSON document. */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A body sent chunked: its length is not known up front. */
	public static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	public Response send(String method, String path, BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, body);
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String[] with(String[] headers, String name, String value) {
		String[] all = new String[headers.length + 2];
		all[0] = name;
		all[1] = value;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public Optional<String> header(String name) {
			return this.raw.headers().firstValue(name);
		}

		public List<String> setCookies() {
			return this.raw.headers().allValues("Set-Cookie");
		}

		/** The whole {@code Set-Cookie} header for a cookie. */
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

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		/**
		 * Asserts that this is an RFC 9457 problem response with the given status and
		 * code, and returns its JSON body.
		 */
		public JsonNode assertProblem(int status, String code) {
			assertThat(status()).as("status of a response with body %s", body()).isEqualTo(status);
			assertThat(contentType()).isEqualTo("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("status").asInt()).isEqualTo(status);
			assertThat(problem.path("code").asString()).isEqualTo(code);
			assertThat(problem.path("type").asString()).isEqualTo(Problems.TYPE_PREFIX + code);
			assertThat(problem.path("title").asString()).isNotBlank();
			assertThat(problem.path("detail").asString()).isNotBlank();
			return problem;
		}

	}

}
