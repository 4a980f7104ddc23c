package dev.ticketing.tickets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

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

	/** How many of a seller's ticket events are not published yet. */
	protected long unsentFor(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%\"sellerId\":\"" + seller + "\"%")
			.query(Long.class)
			.single();
	}

}
