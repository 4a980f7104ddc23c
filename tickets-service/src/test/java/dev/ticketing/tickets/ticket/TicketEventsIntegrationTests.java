package dev.ticketing.tickets.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listing and editing tickets publishes {@code tickets.v1.ticket.*} through the outbox:
 * exactly one message per change, the documented payload, {@code Nats-Msg-Id} = event id;
 * and nothing for a change that rolled back.
 */
class TicketEventsIntegrationTests extends TicketsIntegrationTest {

	@Autowired
	TicketService tickets;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void creatingATicketPublishesOneTicketCreatedWithTheFullState() {
		UUID seller = UUID.randomUUID();
		JsonNode ticket = createTicket(seller);
		String id = ticket.path("id").asString();

		List<Stored> messages = awaitPublished(id, 1);
		Stored message = messages.getFirst();
		assertThat(message.subject()).isEqualTo("tickets.v1.ticket.created");
		JsonNode body = message.body();
		assertThat(message.messageId()).isEqualTo(body.path("id").asString());
		assertThat(UUID.fromString(body.path("id").asString())).isNotNull();
		assertThat(body.path("type").asString()).isEqualTo("tickets.v1.ticket.created");
		assertThat(body.path("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
		JsonNode data = body.path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "version", "title", "price", "faceValue",
				"currency", "sellerId", "eventAt", "resoldFrom", "status", "orderId");
		assertThat(data.path("id").asString()).isEqualTo(id);
		assertThat(data.path("version").asLong()).isEqualTo(1);
		assertThat(data.path("title").asString()).isEqualTo("Arctic Monkeys, floor standing");
		assertThat(data.path("price").asLong()).isEqualTo(12_500);
		assertThat(data.path("faceValue").asLong()).isEqualTo(12_500);
		assertThat(data.path("currency").asString()).isEqualTo("EUR");
		assertThat(data.path("sellerId").asString()).isEqualTo(seller.toString());
		assertThat(Instant.parse(data.path("eventAt").asString())).isNotNull();
		assertThat(data.path("resoldFrom").isNull()).isTrue();
		assertThat(data.path("status").asString()).isEqualTo("available");
		assertThat(data.path("orderId").isNull()).isTrue();
	}

	@Test
	void editingAndWithdrawingPublishOneTicketUpdatedEach() {
		UUID seller = UUID.randomUUID();
		String id = createTicket(seller).path("id").asString();
		TestHttp.Response edited = this.http.send("PUT", "/api/tickets/" + id,
				java.net.http.HttpRequest.BodyPublishers.ofString(TestHttp.json(listing("price", 9_900))),
				concat(bearer(seller), "Content-Type", "application/json"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(this.http
			.send("DELETE", "/api/tickets/" + id, java.net.http.HttpRequest.BodyPublishers.noBody(), bearer(seller))
			.status()).isEqualTo(204);

		List<Stored> messages = awaitPublished(id, 3);
		assertThat(messages).extracting(Stored::subject)
			.containsExactly("tickets.v1.ticket.created", "tickets.v1.ticket.updated", "tickets.v1.ticket.updated");
		assertThat(messages.get(1).body().path("data").path("version").asLong()).isEqualTo(2);
		assertThat(messages.get(1).body().path("data").path("price").asLong()).isEqualTo(9_900);
		assertThat(messages.get(2).body().path("data").path("version").asLong()).isEqualTo(3);
		assertThat(messages.get(2).body().path("data").path("status").asString()).isEqualTo("withdrawn");
		assertThat(messages).extracting(Stored::messageId).doesNotHaveDuplicates();
	}

	@Test
	void aChangeThatRollsBackPublishesNothing() {
		UUID seller = UUID.randomUUID();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		UUID id = transaction.execute((status) -> {
			Ticket ticket = this.tickets.create(seller, new Listing("Rolled back", 1_000, "USD", null, null, null),
					null);
			status.setRollbackOnly();
			return ticket.id();
		});
		// A ticket created after it is published once the relay has run.
		String later = createTicket(seller).path("id").asString();
		awaitPublished(later, 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> unsentEvents() == 0);

		assertThat(this.http.get("/api/tickets/" + id).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + id + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(StreamMessages.about(this.nats, "TICKETS", id)).isEmpty();
	}

	@Test
	void sentRowsArePurgedOnceTheDuplicateWindowHasPassed() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		insertSentRow(old, "6 minutes");
		insertSentRow(recent, "1 minute");

		await().atMost(Duration.ofSeconds(15)).until(() -> !outboxHas(old));
		assertThat(outboxHas(recent)).isTrue();
	}

	/**
	 * A row the relay sent {@code ago} (a PostgreSQL interval): past or within the
	 * window.
	 */
	private void insertSentRow(UUID id, String ago) {
		this.jdbc.sql("""
				INSERT INTO messaging.outbox (id, subject, body, occurred_at, sent_at)
				VALUES (?, 'tickets.v1.ticket.created', '{}', now(), now() - ?::interval)""").params(id, ago).update();
	}

	private boolean outboxHas(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single() == 1;
	}

	private List<Stored> awaitPublished(String ticketId, int count) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> StreamMessages.about(this.nats, "TICKETS", ticketId).size() >= count);
		// Nothing more arrives once the outbox is empty.
		await().atMost(Duration.ofSeconds(15)).until(() -> unsentEvents() == 0);
		List<Stored> messages = StreamMessages.about(this.nats, "TICKETS", ticketId);
		assertThat(messages).hasSize(count);
		return messages;
	}

	private static String[] concat(String[] headers, String... more) {
		String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

}
