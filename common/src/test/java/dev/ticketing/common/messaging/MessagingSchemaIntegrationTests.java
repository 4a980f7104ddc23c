package dev.ticketing.common.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ticketing.common.testing.NatsTestServer;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The messaging schema's own history, on a database of its own per test: a new database
 * gets it, and a database migrated by the version before it (outbox and inbox made by
 * {@code V0_1} in the service's history; {@code db/legacy-messaging} holds that file as
 * it shipped) is upgraded in place, keeping its rows, and its service starts and goes on
 * publishing what was waiting.
 */
class MessagingSchemaIntegrationTests {

	private static final String SERVICE_MIGRATIONS = "classpath:db/test-app";

	private static final String LEGACY_MESSAGING = "classpath:db/legacy-messaging";

	private final String database = "ticketing_common_schema_" + UUID.randomUUID().toString().substring(0, 8);

	private DataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void createDatabase() {
		admin().sql("CREATE DATABASE " + this.database).update();
		this.dataSource = dataSource(this.database);
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		admin().sql("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)").update();
	}

	@Test
	void aNewDatabaseGetsTheTablesInTheirOwnSchemaWithTheirOwnHistory() {
		migrateAsTheServiceStarts();

		assertThat(table("messaging", "outbox")).isTrue();
		assertThat(table("messaging", "processed_messages")).isTrue();
		assertThat(table("public", "outbox")).isFalse();
		assertThat(versions("messaging")).containsExactly("1", "2");
		assertThat(versions("public")).containsExactly("1", "2");
	}

	@Test
	void aDatabaseOfTheVersionBeforeIsUpgradedKeepingItsRows() {
		Flyway.configure().dataSource(this.dataSource).locations(SERVICE_MIGRATIONS, LEGACY_MESSAGING).load().migrate();
		assertThat(versions("public")).containsExactly("0.1", "1", "2");
		UUID waiting = UUID.randomUUID();
		UUID applied = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO outbox (id, subject, body, occurred_at) VALUES (?, ?, ?, ?)")
			.params(waiting, "tickets.v1.ticket.created", ticketCreated(waiting), Timestamp.from(Instant.now()))
			.update();
		this.jdbc.sql("INSERT INTO processed_messages (consumer, event_id, subject) VALUES (?, ?, ?)")
			.params(MessagingTestApplication.DURABLE, applied, "orders.v1.order.created")
			.update();

		migrateAsTheServiceStarts();

		assertThat(table("public", "outbox")).isFalse();
		assertThat(table("public", "processed_messages")).isFalse();
		assertThat(versions("public")).containsExactly("1", "2");
		assertThat(versions("messaging")).containsExactly("1", "2");
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE id = ? AND sent_at IS NULL")
			.param(waiting)
			.query(Long.class)
			.single()).isOne();
		assertThat(
				new JdbcInbox(this.jdbc).record(MessagingTestApplication.DURABLE, applied, "orders.v1.order.created"))
			.as("an event applied before the upgrade is still known")
			.isFalse();
		// The identity column kept its sequence: new rows come after the old one.
		long before = position(waiting);
		UUID next = UUID.randomUUID();
		new JdbcOutboxStore(this.jdbc)
			.add(new OutboxMessage(next, "tickets.v1.ticket.created", ticketCreated(next), null), Instant.now());
		assertThat(position(next)).isGreaterThan(before);
	}

	@Test
	void aServiceOnAnUpgradedDatabaseStartsAndPublishesWhatWasWaiting() {
		Flyway.configure().dataSource(this.dataSource).locations(SERVICE_MIGRATIONS, LEGACY_MESSAGING).load().migrate();
		UUID waiting = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO outbox (id, subject, body, occurred_at) VALUES (?, ?, ?, ?)")
			.params(waiting, "tickets.v1.ticket.created", ticketCreated(waiting), Timestamp.from(Instant.now()))
			.update();

		try (NatsTestServer nats = NatsTestServer.start();
				ConfigurableApplicationContext service = new SpringApplicationBuilder(MessagingTestApplication.class,
						TestSecurityConfiguration.class)
					.profiles("test")
					.run("--server.port=0", "--ticketing.messaging.url=" + nats.url(),
							"--spring.datasource.url=" + url(this.database))) {
			io.nats.client.Connection connection = service.getBean(io.nats.client.Connection.class);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> StreamMessages.about(connection, "TICKETS", waiting).size() == 1);
			assertThat(versions("public")).containsExactly("1", "2");
		}
	}

	@Test
	void aServiceThatStillListsCommonsMigrationsIsStopped() {
		Flyway service = Flyway.configure()
			.dataSource(this.dataSource)
			.locations(SERVICE_MIGRATIONS, MessagingSchema.LOCATION)
			.load();

		assertThatIllegalStateException().isThrownBy(() -> MessagingSchema.migrate(service.getConfiguration()))
			.withMessageContaining("spring.flyway.locations");
		assertThat(table("messaging", "outbox")).isFalse();
	}

	@Test
	void migratingAgainChangesNothing() {
		migrateAsTheServiceStarts();
		migrateAsTheServiceStarts();

		assertThat(versions("messaging")).containsExactly("1", "2");
		assertThat(versions("public")).containsExactly("1", "2");
	}

	/** What {@code MessagingAutoConfiguration}'s migration strategy does at start-up. */
	private void migrateAsTheServiceStarts() {
		Flyway service = Flyway.configure().dataSource(this.dataSource).locations(SERVICE_MIGRATIONS).load();
		MessagingSchema.migrate(service.getConfiguration());
		service.migrate();
		service.validate();
	}

	private java.util.List<String> versions(String schema) {
		Flyway flyway = Flyway.configure().dataSource(this.dataSource).schemas(schema).load();
		return java.util.Arrays.stream(flyway.info().applied())
			.filter((info) -> info.getVersion() != null)
			.map(MigrationInfo::getVersion)
			.map(Object::toString)
			.toList();
	}

	private boolean table(String schema, String name) {
		return this.jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
			.param(schema + "." + name)
			.query(Boolean.class)
			.single();
	}

	private long position(UUID id) {
		return this.jdbc.sql("SELECT position FROM messaging.outbox WHERE id = ?").param(id).query(Long.class).single();
	}

	private static String ticketCreated(UUID id) {
		return """
				{"id":"%s","type":"tickets.v1.ticket.created","occurredAt":"2026-01-01T00:00:00Z","data":{"id":"%s",
				"version":1,"title":"Waiting","price":100,"currency":"EUR","sellerId":"%s","status":"available",
				"orderId":null}}""".formatted(UUID.randomUUID(), id, UUID.randomUUID());
	}

	private static JdbcClient admin() {
		return JdbcClient.create(dataSource("postgres"));
	}

	private static DataSource dataSource(String database) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url(database));
		dataSource.setUsername(System.getenv().getOrDefault("DB_USER", "postgres"));
		dataSource.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
		return dataSource;
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "localhost") + ":"
				+ System.getenv().getOrDefault("DB_PORT", "5432") + "/" + database;
	}

}
