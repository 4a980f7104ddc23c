package dev.ticketing.tickets.pass;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.testing.NatsTestServer;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.tickets.TicketsApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * tickets-service stopped after an order completes and before it applies the event: the
 * event waits in its durable consumer, and the service started again issues exactly one
 * pass, however often the event is delivered.
 */
class PassAcrossARestartIntegrationTests {

	private static final NatsTestServer NATS = NatsTestServer.start();

	private static final EventCodec CODEC = new EventCodec();

	@AfterAll
	static void stopNats() {
		NATS.close();
	}

	@Test
	void anOrderCompletedWhileTheServiceIsDownIssuesOnePassOnceItIsBack() throws Exception {
		UUID seller = UUID.randomUUID();
		UUID buyer = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String ticketId;
		try (ConfigurableApplicationContext service = start()) {
			Response created = http(service).postJson("/api/tickets",
					"{\"title\": \"Restart\", \"price\": 5000, \"currency\": \"EUR\"}", "Authorization",
					TestTokens.bearer(seller));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			ticketId = created.json().path("id").asString();
		}

		Event<OrderCompleted> completed = Event.of(
				new OrderCompleted(orderId, 2, buyer, new TicketRef(UUID.fromString(ticketId)), UUID.randomUUID()),
				Instant.now());
		try (Connection nats = Nats.connect(NATS.url())) {
			publish(nats,
					Event.of(
							new OrderCreated(orderId, 1, buyer, "created", Instant.now().plusSeconds(900),
									new OrderCreated.Ticket(UUID.fromString(ticketId), 5000, "EUR", seller, null)),
							Instant.now()),
					null);
			publish(nats, completed, null);
			publish(nats, completed, completed.id() + "-again");
		}

		try (ConfigurableApplicationContext service = start()) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> processed(jdbc, completed.id()));
			assertThat(jdbc.sql("SELECT count(*) FROM passes WHERE ticket_id = ?")
				.param(UUID.fromString(ticketId))
				.query(Long.class)
				.single()).isEqualTo(1);
			Response pass = http(service).get("/api/tickets/" + ticketId + "/pass", "Authorization",
					TestTokens.bearer(buyer));
			assertThat(pass.status()).as(pass.body()).isEqualTo(200);
			assertThat(pass.json().path("status").asString()).isEqualTo("valid");
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TicketsApplication.class, TestSecurityConfiguration.class).profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + NATS.url());
	}

	private static TestHttp http(ConfigurableApplicationContext service) {
		return new TestHttp(Integer.parseInt(service.getEnvironment().getProperty("local.server.port", "0")));
	}

	private static boolean processed(JdbcClient jdbc, UUID eventId) {
		return jdbc.sql("SELECT count(*) FROM messaging.processed_messages WHERE consumer = ? AND event_id = ?")
			.params("tickets-service", eventId)
			.query(Long.class)
			.single() == 1;
	}

	private static void publish(Connection nats, Event<?> event, String messageId) throws Exception {
		nats.jetStream()
			.publish(NatsMessage.builder().subject(event.type()).data(CODEC.encode(event)).build(),
					PublishOptions.builder()
						.messageId((messageId != null) ? messageId : event.id().toString())
						.build());
	}

}
