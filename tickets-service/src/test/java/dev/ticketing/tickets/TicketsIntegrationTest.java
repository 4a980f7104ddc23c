package dev.ticketing.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;
import dev.ticketing.common.jwt.TestKeys;
import dev.ticketing.common.testing.NatsTestServer;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tickets-service started on a random port against the real PostgreSQL
 * ({@code ticketing_tickets_test}) and a nats-server of the tests' own. Users are
 * authenticated with tokens signed by {@link #KEYS}, trusted through
 * {@link TestSecurityConfiguration} in place of auth-service's JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSecurityConfiguration.class)
public abstract class TicketsIntegrationTest {

	protected static final TestKeys KEYS = TestKeys.generate();

	/**
	 * The nats-server of every test context: a process of the tests' own, so they can
	 * stop and restart it and never touch the NATS a running system uses.
	 */
	protected static final NatsTestServer NATS = NatsTestServer.start();

	protected static final EventCodec CODEC = new EventCodec();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Connection nats;

	protected TestHttp http;

	@DynamicPropertySource
	static void natsUrl(DynamicPropertyRegistry registry) {
		registry.add("ticketing.messaging.url", NATS::url);
	}

	@BeforeEach
	void startHttp() {
		this.http = new TestHttp(this.port);
	}

	/** {@code Authorization: Bearer <token>} header values for a user. */
	protected static String[] bearer(UUID userId) {
		return new String[] { "Authorization",
				"Bearer " + KEYS.builder(userId, Instant.now().minusSeconds(1)).compact() };
	}

	/** A valid listing body; entries of {@code overrides} replace or add fields. */
	protected static Map<String, Object> listing(Object... overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Arctic Monkeys, floor standing");
		body.put("price", 12_500);
		body.put("currency", "EUR");
		body.put("description", "Two tickets, will sell separately.");
		body.put("venue", "Ziggo Dome");
		body.put("eventAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
		for (int i = 0; i < overrides.length; i += 2) {
			body.put((String) overrides[i], overrides[i + 1]);
		}
		return body;
	}

	/** Lists a ticket as {@code seller} through the API and returns it. */
	protected JsonNode createTicket(UUID seller, Object... overrides) {
		Response response = this.http.postJson("/api/tickets", TestHttp.json(listing(overrides)), bearer(seller));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	protected JsonNode ticket(String id) {
		Response response = this.http.get("/api/tickets/" + id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Publishes an event as its producer's outbox relay would. */
	protected void publish(Event<?> event) {
		publish(event, event.id().toString());
	}

	/** Publishes an event under a chosen {@code Nats-Msg-Id}. */
	protected void publish(Event<?> event, String messageId) {
		publishRaw(event.type(), CODEC.encode(event), messageId);
	}

	/** Publishes any bytes on a subject, e.g. a malformed event. */
	protected void publishRaw(String subject, byte[] body, String messageId) {
		try {
			this.nats.jetStream()
				.publish(NatsMessage.builder().subject(subject).data(body).build(),
						PublishOptions.builder().messageId(messageId).build());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** How many outbox rows are not published yet. */
	protected long unsentEvents() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

	/** How many of a seller's ticket events are not published yet. */
	protected long unsentFor(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%\"sellerId\":\"" + seller + "\"%")
			.query(Long.class)
			.single();
	}

	/** Whether this service's consumer has applied (or skipped as stale) the event. */
	protected boolean processed(Event<?> event) {
		return this.jdbc
			.sql("SELECT count(*) FROM processed_messages WHERE consumer = 'tickets-service' AND event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single() == 1;
	}

}
