package dev.ticketing.common.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.ticketing.common.testing.TcpProxy;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a request answers when PostgreSQL goes away under it: {@link OutageTestApp}
 * reaches the real PostgreSQL through a {@link TcpProxy} that the tests sever, as
 * {@code pg_ctl stop -m immediate} would (every connection dropped, new ones refused),
 * while a request is inside its transaction or its statement, and while requests keep
 * arriving; then they restore it. The shared PostgreSQL itself is never stopped.
 */
@SpringBootTest(classes = OutageTestApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=" + OutageTestApp.NAME, "spring.flyway.locations=classpath:db/test-app",
				"spring.datasource.username=${DB_USER:postgres}", "spring.datasource.password=${DB_PASSWORD:}",
				"spring.datasource.hikari.maximum-pool-size=4",
				"management.endpoint.health.group.readiness.include=readinessState,db",
				"logging.level.org.springframework=warn", "logging.level.com.zaxxer=error" })
class DatabaseOutageIntegrationTests {

	private static final String DB_HOST = env("DB_HOST", "localhost");

	private static final int DB_PORT = Integer.parseInt(env("DB_PORT", "5432"));

	private static final String DATABASE_NAME = "ticketing_common_test";

	private static final TcpProxy DATABASE = TcpProxy.to(DB_HOST, DB_PORT);

	/** The database itself, not through the proxy: what a request left behind. */
	private static final JdbcClient DIRECT = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
			"jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + DATABASE_NAME, env("DB_USER", "postgres"),
			env("DB_PASSWORD", "")));

	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

	@LocalServerPort
	int port;

	@Autowired
	OutageTestApp.Hold hold;

	TestHttp http;

	UUID seller;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + "/"
				+ DATABASE_NAME + "?ApplicationName=" + OutageTestApp.NAME);
	}

	@BeforeEach
	void start() {
		this.http = new TestHttp(this.port);
		this.seller = UUID.randomUUID();
	}

	@AfterEach
	void restore() {
		this.hold.release();
		DATABASE.restore();
		this.clients.shutdownNow();
		// The next test starts with a service that reaches its database again.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.http.get("/api/listings/count?sellerId=" + this.seller).status() == 200);
	}

	@AfterAll
	static void closeProxy() {
		DATABASE.close();
	}

	@Test
	void answers503WhenTheDatabaseIsCutOffInsideTheRequestsTransaction() throws Exception {
		this.hold.arm();
		CompletableFuture<TestHttp.Response> held = send(
				() -> this.http.postJson("/api/listings?held=true", "{}", bearer(this.seller)));
		assertThat(this.hold.awaitEntered()).as("the request is inside its transaction").isTrue();

		DATABASE.sever();
		this.hold.release();

		assertUnavailable(held.get(20, TimeUnit.SECONDS));
		assertThat(listingsOf(this.seller)).as("the listing made before the cut is rolled back").isZero();
	}

	@Test
	void answers503WhenTheDatabaseIsCutOffDuringAStatement() throws Exception {
		CompletableFuture<TestHttp.Response> slow = send(
				() -> this.http.postJson("/api/listings/slow", "{}", bearer(this.seller)));
		await().atMost(Duration.ofSeconds(10)).until(() -> backendsRunningFor(this.seller) == 1);

		DATABASE.sever();

		assertUnavailable(slow.get(20, TimeUnit.SECONDS));
		// The server notices its client is gone once the statement ends, and rolls back.
		await().atMost(Duration.ofSeconds(15)).until(() -> backendsRunningFor(this.seller) == 0);
		assertThat(listingsOf(this.seller)).isZero();
	}

	@Test
	void answers503WhileTheDatabaseIsDownThenServesAgainOnceItIsBack() throws Exception {
		DATABASE.sever();

		// Concurrently: each waits for a pooled connection until the pool gives up.
		CompletableFuture<TestHttp.Response> write = send(
				() -> this.http.postJson("/api/listings", "{}", bearer(this.seller)));
		CompletableFuture<TestHttp.Response> read = send(
				() -> this.http.get("/api/listings/count?sellerId=" + this.seller));
		CompletableFuture<TestHttp.Response> filtered = send(
				() -> this.http.get(OutageTestApp.FILTERED_PATH, bearer(this.seller)));
		CompletableFuture<TestHttp.Response> readiness = send(() -> this.http.get("/actuator/health/readiness"));
		CompletableFuture<TestHttp.Response> anonymous = send(() -> this.http.postJson("/api/listings", "{}"));

		assertUnavailable(write.get(20, TimeUnit.SECONDS));
		assertUnavailable(read.get(20, TimeUnit.SECONDS));
		assertUnavailable(filtered.get(20, TimeUnit.SECONDS));
		TestHttp.Response notReady = readiness.get(20, TimeUnit.SECONDS);
		assertThat(notReady.status()).isEqualTo(503);
		assertThat(notReady.json().path("status").asString()).isEqualTo("DOWN");
		// Authentication needs no database: a request without a token is still a 401.
		anonymous.get(20, TimeUnit.SECONDS).assertProblem(401, "unauthenticated");
		assertThat(listingsOf(this.seller)).isZero();

		DATABASE.restore();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.http.postJson("/api/listings", "{}", bearer(this.seller)).status() == 201);
		assertThat(listingsOf(this.seller)).isEqualTo(2);
		assertThat(this.http.get(OutageTestApp.FILTERED_PATH).status()).isEqualTo(200);
		TestHttp.Response ready = this.http.get("/actuator/health/readiness");
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void answersMistakesWithTheDatabaseUpWith500NotWith503() {
		UUID id = UUID.randomUUID();
		assertThat(this.http.postJson("/api/listings/given?id=" + id, "{}", bearer(this.seller)).status())
			.isEqualTo(201);

		List<TestHttp.Response> mistakes = List.of(
				this.http.postJson("/api/listings/given?id=" + id, "{}", bearer(this.seller)),
				this.http.get("/api/listings/misspelt"));

		for (TestHttp.Response mistake : mistakes) {
			mistake.assertProblem(500, "internal_error");
			assertThat(mistake.header("Retry-After")).isEmpty();
			assertThat(mistake.body()).doesNotContain("SQL", "Exception", "listingz", "duplicate");
		}
	}

	private static void assertUnavailable(TestHttp.Response response) {
		response.assertProblem(503, "service_unavailable");
		assertThat(response.header("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("SQL", "Exception", "Hikari", "postgres", "connection");
	}

	private CompletableFuture<TestHttp.Response> send(Supplier<TestHttp.Response> request) {
		return CompletableFuture.supplyAsync(request, this.clients);
	}

	private static long listingsOf(UUID seller) {
		return DIRECT.sql("SELECT count(*) FROM listings WHERE seller_id = ?").param(seller).query(Long.class).single();
	}

	/**
	 * The app's database sessions running (or left over from) the seller's slow
	 * statement.
	 */
	private static long backendsRunningFor(UUID seller) {
		return DIRECT.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE application_name = ? AND query LIKE ? AND pid <> pg_backend_pid()
				""").params(OutageTestApp.NAME, "%pg_sleep%" + seller + "%").query(Long.class).single();
	}

	private static String[] bearer(UUID user) {
		return new String[] { "Authorization", TestTokens.bearer(user) };
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
