package dev.ticketing.common.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * A service started on a random port with its {@code test} profile, against the real
 * PostgreSQL and a nats-server of the tests' own. Users are authenticated with tokens
 * signed by {@link #KEYS} ({@link TestTokens#KEYS}), trusted through
 * {@link TestSecurityConfiguration} in place of auth-service's JWKS. Each service's test
 * base extends this with its own helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSecurityConfiguration.class)
public abstract class ServiceIntegrationTest {

	protected static final TestKeys KEYS = TestTokens.KEYS;

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

	/**
	 * {@code spring.application.name}, also the durable name of the service's consumers.
	 */
	@Value("${spring.application.name}")
	protected String serviceName;

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
		return new String[] { "Authorization", TestTokens.bearer(userId) };
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
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

	/** Whether this service's consumer has applied (or skipped as stale) the event. */
	protected boolean processed(Event<?> event) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.processed_messages WHERE consumer = ? AND event_id = ?")
			.params(this.serviceName, event.id())
			.query(Long.class)
			.single() == 1;
	}

}
