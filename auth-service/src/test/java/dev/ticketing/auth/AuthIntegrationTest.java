package dev.ticketing.auth;

import dev.ticketing.common.testing.TestHttp;
import java.util.Map;
import java.util.UUID;

import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * auth-service started on a random port against the real PostgreSQL test database, driven
 * over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AuthIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected TestHttp http;

	@BeforeEach
	void startHttp() {
		this.http = new TestHttp(this.port);
	}

	protected Response signup(String email, String password) {
		return this.http.postJson("/api/users/signup", TestHttp.json(Map.of("email", email, "password", password)));
	}

	protected static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@Example.com";
	}

	protected long usersWithEmail(String email) {
		return this.jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** The response is the RFC 9457 problem of DESIGN §2 with this status and code. */
	public static void assertProblem(Response response, int status, String code) {
		response.assertProblem(status, code);
	}

}
