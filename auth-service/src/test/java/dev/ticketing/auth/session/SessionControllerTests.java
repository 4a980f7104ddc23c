package dev.ticketing.auth.session;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.ticketing.auth.config.AuthProperties;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;

import static dev.ticketing.auth.session.SessionCookieResults.sessionCookiesCleared;
import static dev.ticketing.auth.session.SessionCookieResults.sessionCookiesOf;
import static dev.ticketing.common.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refreshing and ending a session in a Spring MVC slice: the refresh cookie reaches
 * {@link SessionService}, the answer sets or clears the session cookies as DESIGN §2
 * says, and a cross-site request that carries the cookies is refused before it does.
 */
@ServiceWebMvcTest(SessionController.class)
@Import(SessionCookieHeaders.class)
@EnableConfigurationProperties(AuthProperties.class)
class SessionControllerTests {

	private static final UUID USER_ID = UUID.fromString("9c8b7a65-4321-4fed-8cba-0987654321fe");

	private static final Session ROTATED = new Session(new SessionUser(USER_ID, "ada@example.com", Set.of("door")),
			"new.access.jwt", "new-refresh-value");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SessionService sessions;

	private static MockHttpServletRequestBuilder withRefreshCookie(MockHttpServletRequestBuilder request) {
		return request.cookie(new Cookie(SessionCookies.REFRESH, "old-refresh-value"));
	}

	@Test
	void refreshesTheSessionOfTheRefreshCookieWith200AndNewCookies() throws Exception {
		given(this.sessions.refresh("old-refresh-value")).willReturn(Optional.of(ROTATED));

		this.mvc.perform(withRefreshCookie(post("/api/users/refresh")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(USER_ID.toString()))
			.andExpect(jsonPath("$.email").value("ada@example.com"))
			.andExpect(jsonPath("$.roles").doesNotExist())
			.andExpect(sessionCookiesOf(ROTATED));

		verify(this.sessions).refresh("old-refresh-value");
	}

	@Test
	void answersAnUnusableRefreshTokenWith401ClearingTheCookies() throws Exception {
		given(this.sessions.refresh(any())).willReturn(Optional.empty());

		this.mvc.perform(withRefreshCookie(post("/api/users/refresh")))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(sessionCookiesCleared());

		verify(this.sessions).refresh("old-refresh-value");
	}

	@Test
	void answersARefreshWithoutTheCookieWith401WithoutAskingTheService() throws Exception {
		this.mvc.perform(post("/api/users/refresh"))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(sessionCookiesCleared());
		this.mvc.perform(post("/api/users/refresh").cookie(new Cookie(SessionCookies.REFRESH, "")))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(sessionCookiesCleared());

		verifyNoInteractions(this.sessions);
	}

	@Test
	void refreshesByTheRefreshCookieNotByAnAccessToken() throws Exception {
		this.mvc.perform(post("/api/users/refresh").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER_ID)))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.sessions);
	}

	@Test
	void signsOutWith204EndingTheSessionAndClearingTheCookies() throws Exception {
		this.mvc.perform(withRefreshCookie(post("/api/users/signout")))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""))
			.andExpect(sessionCookiesCleared());

		verify(this.sessions).end("old-refresh-value");
	}

	@Test
	void signsOutWithoutASessionWith204ClearingTheCookies() throws Exception {
		this.mvc.perform(post("/api/users/signout"))
			.andExpect(status().isNoContent())
			.andExpect(sessionCookiesCleared());

		verifyNoInteractions(this.sessions);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/users/refresh", "/api/users/signout" })
	void refusesACrossSiteRequestCarryingTheCookieWith403CsrfRejected(String path) throws Exception {
		this.mvc.perform(withRefreshCookie(post(path)).header("Sec-Fetch-Site", "cross-site"))
			.andExpect(problem(403, "csrf_rejected"));
		this.mvc.perform(withRefreshCookie(post(path)).header("Origin", "https://evil.example"))
			.andExpect(problem(403, "csrf_rejected"));

		verifyNoInteractions(this.sessions);
	}

	@Test
	void acceptsARefreshFromTheStorefrontsOrigin() throws Exception {
		given(this.sessions.refresh(any())).willReturn(Optional.of(ROTATED));

		this.mvc
			.perform(withRefreshCookie(post("/api/users/refresh")).header("Origin", "http://localhost:3000")
				.header("Sec-Fetch-Site", "same-site"))
			.andExpect(status().isOk());

		verify(this.sessions).refresh("old-refresh-value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/users/refresh", "/api/users/signout" })
	void refusesAnUnsupportedMethodWith405(String path) throws Exception {
		this.mvc.perform(withRefreshCookie(get(path))).andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.sessions);
	}

}
