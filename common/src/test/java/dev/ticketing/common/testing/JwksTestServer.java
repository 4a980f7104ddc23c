package dev.ticketing.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.ticketing.common.jwt.TestKeys;

/**
 * Publishes a test key as auth-service publishes its keys
 * ({@code /api/users/.well-known/jwks.json}), so that a service started as a process
 * ({@link ServiceProcess}) trusts tokens signed with it.
 */
public final class JwksTestServer implements AutoCloseable {

	private static final String PATH = "/api/users/.well-known/jwks.json";

	private final HttpServer server;

	private JwksTestServer(HttpServer server) {
		this.server = server;
	}

	public static JwksTestServer serving(TestKeys keys) {
		byte[] body = JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("keys", List.of(new LinkedHashMap<>(keys.publicJwk()))))
			.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext(PATH, (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return new JwksTestServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JWKS URL, for {@code TICKETING_SECURITY_JWKS_URI}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
