package dev.ticketing.orders.endtoend;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.ticketing.common.testing.JwksTestServer;
import dev.ticketing.common.testing.ServiceProcess;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * orders-service (this test's context) and tickets-service (its jar, as its own process)
 * on the same nats-server: tickets are listed through tickets-service's API and reach
 * orders' replica as events; orders' events reserve, release and sell them there.
 */
abstract class WithTicketsService extends OrdersIntegrationTest {

	/**
	 * Two services and their events on a busy machine: generous, as it is only a bound.
	 */
	protected static final Duration E2E_WAIT = Duration.ofSeconds(60);

	private static JwksTestServer jwks;

	private static ServiceProcess tickets;

	protected static TestHttp ticketsApi;

	@BeforeAll
	static void startTicketsService() {
		jwks = JwksTestServer.serving(KEYS);
		tickets = ServiceProcess.start("tickets-service", Map.of("NATS_URL", NATS.url(), "DB_NAME",
				"ticketing_tickets_test", "TICKETING_SECURITY_JWKS_URI", jwks.url()));
		ticketsApi = new TestHttp(tickets.port());
	}

	@AfterAll
	static void stopTicketsService() {
		tickets.close();
		jwks.close();
	}

	/** Lists a ticket through tickets-service and waits until orders' replica has it. */
	protected UUID listThroughTicketsService(UUID seller) {
		Response response = ticketsApi.postJson("/api/tickets",
				TestHttp.json(Map.of("title", "Arctic Monkeys, floor", "price", 12_500, "currency", "EUR")),
				bearer(seller));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		UUID id = UUID.fromString(response.json().path("id").asString());
		await().atMost(E2E_WAIT).until(() -> replicaVersion(id) == 1);
		return id;
	}

	/** Waits until tickets-service shows the ticket with this status. */
	protected void awaitTicketStatus(UUID ticket, String status) {
		await().atMost(E2E_WAIT)
			.until(() -> status.equals(ticketsApi.get("/api/tickets/" + ticket).json().path("status").asString()));
	}

	protected String ticketStatus(UUID ticket) {
		return ticketsApi.get("/api/tickets/" + ticket).json().path("status").asString();
	}

}
