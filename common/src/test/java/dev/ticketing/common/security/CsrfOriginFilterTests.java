package dev.ticketing.common.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;

import dev.ticketing.common.web.TestApp;
import dev.ticketing.common.web.WebIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfOriginFilterTests extends WebIntegrationTest {

	private static final String EVIL = "https://evil.example";

	String session;

	@BeforeEach
	void signIn() {
		this.session = "session=" + TestApp.KEYS.token(Instant.now());
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void refusesACookieAuthenticatedUnsafeRequestFromAForeignOrigin(String method) {
		this.http.send(method, "/api/protected", BodyPublishers.noBody(), "Cookie", this.session, "Origin", EVIL)
			.assertProblem(403, "csrf_rejected");
	}

	@Test
	void refusesACookieAuthenticatedRequestTheBrowserCallsCrossSite() {
		this.http
			.send("POST", "/api/protected", BodyPublishers.noBody(), "Cookie", this.session, "Sec-Fetch-Site",
					"cross-site")
			.assertProblem(403, "csrf_rejected");
	}

	@Test
	void refusesACrossSiteRequestEvenFromAnAllowedOrigin() {
		this.http
			.send("POST", "/api/protected", BodyPublishers.noBody(), "Cookie", this.session, "Origin",
					"http://localhost:3000", "Sec-Fetch-Site", "cross-site")
			.assertProblem(403, "csrf_rejected");
	}

	@Test
	void refusesARequestCarryingOnlyTheRefreshCookieFromAForeignOrigin() {
		this.http
			.send("POST", "/api/things", BodyPublishers.ofString("{\"name\":\"lamp\",\"count\":1}"), "Content-Type",
					"application/json", "Cookie", "refresh=opaque-refresh-token", "Origin", EVIL)
			.assertProblem(403, "csrf_rejected");
	}

	@Test
	void passesACookieAuthenticatedRequestFromAnAllowedOrigin() {
		TestHttp.Response response = this.http.send("POST", "/api/protected", BodyPublishers.noBody(), "Cookie",
				this.session, "Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void passesACookieAuthenticatedRequestFromTheAppsOwnOrigin() {
		TestHttp.Response response = this.http.send("POST", "/api/protected", BodyPublishers.noBody(), "Cookie",
				this.session, "Origin", this.http.origin(), "Sec-Fetch-Site", "same-origin");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void passesACookieAuthenticatedRequestWithoutOriginOrFetchMetadata() {
		TestHttp.Response response = this.http.send("POST", "/api/protected", BodyPublishers.noBody(), "Cookie",
				this.session);

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void passesABearerRequestFromAForeignOrigin() {
		String token = TestApp.KEYS.token(Instant.now());

		TestHttp.Response response = this.http.send("POST", "/api/protected", BodyPublishers.noBody(), "Authorization",
				"Bearer " + token, "Cookie", this.session, "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void passesASafeCookieAuthenticatedRequestFromAForeignOrigin() {
		TestHttp.Response response = this.http.get("/api/me", "Cookie", this.session, "Origin", EVIL, "Sec-Fetch-Site",
				"cross-site");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void passesAnUnsafeRequestWithoutCookiesFromAForeignOrigin() {
		TestHttp.Response response = this.http.postJson("/api/things", "{\"name\":\"lamp\",\"count\":1}", "Origin",
				EVIL, "Sec-Fetch-Site", "cross-site");

		assertThat(response.status()).isEqualTo(201);
	}

}
