package dev.ticketing.orders.order;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.testing.ScrapedMetrics;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Every route and status code of the {@code /api/orders} table (DESIGN §2), and the
 * {@code orders.v1.order.*} events they publish (DESIGN §3), over real HTTP against the
 * real database and NATS. The database is shared, so each test works with a buyer, a
 * seller and tickets of its own.
 */
class OrdersApiIntegrationTests extends OrdersIntegrationTest {

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

	/** The hold window of the test profile (the default). */
	private static final Duration HOLD_WINDOW = Duration.ofMinutes(15);

	private static final List<String> ORDER_FIELDS = List.of("id", "status", "userId", "expiresAt", "ticket", "version",
			"createdAt", "cancelReason");

	UUID buyer;

	UUID seller;

	UUID ticket;

	@BeforeEach
	void isolate() {
		this.buyer = UUID.randomUUID();
		this.seller = UUID.randomUUID();
		this.ticket = listedTicket(this.seller);
	}

	// POST /api/orders

	@Test
	void placingAnOrderCountsItOnThePrometheusEndpointAndARefusedOneDoesNot() {
		double before = ScrapedMetrics.value(this.http, "ticketing_orders_placed_total");

		placedOrder(this.buyer, this.ticket);
		assertThat(placeOrder(UUID.randomUUID(), this.ticket).status()).isEqualTo(409);

		assertThat(ScrapedMetrics.value(this.http, "ticketing_orders_placed_total")).isEqualTo(before + 1);
	}

	@Test
	void placeReturns201WithTheOrderAndItsLocation() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

		Response response = placeOrder(this.buyer, this.ticket);

		Instant after = Instant.now();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode order = response.json();
		assertThat(order.propertyNames()).containsExactlyInAnyOrderElementsOf(ORDER_FIELDS);
		String id = order.path("id").asString();
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
		assertThat(order.path("status").asString()).isEqualTo("created");
		assertThat(order.path("userId").asString()).isEqualTo(this.buyer.toString());
		JsonNode ticket = order.path("ticket");
		assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("id", "title", "price", "currency");
		assertThat(ticket.path("id").asString()).isEqualTo(this.ticket.toString());
		assertThat(ticket.path("title").asString()).isEqualTo("Arctic Monkeys, floor");
		assertThat(ticket.path("price").isIntegralNumber()).isTrue();
		assertThat(ticket.path("price").asLong()).isEqualTo(12_500);
		assertThat(ticket.path("currency").asString()).isEqualTo("EUR");
		assertThat(order.path("version").isIntegralNumber()).isTrue();
		assertThat(order.path("version").asLong()).isEqualTo(1);
		assertThat(order.path("cancelReason").isNull()).isTrue();
		assertThat(order.path("createdAt").asString()).matches(TIMESTAMP);
		assertThat(order.path("expiresAt").asString()).matches(TIMESTAMP);
		Instant createdAt = Instant.parse(order.path("createdAt").asString());
		assertThat(createdAt).isBetween(before, after);
		assertThat(Instant.parse(order.path("expiresAt").asString())).isCloseTo(createdAt.plus(HOLD_WINDOW),
				within(1, ChronoUnit.SECONDS));

		assertThat(response.header("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/api/orders/" + id));
		String location = response.header("Location").orElseThrow();
		String path = location.substring(location.indexOf("/api/orders/"));
		assertThat(order(this.buyer, path.substring("/api/orders/".length()))).isEqualTo(order);
		assertThat(ordersFor(this.ticket)).isEqualTo(1);
	}

	@Test
	void placePublishesExactlyOneOrderCreatedWithTheDocumentedPayload() {
		JsonNode order = placedOrder(this.buyer, this.ticket);
		String id = order.path("id").asString();

		List<Stored> messages = awaitPublished(id, 1);

		assertThat(messages).hasSize(1);
		Stored message = messages.getFirst();
		assertThat(message.subject()).isEqualTo("orders.v1.order.created");
		JsonNode body = message.body();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "type", "occurredAt", "data");
		assertThat(UUID.fromString(body.path("id").asString()).toString()).isEqualTo(body.path("id").asString());
		assertThat(message.messageId()).isEqualTo(body.path("id").asString());
		assertThat(body.path("type").asString()).isEqualTo("orders.v1.order.created");
		assertThat(body.path("occurredAt").asString()).matches(TIMESTAMP);
		JsonNode data = body.path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "version", "userId", "status", "expiresAt",
				"ticket");
		assertThat(data.path("id").asString()).isEqualTo(id);
		assertThat(data.path("version").asLong()).isEqualTo(1);
		assertThat(data.path("userId").asString()).isEqualTo(this.buyer.toString());
		assertThat(data.path("status").asString()).isEqualTo("created");
		assertThat(Instant.parse(data.path("expiresAt").asString()))
			.isEqualTo(Instant.parse(order.path("expiresAt").asString()));
		JsonNode ticket = data.path("ticket");
		assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("id", "price", "currency", "sellerId", "eventAt");
		assertThat(ticket.path("id").asString()).isEqualTo(this.ticket.toString());
		assertThat(ticket.path("price").isIntegralNumber()).isTrue();
		assertThat(ticket.path("price").asLong()).isEqualTo(12_500);
		assertThat(ticket.path("currency").asString()).isEqualTo("EUR");
		assertThat(ticket.path("sellerId").asString()).isEqualTo(this.seller.toString());
		// This ticket was listed without an event time (OrderedTicketIntegrationTests:
		// with one).
		assertThat(ticket.path("eventAt").isNull()).isTrue();
	}

	@Test
	void idsAreReadIgnoringCase() {
		Response response = placeOrder(this.buyer, this.ticket.toString().toUpperCase(Locale.ROOT));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode placed = response.json();
		String id = placed.path("id").asString();

		assertThat(placed.path("ticket").path("id").asString()).isEqualTo(this.ticket.toString());
		placeOrder(UUID.randomUUID(), this.ticket.toString().toUpperCase(Locale.ROOT)).assertProblem(409,
				"ticket_unavailable");
		assertThat(order(this.buyer, id.toUpperCase(Locale.ROOT))).isEqualTo(placed);
		assertThat(cancelOrder(this.buyer, id.toUpperCase(Locale.ROOT)).status()).isEqualTo(204);
		assertThat(order(this.buyer, id).path("status").asString()).isEqualTo("cancelled");
		assertThat(ordersFor(this.ticket)).isEqualTo(1);
	}

	@Test
	void placeForAnUnknownTicketIs404AndStoresNothing() {
		UUID unknown = UUID.randomUUID();

		placeOrder(this.buyer, unknown).assertProblem(404, "ticket_not_found");

		assertThat(ordersFor(unknown)).isZero();
		assertThat(ordersOf(this.buyer)).isZero();
		assertThat(eventsAbout(unknown)).isZero();
	}

	@Test
	void placeForOnesOwnTicketIs403AndStoresNothing() {
		placeOrder(this.seller, this.ticket).assertProblem(403, "own_ticket");

		assertThat(ordersFor(this.ticket)).isZero();
		assertThat(ordersOf(this.seller)).isZero();
		assertThat(eventsAbout(this.ticket)).isZero();
	}

	@Test
	void placeForATicketTheReplicaShowsReservedSoldOrWithdrawnIs409() {
		UUID reserved = listedTicket(this.seller);
		UUID sold = listedTicket(this.seller);
		UUID withdrawn = listedTicket(this.seller);
		ticketBecomes(reserved, this.seller, 2, "reserved", UUID.randomUUID());
		ticketBecomes(sold, this.seller, 3, "sold", UUID.randomUUID());
		ticketBecomes(withdrawn, this.seller, 2, "withdrawn", null);

		for (UUID unavailable : List.of(reserved, sold, withdrawn)) {
			placeOrder(this.buyer, unavailable).assertProblem(409, "ticket_unavailable");
			assertThat(ordersFor(unavailable)).isZero();
			assertThat(eventsAbout(unavailable)).isZero();
		}
		assertThat(ordersOf(this.buyer)).isZero();
		// The seller's own ticket is refused as theirs, whatever its state.
		placeOrder(this.seller, withdrawn).assertProblem(403, "own_ticket");
	}

	@Test
	void aSecondOrderWhileTheFirstIsActiveIs409AndAfterCancellingItANewOrderSucceeds() {
		JsonNode first = placedOrder(this.buyer, this.ticket);
		String firstId = first.path("id").asString();
		UUID otherBuyer = UUID.randomUUID();

		placeOrder(otherBuyer, this.ticket).assertProblem(409, "ticket_unavailable");
		placeOrder(this.buyer, this.ticket).assertProblem(409, "ticket_unavailable");
		assertThat(ordersFor(this.ticket)).isEqualTo(1);
		assertThat(ordersOf(otherBuyer)).isZero();
		assertThat(order(this.buyer, firstId)).isEqualTo(first);

		assertThat(cancelOrder(this.buyer, firstId).status()).isEqualTo(204);
		JsonNode second = placedOrder(otherBuyer, this.ticket);

		assertThat(second.path("id").asString()).isNotEqualTo(firstId);
		assertThat(second.path("status").asString()).isEqualTo("created");
		assertThat(second.path("userId").asString()).isEqualTo(otherBuyer.toString());
		assertThat(second.path("version").asLong()).isEqualTo(1);
		assertThat(ordersFor(this.ticket)).isEqualTo(2);
		assertThat(order(this.buyer, firstId).path("status").asString()).isEqualTo("cancelled");
		placeOrder(this.buyer, this.ticket).assertProblem(409, "ticket_unavailable");
		assertThat(ordersFor(this.ticket)).isEqualTo(2);
	}

	@Test
	void aCancelledOrderFreesTheTicketOnlyOnceTheReplicaSaysItIsAvailableAgain() {
		String first = placedOrder(this.buyer, this.ticket).path("id").asString();
		// tickets-service reacts to order.created ...
		ticketBecomes(this.ticket, this.seller, 2, "reserved", UUID.fromString(first));
		assertThat(cancelOrder(this.buyer, first).status()).isEqualTo(204);
		UUID otherBuyer = UUID.randomUUID();

		// ... and has not reacted to order.cancelled yet.
		placeOrder(otherBuyer, this.ticket).assertProblem(409, "ticket_unavailable");
		assertThat(ordersFor(this.ticket)).isEqualTo(1);

		ticketBecomes(this.ticket, this.seller, 3, "available", null);
		JsonNode second = placedOrder(otherBuyer, this.ticket);

		assertThat(second.path("status").asString()).isEqualTo("created");
		assertThat(ordersFor(this.ticket)).isEqualTo(2);
	}

	@Test
	void placeForATicketWithACompleteOrderIs409() {
		String id = placedOrder(this.buyer, this.ticket).path("id").asString();
		complete(id);

		placeOrder(UUID.randomUUID(), this.ticket).assertProblem(409, "ticket_unavailable");
		placeOrder(this.buyer, this.ticket).assertProblem(409, "ticket_unavailable");

		assertThat(ordersFor(this.ticket)).isEqualTo(1);
		assertThat(order(this.buyer, id).path("status").asString()).isEqualTo("complete");
	}

	@Test
	void placeWithoutATokenIs401AndStoresNothing() {
		this.http.postJson("/api/orders", TestHttp.json(Map.of("ticketId", this.ticket.toString())))
			.assertProblem(401, "unauthenticated");

		assertThat(ordersFor(this.ticket)).isZero();
		assertThat(eventsAbout(this.ticket)).isZero();
	}

	// GET /api/orders/{id}

	@Test
	void showReturnsTheCallersOrder() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);

		Response response = this.http.get("/api/orders/" + placed.path("id").asString(), bearer(this.buyer));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json()).isEqualTo(placed);
		assertThat(response.json().propertyNames()).containsExactlyInAnyOrderElementsOf(ORDER_FIELDS);
	}

	@Test
	void showSomeoneElsesOrderIs404LikeAnUnknownOne() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();

		JsonNode someoneElses = this.http.get("/api/orders/" + id, bearer(UUID.randomUUID()))
			.assertProblem(404, "order_not_found");
		JsonNode sellers = this.http.get("/api/orders/" + id, bearer(this.seller))
			.assertProblem(404, "order_not_found");
		JsonNode unknown = this.http.get("/api/orders/" + UUID.randomUUID(), bearer(this.buyer))
			.assertProblem(404, "order_not_found");

		assertThat(withoutInstance(someoneElses)).isEqualTo(withoutInstance(unknown));
		assertThat(withoutInstance(sellers)).isEqualTo(withoutInstance(unknown));
		assertThat(someoneElses.toString()).doesNotContain(this.buyer.toString());
		assertThat(order(this.buyer, id)).isEqualTo(placed);
	}

	@Test
	void showAMalformedIdIs404LikeAnUnknownOne() {
		String id = placedOrder(this.buyer, this.ticket).path("id").asString();
		for (String malformed : List.of("not-a-uuid", "12345", "1-1-1-1-1", id + "0", id.replace("-", ""),
				"%20" + id)) {
			this.http.get("/api/orders/" + malformed, bearer(this.buyer)).assertProblem(404, "order_not_found");
		}
	}

	@Test
	void showWithoutATokenIs401() {
		String id = placedOrder(this.buyer, this.ticket).path("id").asString();

		this.http.get("/api/orders/" + id).assertProblem(401, "unauthenticated");
		this.http.get("/api/orders/" + UUID.randomUUID()).assertProblem(401, "unauthenticated");
		this.http.get("/api/orders/not-a-uuid").assertProblem(401, "unauthenticated");
	}

	// GET /api/orders

	@Test
	void listIsOnlyTheCallersOrdersNewestFirst() {
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			mine.add(placedOrder(this.buyer, listedTicket(this.seller)).path("id").asString());
		}
		UUID otherBuyer = UUID.randomUUID();
		String theirs = placedOrder(otherBuyer, this.ticket).path("id").asString();
		assertThat(cancelOrder(this.buyer, mine.get(1)).status()).isEqualTo(204);

		JsonNode page = list(this.buyer, "");

		assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "page", "size", "totalItems", "totalPages");
		assertThat(ids(page)).containsExactlyElementsOf(mine.reversed());
		assertPage(page, 0, 20, 3, 1);
		assertThat(page.path("items").get(0)).isEqualTo(order(this.buyer, mine.get(2)));
		assertThat(page.path("items").get(1)).isEqualTo(order(this.buyer, mine.get(1)));
		assertThat(page.path("items").get(1).path("status").asString()).isEqualTo("cancelled");
		assertThat(page.path("items").findValuesAsString("userId")).containsOnly(this.buyer.toString());
		JsonNode others = list(otherBuyer, "");
		assertThat(ids(others)).containsExactly(theirs);
		assertPage(others, 0, 20, 1, 1);
		assertThat(list(this.buyer, "?page=0&size=20")).isEqualTo(page);
	}

	@Test
	void listOfAUserWithoutOrdersIsEmpty() {
		placedOrder(this.buyer, this.ticket);

		JsonNode page = list(UUID.randomUUID(), "");

		assertThat(page.path("items").isArray()).isTrue();
		assertThat(page.path("items").isEmpty()).isTrue();
		assertPage(page, 0, 20, 0, 0);
		// The seller sees no order of their buyers.
		assertPage(list(this.seller, ""), 0, 20, 0, 0);
	}

	@Test
	void listPagesWithCorrectTotals() {
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(placedOrder(this.buyer, listedTicket(this.seller)).path("id").asString());
		}
		List<String> newestFirst = placed.reversed();

		JsonNode first = list(this.buyer, "?size=2");
		JsonNode second = list(this.buyer, "?size=2&page=1");
		JsonNode last = list(this.buyer, "?page=2&size=2");
		JsonNode beyond = list(this.buyer, "?page=3&size=2");

		assertPage(first, 0, 2, 5, 3);
		assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
		assertPage(second, 1, 2, 5, 3);
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
		assertPage(last, 2, 2, 5, 3);
		assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(4, 5));
		assertPage(beyond, 3, 2, 5, 3);
		assertThat(ids(beyond)).isEmpty();
		JsonNode exact = list(this.buyer, "?size=5");
		assertPage(exact, 0, 5, 5, 1);
		assertThat(ids(exact)).containsExactlyElementsOf(newestFirst);
		assertPage(list(this.buyer, "?size=100"), 0, 100, 5, 1);
		assertPage(list(this.buyer, "?size=1&page=4"), 4, 1, 5, 5);
		assertThat(ids(list(this.buyer, "?size=1&page=4"))).containsExactly(placed.getFirst());
	}

	@Test
	void listWithoutATokenIs401() {
		placedOrder(this.buyer, this.ticket);

		this.http.get("/api/orders").assertProblem(401, "unauthenticated");
		this.http.get("/api/orders?page=0&size=20").assertProblem(401, "unauthenticated");
	}

	// DELETE /api/orders/{id}

	@Test
	void cancelIs204AndIdempotent() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();

		Response first = cancelOrder(this.buyer, id);

		assertThat(first.status()).as(first.body()).isEqualTo(204);
		assertThat(first.body()).isEmpty();
		JsonNode cancelled = order(this.buyer, id);
		assertThat(cancelled.propertyNames()).containsExactlyInAnyOrderElementsOf(ORDER_FIELDS);
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("cancelReason").asString()).isEqualTo("user");
		assertThat(cancelled.path("version").asLong()).isEqualTo(2);
		for (String unchanged : List.of("id", "userId", "expiresAt", "ticket", "createdAt")) {
			assertThat(cancelled.path(unchanged)).as(unchanged).isEqualTo(placed.path(unchanged));
		}

		Response again = cancelOrder(this.buyer, id);

		assertThat(again.status()).as(again.body()).isEqualTo(204);
		assertThat(again.body()).isEmpty();
		assertThat(order(this.buyer, id)).isEqualTo(cancelled);
		assertThat(ids(list(this.buyer, ""))).containsExactly(id);
	}

	@Test
	void cancelPublishesExactlyOneOrderCancelledAndASecondCancelPublishesNothing() {
		String id = placedOrder(this.buyer, this.ticket).path("id").asString();
		assertThat(cancelOrder(this.buyer, id).status()).isEqualTo(204);

		List<Stored> messages = awaitPublished(id, 2);

		assertThat(messages).extracting(Stored::subject)
			.containsExactly("orders.v1.order.created", "orders.v1.order.cancelled");
		Stored message = messages.get(1);
		JsonNode body = message.body();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "type", "occurredAt", "data");
		assertThat(message.messageId()).isEqualTo(body.path("id").asString());
		assertThat(messages).extracting(Stored::messageId).doesNotHaveDuplicates();
		assertThat(body.path("type").asString()).isEqualTo("orders.v1.order.cancelled");
		assertThat(body.path("occurredAt").asString()).matches(TIMESTAMP);
		JsonNode data = body.path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "version", "userId", "ticket", "reason");
		assertThat(data.path("id").asString()).isEqualTo(id);
		assertThat(data.path("version").asLong()).isEqualTo(2);
		assertThat(data.path("userId").asString()).isEqualTo(this.buyer.toString());
		assertThat(data.path("ticket").propertyNames()).containsExactly("id");
		assertThat(data.path("ticket").path("id").asString()).isEqualTo(this.ticket.toString());
		assertThat(data.path("reason").asString()).isEqualTo("user");

		assertThat(cancelOrder(this.buyer, id).status()).isEqualTo(204);

		assertThat(eventsAbout(UUID.fromString(id))).isEqualTo(2);
		assertThat(awaitPublished(id, 2)).isEqualTo(messages);
	}

	@Test
	void cancelSomeoneElsesOrderIs404AndChangesNothing() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();

		cancelOrder(UUID.randomUUID(), id).assertProblem(404, "order_not_found");
		cancelOrder(this.seller, id).assertProblem(404, "order_not_found");

		assertThat(order(this.buyer, id)).isEqualTo(placed);
		assertThat(eventsAbout(UUID.fromString(id))).isEqualTo(1);
		placeOrder(UUID.randomUUID(), this.ticket).assertProblem(409, "ticket_unavailable");
	}

	@Test
	void cancelAnUnknownOrMalformedIdIs404() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();

		cancelOrder(this.buyer, UUID.randomUUID().toString()).assertProblem(404, "order_not_found");
		for (String malformed : List.of("not-a-uuid", "12345", "1-1-1-1-1", id + "0", id.replace("-", ""),
				"%20" + id)) {
			cancelOrder(this.buyer, malformed).assertProblem(404, "order_not_found");
		}

		assertThat(order(this.buyer, id)).isEqualTo(placed);
	}

	@Test
	void aCompleteOrderCannotBeCancelledAndStaysComplete() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();
		JsonNode complete = complete(id);
		assertThat(complete.path("version").asLong()).isEqualTo(2);
		assertThat(complete.path("cancelReason").isNull()).isTrue();

		cancelOrder(this.buyer, id).assertProblem(409, "order_not_cancellable");
		cancelOrder(this.buyer, id).assertProblem(409, "order_not_cancellable");

		assertThat(order(this.buyer, id)).isEqualTo(complete);
		assertThat(awaitPublished(id, 2)).extracting(Stored::subject)
			.containsExactly("orders.v1.order.created", "orders.v1.order.completed");
		assertThat(eventsAbout(UUID.fromString(id))).isEqualTo(2);
		// Someone else still cannot tell it exists.
		cancelOrder(UUID.randomUUID(), id).assertProblem(404, "order_not_found");
	}

	@Test
	void cancelWithoutATokenIs401AndChangesNothing() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();

		this.http.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody()).assertProblem(401, "unauthenticated");
		this.http.send("DELETE", "/api/orders/" + UUID.randomUUID(), BodyPublishers.noBody())
			.assertProblem(401, "unauthenticated");

		assertThat(order(this.buyer, id)).isEqualTo(placed);
	}

	// Authentication on every route

	@Test
	void everyRouteWithoutATokenIs401() {
		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();
		UUID free = listedTicket(this.seller);

		this.http.postJson("/api/orders", TestHttp.json(Map.of("ticketId", free.toString())))
			.assertProblem(401, "unauthenticated");
		this.http.get("/api/orders").assertProblem(401, "unauthenticated");
		this.http.get("/api/orders/" + id).assertProblem(401, "unauthenticated");
		this.http.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody()).assertProblem(401, "unauthenticated");
		// An empty or non-Bearer Authorization header is no token either.
		for (String authorization : List.of("Bearer ", "Bearer", "Basic dXNlcjpwYXNz", "Token abc")) {
			this.http.get("/api/orders", "Authorization", authorization).assertProblem(401, "unauthenticated");
			this.http
				.postJson("/api/orders", TestHttp.json(Map.of("ticketId", free.toString())), "Authorization",
						authorization)
				.assertProblem(401, "unauthenticated");
		}

		assertThat(ordersFor(free)).isZero();
		assertThat(order(this.buyer, id)).isEqualTo(placed);
	}

	// Session cookie and the CSRF rule

	@Test
	void cookieAuthenticatedRequestsWorkFromTheAllowedOrigin() {
		String cookie = "session=" + KEYS.builder(this.buyer, Instant.now().minusSeconds(1)).compact();

		Response placed = this.http.postJson("/api/orders", TestHttp.json(Map.of("ticketId", this.ticket.toString())),
				"Cookie", cookie, "Origin", "http://localhost:3000");
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		String id = placed.json().path("id").asString();
		Response shown = this.http.get("/api/orders/" + id, "Cookie", cookie);
		Response listed = this.http.get("/api/orders", "Cookie", cookie);
		Response cancelled = this.http.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody(), "Cookie", cookie,
				"Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-origin");

		assertThat(placed.json().path("userId").asString()).isEqualTo(this.buyer.toString());
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(ids(listed.json())).containsExactly(id);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
		assertThat(order(this.buyer, id).path("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void cookieAuthenticatedCrossSiteWritesAre403() {
		String cookie = "session=" + KEYS.builder(this.buyer, Instant.now().minusSeconds(1)).compact();
		String body = TestHttp.json(Map.of("ticketId", this.ticket.toString()));

		this.http.postJson("/api/orders", body, "Cookie", cookie, "Sec-Fetch-Site", "cross-site")
			.assertProblem(403, "csrf_rejected");
		this.http.postJson("/api/orders", body, "Cookie", cookie, "Origin", "https://evil.example")
			.assertProblem(403, "csrf_rejected");
		assertThat(ordersFor(this.ticket)).isZero();

		JsonNode placed = placedOrder(this.buyer, this.ticket);
		String id = placed.path("id").asString();
		this.http
			.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody(), "Cookie", cookie, "Origin",
					"https://evil.example")
			.assertProblem(403, "csrf_rejected");
		this.http
			.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody(), "Cookie", cookie, "Origin",
					"http://localhost:3000", "Sec-Fetch-Site", "cross-site")
			.assertProblem(403, "csrf_rejected");
		assertThat(order(this.buyer, id)).isEqualTo(placed);
	}

	@Test
	void bearerRequestsAreNotSubjectToTheCsrfRule() {
		Response response = this.http.postJson("/api/orders", TestHttp.json(Map.of("ticketId", this.ticket.toString())),
				concat(bearer(this.buyer), "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String id = response.json().path("id").asString();
		Response cancelled = this.http.send("DELETE", "/api/orders/" + id, BodyPublishers.noBody(),
				concat(bearer(this.buyer), "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
	}

	// Helpers

	/**
	 * Completes an order the way payments-service does: a {@code payment.succeeded}
	 * event. Returns the order once it shows {@code complete}.
	 */
	private JsonNode complete(String orderId) {
		publish(Event.of(
				new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId), 12_500, "EUR", "simulated", "pi_1"),
				Instant.now()));
		await().atMost(WAIT).until(() -> "complete".equals(order(this.buyer, orderId).path("status").asString()));
		return order(this.buyer, orderId);
	}

	/** A problem without its {@code instance}, the path asked for. */
	private static JsonNode withoutInstance(JsonNode problem) {
		ObjectNode copy = (ObjectNode) problem.deepCopy();
		copy.remove("instance");
		return copy;
	}

	private JsonNode list(UUID user, String query) {
		Response response = this.http.get("/api/orders" + query, bearer(user));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static void assertPage(JsonNode page, int number, int size, long totalItems, long totalPages) {
		assertThat(page.path("page").asInt()).isEqualTo(number);
		assertThat(page.path("size").asInt()).isEqualTo(size);
		assertThat(page.path("totalItems").asLong()).isEqualTo(totalItems);
		assertThat(page.path("totalPages").asLong()).isEqualTo(totalPages);
	}

	private long ordersOf(UUID user) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Long.class).single();
	}

	/** How many events the outbox holds that mention an id, sent or not. */
	private long eventsAbout(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

	private static String[] concat(String[] headers, String... more) {
		String[] all = Arrays.copyOf(headers, headers.length + more.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

}
