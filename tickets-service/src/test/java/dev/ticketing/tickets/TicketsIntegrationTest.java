package dev.ticketing.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.common.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * tickets-service started on a random port against the real PostgreSQL
 * ({@code ticketing_tickets_test}) and a nats-server of the tests' own, with helpers for
 * listings.
 */
public abstract class TicketsIntegrationTest extends ServiceIntegrationTest {

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

	/**
	 * Sells a listing to a buyer the way orders-service does, created then completed, and
	 * waits for the buyer's pass.
	 * @return the order id
	 */
	protected UUID sellTo(String ticketId, UUID buyer) {
		UUID orderId = UUID.randomUUID();
		JsonNode listing = ticket(ticketId);
		publish(Event.of(new OrderCreated(orderId, 1, buyer, "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.fromString(ticketId), listing.path("price").asLong(),
						listing.path("currency").asString(), UUID.fromString(listing.path("sellerId").asString()),
						null)),
				Instant.now()));
		publish(completed(orderId, buyer, ticketId));
		await().atMost(Duration.ofSeconds(15)).until(() -> passCount(ticketId) == 1);
		return orderId;
	}

	protected static Event<OrderCompleted> completed(UUID orderId, UUID buyer, String ticketId) {
		return Event.of(
				new OrderCompleted(orderId, 2, buyer, new TicketRef(UUID.fromString(ticketId)), UUID.randomUUID()),
				Instant.now());
	}

	/** How many passes were issued through a listing. */
	protected long passCount(String ticketId) {
		return this.jdbc.sql("SELECT count(*) FROM passes WHERE ticket_id = ?")
			.param(UUID.fromString(ticketId))
			.query(Long.class)
			.single();
	}

	/** The caller's pass for a listing, through the API. */
	protected JsonNode passOf(UUID holder, String ticketId) {
		Response response = this.http.get("/api/tickets/" + ticketId + "/pass", bearer(holder));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Resells a held ticket through the API. */
	protected Response resell(UUID holder, String ticketId, long price) {
		return this.http.postJson("/api/tickets/" + ticketId + "/resale", "{\"price\": " + price + "}", bearer(holder));
	}

	/** Presents a code at the door, as an account with the door role. */
	protected Response checkIn(String code) {
		return this.http.postJson("/api/tickets/checkins", TestHttp.json(Map.of("code", code)), "Authorization",
				TestTokens.bearer(UUID.randomUUID(), Roles.DOOR));
	}

	/** How many of a seller's ticket events are not published yet. */
	protected long unsentFor(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%\"sellerId\":\"" + seller + "\"%")
			.query(Long.class)
			.single();
	}

}
