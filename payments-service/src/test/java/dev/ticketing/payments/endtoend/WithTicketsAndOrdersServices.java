package dev.ticketing.payments.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.ticketing.common.testing.JwksTestServer;
import dev.ticketing.common.testing.ServiceProcess;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payments-service (this test's context) with tickets-service and orders-service (their
 * jars, each its own process) on the same nats-server, every one trusting the tests'
 * keys: a seller lists a ticket through tickets-service, a buyer orders it through
 * orders-service and pays for it here, and the events do the rest. The provider is the
 * simulated one behind a {@link GatedPaymentProvider gate} a test can close to keep a
 * charge in flight.
 * <p>
 * Each subclass starts the two processes in its {@code @BeforeAll} with
 * {@link #startTicketsAndOrders(String)}, choosing orders-service's hold window.
 */
@Import(GatedPaymentProvider.Installer.class)
abstract class WithTicketsAndOrdersServices extends PaymentsIntegrationTest {

	/**
	 * Three services and their events on a busy machine: generous, as it is only a bound.
	 */
	protected static final Duration E2E_WAIT = Duration.ofSeconds(60);

	/** orders-service's durable consumer on {@code PAYMENTS}. */
	private static final String ORDERS_SERVICE = "orders-service";

	private static JwksTestServer jwks;

	private static ServiceProcess tickets;

	private static ServiceProcess orders;

	protected static TestHttp ticketsApi;

	protected static TestHttp ordersApi;

	@Autowired
	protected GatedPaymentProvider provider;

	/**
	 * Starts tickets-service and orders-service, the latter holding orders for
	 * {@code holdWindow} (ISO-8601) and looking for expired holds twice a second.
	 */
	protected static void startTicketsAndOrders(String holdWindow) {
		jwks = JwksTestServer.serving(KEYS);
		tickets = ServiceProcess.start("tickets-service", Map.of("NATS_URL", NATS.url(), "DB_NAME",
				"ticketing_tickets_test", "TICKETING_SECURITY_JWKS_URI", jwks.url()));
		ticketsApi = new TestHttp(tickets.port());
		orders = ServiceProcess.start("orders-service",
				Map.of("NATS_URL", NATS.url(), "DB_NAME", "ticketing_orders_test", "TICKETING_SECURITY_JWKS_URI",
						jwks.url(), "ORDERS_HOLD_WINDOW", holdWindow, "ORDERS_EXPIRY_INTERVAL", "PT0.5S"));
		ordersApi = new TestHttp(orders.port());
	}

	@AfterAll
	static void stopTicketsAndOrders() {
		if (orders != null) {
			orders.close();
		}
		if (tickets != null) {
			tickets.close();
		}
		if (jwks != null) {
			jwks.close();
		}
	}

	/** Lists an available ticket through tickets-service. */
	protected static UUID listThroughTicketsService(UUID seller) {
		Response response = ticketsApi.postJson("/api/tickets",
				TestHttp.json(Map.of("title", "Arctic Monkeys, floor", "price", PRICE, "currency", "EUR")),
				bearer(seller));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	/**
	 * Orders a ticket through orders-service, asking again while orders' replica does not
	 * have the ticket yet (404), and waits until payments' replica has the order.
	 * @return the order as orders-service answered
	 */
	protected JsonNode orderThroughOrdersService(UUID buyer, UUID ticket) {
		AtomicReference<Response> placed = new AtomicReference<>();
		await().atMost(E2E_WAIT).until(() -> {
			placed.set(ordersApi.postJson("/api/orders", TestHttp.json(Map.of("ticketId", ticket.toString())),
					bearer(buyer)));
			return placed.get().status() != 404;
		});
		assertThat(placed.get().status()).as(placed.get().body()).isEqualTo(201);
		JsonNode order = placed.get().json();
		assertThat(order.path("status").asString()).isEqualTo("created");
		await().atMost(E2E_WAIT).until(() -> replicaVersion(id(order)) >= 1);
		return order;
	}

	/** The order as orders-service shows it to its buyer. */
	protected static JsonNode orderInOrdersService(UUID buyer, UUID order) {
		Response response = ordersApi.get("/api/orders/" + order, bearer(buyer));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Waits until orders-service shows the order with this status, and returns it. */
	protected static JsonNode awaitOrderStatus(UUID buyer, UUID order, String status) {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		await().atMost(E2E_WAIT).until(() -> {
			seen.set(orderInOrdersService(buyer, order));
			return status.equals(seen.get().path("status").asString());
		});
		return seen.get();
	}

	/** The buyer cancels the order through orders-service. */
	protected static Response cancelThroughOrdersService(UUID buyer, UUID order) {
		return ordersApi.send("DELETE", "/api/orders/" + order, HttpRequest.BodyPublishers.noBody(), bearer(buyer));
	}

	/** The ticket as tickets-service shows it. */
	protected static JsonNode ticketInTicketsService(UUID ticket) {
		Response response = ticketsApi.get("/api/tickets/" + ticket);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * Waits until tickets-service shows the ticket with this status at this version or a
	 * later one, and returns it.
	 */
	protected static JsonNode awaitTicket(UUID ticket, String status, long version) {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		await().atMost(E2E_WAIT).until(() -> {
			seen.set(ticketInTicketsService(ticket));
			return status.equals(seen.get().path("status").asString())
					&& seen.get().path("version").asLong() >= version;
		});
		return seen.get();
	}

	/**
	 * The buyer's payments of an order, as {@code GET /api/payments?orderId=} lists them.
	 */
	protected JsonNode paymentsListed(UUID buyer, UUID order) {
		Response response = this.http.get("/api/payments?orderId=" + order, bearer(buyer));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items");
	}

	/**
	 * {@code POST /api/payments} with a long timeout: for a charge a test holds at the
	 * gate for as long as the hold takes to run out.
	 */
	protected Response payAndWait(UUID buyer, UUID order, String paymentMethod) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String[] authorization = bearer(buyer);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.http.origin() + "/api/payments"))
			.timeout(Duration.ofMinutes(3))
			.header("Content-Type", "application/json")
			.header(authorization[0], authorization[1])
			.POST(HttpRequest.BodyPublishers
				.ofString(TestHttp.json(Map.of("orderId", order.toString(), "paymentMethod", paymentMethod))))
			.build();
		return new Response(client.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/** The {@code ORDERS} stream's messages of one type about an order. */
	protected List<Stored> orderEvents(UUID order, String type) {
		return StreamMessages.about(this.nats, "ORDERS", order)
			.stream()
			.filter((message) -> message.subject().equals(type))
			.toList();
	}

	/**
	 * Waits until payments-service has published every event about an order it wrote to
	 * its outbox (others' rows are not waited for).
	 */
	protected void awaitEventsAboutPublished(UUID order) {
		await().atMost(E2E_WAIT).until(() -> unsentEventsAbout(order) == 0);
	}

	/** Unpublished rows of payments' outbox about an order. */
	protected long unsentEventsAbout(UUID order) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%" + order + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * Waits until orders-service's consumer has acknowledged a {@code PAYMENTS} message
	 * (and every one before it): whatever it was going to do about it is done.
	 */
	protected void awaitOrdersServiceConsumed(Stored paymentEvent) {
		await().atMost(E2E_WAIT)
			.ignoreExceptionsInstanceOf(JetStreamApiException.class)
			.until(() -> this.nats.jetStreamManagement()
				.getConsumerInfo("PAYMENTS", ORDERS_SERVICE)
				.getAckFloor()
				.getStreamSequence() >= paymentEvent.sequence());
	}

	/**
	 * How many transactions wait for a lock to write to payments' order replica, as the
	 * consumer applying an order event waits while a charge holds the order's row.
	 */
	protected long replicaWritesWaitingForALock() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock'
				AND query LIKE 'INSERT INTO order_replicas %'""").query(Long.class).single();
	}

	/**
	 * Stops the nats-server and waits until this context's connection has noticed.
	 */
	protected void stopNats() {
		NATS.stop();
		await().atMost(E2E_WAIT).until(() -> this.nats.getStatus() != Connection.Status.CONNECTED);
	}

	protected static UUID id(JsonNode resource) {
		return UUID.fromString(resource.path("id").asString());
	}

}
