package dev.ticketing.auth.account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
import dev.ticketing.auth.session.Session;
import dev.ticketing.auth.session.SessionCookieHeaders;
import dev.ticketing.auth.session.SessionUser;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;

import static dev.ticketing.auth.session.SessionCookieResults.sessionCookiesOf;
import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-up, sign-in and the current user in a Spring MVC slice: each route reaches
 * {@link AccountService} with the right arguments and answers as DESIGN §2 says, with the
 * session cookies of {@link SessionCookieHeaders} (under auth-service's default
 * settings), and every refusal and bad input becomes its problem.
 */
@ServiceWebMvcTest(AccountController.class)
@Import(SessionCookieHeaders.class)
@EnableConfigurationProperties(AuthProperties.class)
class AccountControllerTests {

	private static final UUID USER_ID = UUID.fromString("9c8b7a65-4321-4fed-8cba-0987654321fe");

	private static final String EMAIL = "ada@example.com";

	private static final String CREDENTIALS_JSON = "{\"email\": \"ada@example.com\", \"password\": \"correct horse\"}";

	private static final Session SESSION = new Session(new SessionUser(USER_ID, EMAIL, Set.of(Roles.DOOR)),
			"access.jwt.value", "opaque-refresh-value");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void signsUpWith201TheAccountAndItsSessionCookies() throws Exception {
		given(this.accounts.signup(any())).willReturn(SESSION);

		this.mvc.perform(json(post("/api/users/signup"), CREDENTIALS_JSON))
			.andExpect(status().isCreated())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(USER_ID.toString()))
			.andExpect(jsonPath("$.email").value(EMAIL))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.roles").doesNotExist())
			.andExpect(sessionCookiesOf(SESSION));

		verify(this.accounts).signup(new Credentials(EMAIL, "correct horse"));
	}

	@Test
	void answersAnEmailInUseWith409EmailInUse() throws Exception {
		given(this.accounts.signup(any())).willThrow(new EmailInUseException());

		this.mvc.perform(json(post("/api/users/signup"), CREDENTIALS_JSON))
			.andExpect(problem(409, "email_in_use"))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@Test
	void signsInWith200TheAccountAndItsSessionCookies() throws Exception {
		given(this.accounts.signin(any(), any())).willReturn(SESSION);

		this.mvc.perform(json(post("/api/users/signin"), CREDENTIALS_JSON).with((request) -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		}))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(USER_ID.toString()))
			.andExpect(jsonPath("$.email").value(EMAIL))
			.andExpect(sessionCookiesOf(SESSION));

		verify(this.accounts).signin(new Credentials(EMAIL, "correct horse"), "203.0.113.7");
	}

	@Test
	void answersWrongCredentialsWith401InvalidCredentials() throws Exception {
		given(this.accounts.signin(any(), any())).willThrow(new InvalidCredentialsException());

		this.mvc.perform(json(post("/api/users/signin"), CREDENTIALS_JSON))
			.andExpect(problem(401, "invalid_credentials"))
			.andExpect(jsonPath("$.detail").value("The email or password is incorrect."))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@ParameterizedTest(name = "wait {0} ms: Retry-After {1}")
	@CsvSource({ "90000, 90", "1500, 2", "1, 1" })
	void answersTooManyAttemptsWith429AndWhenToRetry(long waitMillis, String retryAfter) throws Exception {
		given(this.accounts.signin(any(), any()))
			.willThrow(new TooManyAttemptsException(Duration.ofMillis(waitMillis)));

		this.mvc.perform(json(post("/api/users/signin"), CREDENTIALS_JSON))
			.andExpect(problem(429, "too_many_attempts"))
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, retryAfter));
	}

	static Stream<Arguments> invalidCredentials() {
		return Stream.of(Arguments.of("{\"password\": \"correct horse\"}", List.of("email")),
				Arguments.of("{\"email\": \"  \", \"password\": \"correct horse\"}", List.of("email")),
				Arguments.of("{\"email\": \"not-an-email\", \"password\": \"correct horse\"}", List.of("email")),
				Arguments.of("{\"email\": \"" + "a".repeat(243) + "@example.com\", \"password\": \"correct horse\"}",
						List.of("email")),
				Arguments.of("{\"email\": \"ada@example.com\"}", List.of("password")),
				Arguments.of("{\"email\": \"ada@example.com\", \"password\": \"short\"}", List.of("password")),
				Arguments.of("{\"email\": \"ada@example.com\", \"password\": \"" + "p".repeat(129) + "\"}",
						List.of("password")),
				Arguments.of("{}", List.of("email", "password")));
	}

	@ParameterizedTest
	@MethodSource("invalidCredentials")
	void refusesInvalidCredentialsWith400NamingEachField(String body, List<String> fields) throws Exception {
		String[] names = fields.toArray(String[]::new);
		this.mvc.perform(json(post("/api/users/signup"), body)).andExpect(validationFailed(names));
		this.mvc.perform(json(post("/api/users/signin"), body)).andExpect(validationFailed(names));

		verifyNoInteractions(this.accounts);
	}

	@Test
	void acceptsAnEmailOf254Characters() throws Exception {
		given(this.accounts.signup(any())).willReturn(SESSION);
		String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";

		this.mvc
			.perform(json(post("/api/users/signup"),
					"{\"email\": \"" + email + "\", \"password\": \"" + "p".repeat(128) + "\"}"))
			.andExpect(status().isCreated());

		verify(this.accounts).signup(new Credentials(email, "p".repeat(128)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"email\": ", "{\"email\": 42, \"password\": \"correct horse\"}",
			"{\"email\": \"ada@example.com\", \"password\": 12345678}",
			"{\"email\": \"ada@example.com\", \"password\": [\"correct horse\"]}",
			"{\"email\": \"ada@example.com\", \"email\": \"eve@example.com\", \"password\": \"correct horse\"}",
			"{\"email\": \"ada@example.com\", \"password\": \"correct horse\"} trailing", "[]", "" })
	void refusesAnUnreadableBodyWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(json(post("/api/users/signup"), body)).andExpect(problem(400, "malformed_request"));
		this.mvc.perform(json(post("/api/users/signin"), body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.accounts);
	}

	@Test
	void refusesABodyThatIsNotJsonWith415() throws Exception {
		for (String path : List.of("/api/users/signup", "/api/users/signin")) {
			this.mvc
				.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("email=ada%40example.com&password=correct+horse"))
				.andExpect(problem(415, "unsupported_media_type"));
		}

		verifyNoInteractions(this.accounts);
	}

	@Test
	void answersTheUserOfTheBearerTokenAsCurrentUser() throws Exception {
		this.mvc.perform(get("/api/users/currentuser").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(USER_ID)))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"currentUser": {"id": "%s", "email": "%s", "roles": []}}""".formatted(USER_ID, EMAIL), true));

		verifyNoInteractions(this.accounts);
	}

	@Test
	void answersTheRolesOfTheTokenSortedAsCurrentUser() throws Exception {
		this.mvc
			.perform(get("/api/users/currentuser").header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(USER_ID, Roles.SUPPORT, Roles.DOOR)))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"currentUser": {"id": "%s", "email": "%s", "roles": ["door", "support"]}}""".formatted(USER_ID,
					EMAIL), true));
	}

	@Test
	void answersTheUserOfTheSessionCookieAsCurrentUser() throws Exception {
		this.mvc
			.perform(get("/api/users/currentuser")
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(USER_ID))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentUser.id").value(USER_ID.toString()));
	}

	@Test
	void answersAVisitorWithANullCurrentUser() throws Exception {
		this.mvc.perform(get("/api/users/currentuser"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"currentUser\": null}", true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWithANullCurrentUser(String name, Function<UUID, String> token) throws Exception {
		this.mvc
			.perform(get("/api/users/currentuser").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.apply(USER_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentUser").value(nullValue()));
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(get("/api/users/signup")).andExpect(problem(405, "method_not_allowed"));
		this.mvc.perform(json(post("/api/users/currentuser"), "{}")).andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.accounts);
	}

}
