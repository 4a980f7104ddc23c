package dev.ticketing.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.ticketing.common.testing.TcpProxy;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * auth-service when PostgreSQL goes away: its data source reaches the test database
 * through a {@link TcpProxy} that the tests sever (every connection dropped, new ones
 * refused, as {@code pg_ctl stop -m immediate} would) and restore. Sign-in's rate limits
 * run on connections of Bucket4j's own, outside Spring's transactions, and must answer
 * 503 like everything else.
 */
class DatabaseOutageIntegrationTests extends AuthIntegrationTest {

	private static final String DB_HOST = env("DB_HOST", "localhost");

	private static final int DB_PORT = Integer.parseInt(env("DB_PORT", "5432"));

	private static final String DATABASE_NAME = "ticketing_auth_test";

	private static final String APPLICATION_NAME = "auth-service-outage-test";

	private static final TcpProxy DATABASE = TcpProxy.to(DB_HOST, DB_PORT);

	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

	private String email;

	private String address;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + "/"
				+ DATABASE_NAME + "?ApplicationName=" + APPLICATION_NAME);
	}

	@BeforeEach
	void signUp() {
		this.email = uniqueEmail();
		this.address = "198.51." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255);
		assertThat(signup(this.email, "correct horse").status()).isEqualTo(201);
	}

	@AfterEach
	void restore() {
		DATABASE.restore();
		this.clients.shutdownNow();
		await().atMost(Duration.ofSeconds(20)).until(() -> signin().status() == 200);
	}

	@AfterAll
	static void closeProxy() {
		DATABASE.close();
	}

	@Test
	void answers503WhenTheDatabaseIsCutOffWhileSigninWaitsForItsRateLimit() throws Exception {
		assertThat(signin().status()).isEqualTo(200);
		try (Connection direct = direct()) {
			// Another instance holds this address's bucket: the sign-in waits for it,
			// inside its statement, when the database goes away.
			direct.setAutoCommit(false);
			try (PreparedStatement lock = direct
				.prepareStatement("SELECT state FROM signin_buckets WHERE id = ? FOR UPDATE")) {
				lock.setString(1, "address:" + this.address);
				assertThat(lock.executeQuery().next()).isTrue();
			}
			CompletableFuture<Response> waiting = send(this::signin);
			await().atMost(Duration.ofSeconds(10)).until(DatabaseOutageIntegrationTests::signinWaitsForTheLock);

			DATABASE.sever();

			assertUnavailable(waiting.get(20, TimeUnit.SECONDS));
			direct.rollback();
		}
	}

	@Test
	void answers503WhileTheDatabaseIsDown() throws Exception {
		String refresh = signin().cookieValue("refresh");
		DATABASE.sever();

		CompletableFuture<Response> signin = send(this::signin);
		CompletableFuture<Response> signup = send(() -> signup(uniqueEmail(), "correct horse"));
		CompletableFuture<Response> refreshed = send(
				() -> this.http.post("/api/users/refresh", BodyPublishers.noBody(), "Cookie", "refresh=" + refresh));
		CompletableFuture<Response> readiness = send(() -> this.http.get("/actuator/health/readiness"));

		assertUnavailable(signin.get(20, TimeUnit.SECONDS));
		assertUnavailable(signup.get(20, TimeUnit.SECONDS));
		assertUnavailable(refreshed.get(20, TimeUnit.SECONDS));
		assertThat(readiness.get(20, TimeUnit.SECONDS).json().path("status").asString()).isEqualTo("DOWN");
	}

	private Response signin() {
		return this.http.postJson("/api/users/signin",
				TestHttp.json(Map.of("email", this.email, "password", "correct horse")), "X-Forwarded-For",
				this.address);
	}

	private static void assertUnavailable(Response response) {
		response.assertProblem(503, "service_unavailable");
		assertThat(response.header("Retry-After")).hasValue("5");
		assertThat(response.setCookies()).isEmpty();
	}

	private CompletableFuture<Response> send(Supplier<Response> request) {
		return CompletableFuture.supplyAsync(request, this.clients);
	}

	/**
	 * Asked on a connection of its own: a transaction sees one snapshot of the activity.
	 */
	private static boolean signinWaitsForTheLock() throws SQLException {
		try (Connection direct = direct();
				PreparedStatement query = direct.prepareStatement(
						"SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'")) {
			query.setString(1, APPLICATION_NAME);
			ResultSet result = query.executeQuery();
			return result.next() && result.getLong(1) == 1;
		}
	}

	private static Connection direct() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + DATABASE_NAME,
				env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
