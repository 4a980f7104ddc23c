package dev.ticketing.tickets.pass;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-ins and resales of one pass sent at the same moment, over real HTTP to the real
 * database: the database decides, once.
 */
class PassRacesIntegrationTests extends TicketsIntegrationTest {

	@Autowired
	PassService passes;

	private static final int CHECK_INS = 50;

	@RepeatedTest(3)
	void fiftySimultaneousCheckInsOfOneCodeAdmitOnce() throws Exception {
		UUID buyer = UUID.randomUUID();
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		sellTo(ticketId, buyer);
		String code = passOf(buyer, ticketId).path("code").asString();

		List<Response> answers = all(CHECK_INS, () -> checkIn(code));

		List<Response> admitted = answers.stream().filter((answer) -> answer.status() == 200).toList();
		assertThat(admitted).hasSize(1);
		String checkedInAt = admitted.get(0).json().path("pass").path("checkedInAt").asString();
		List<Response> refused = answers.stream().filter((answer) -> answer.status() != 200).toList();
		assertThat(refused).hasSize(CHECK_INS - 1);
		for (Response answer : refused) {
			JsonNode problem = answer.assertProblem(409, "already_checked_in");
			assertThat(java.time.Instant.parse(problem.path("checkedInAt").asString()))
				.isEqualTo(java.time.Instant.parse(checkedInAt));
		}
		assertThat(passOf(buyer, ticketId).path("status").asString()).isEqualTo("used");
	}

	@RepeatedTest(10)
	void aCheckInRacingAResaleListingOfTheSamePassLetsExactlyOneWin() throws Exception {
		UUID buyer = UUID.randomUUID();
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		sellTo(ticketId, buyer);
		String code = passOf(buyer, ticketId).path("code").asString();

		List<Response> answers = all(2, List.of(() -> checkIn(code), () -> resell(buyer, ticketId, 12_500)));
		Response checkIn = answers.get(0);
		Response resale = answers.get(1);

		String status = passOf(buyer, ticketId).path("status").asString();
		if (checkIn.status() == 200) {
			resale.assertProblem(409, "already_checked_in");
			assertThat(status).isEqualTo("used");
			assertThat(resaleListings(ticketId)).isZero();
		}
		else {
			checkIn.assertProblem(409, "ticket_listed");
			assertThat(resale.status()).as(resale.body()).isEqualTo(201);
			assertThat(status).isEqualTo("listed");
			assertThat(resaleListings(ticketId)).isEqualTo(1);
		}
	}

	@RepeatedTest(3)
	void simultaneousResalesOfOnePassListItOnce() throws Exception {
		UUID buyer = UUID.randomUUID();
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		sellTo(ticketId, buyer);

		List<Response> answers = all(10, () -> resell(buyer, ticketId, 12_000));

		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(1);
		answers.stream()
			.filter((answer) -> answer.status() != 201)
			.forEach((answer) -> answer.assertProblem(409, "already_listed"));
		assertThat(resaleListings(ticketId)).isEqualTo(1);
	}

	@RepeatedTest(10)
	void aSupportRefundRacingTheWithdrawalOfItsResaleListingEndsWithBothDone() throws Exception {
		UUID buyer = UUID.randomUUID();
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		UUID order = sellTo(ticketId, buyer);
		String resale = resell(buyer, ticketId, 12_000).json().path("id").asString();

		List<Response> answers = all(2, List.of(
				() -> this.http.send("DELETE", "/api/tickets/" + resale, BodyPublishers.noBody(), bearer(buyer)),
				() -> {
					this.passes.refunded(order);
					return null;
				}));

		assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(204);
		assertThat(passOf(buyer, ticketId).path("status").asString()).isEqualTo("void");
		assertThat(ticket(resale).path("status").asString()).isEqualTo("withdrawn");
	}

	private long resaleListings(String ticketId) {
		return this.jdbc.sql("SELECT count(*) FROM tickets WHERE resold_from = ?")
			.param(UUID.fromString(ticketId))
			.query(Long.class)
			.single();
	}

	private static List<Response> all(int count, Callable<Response> call) throws Exception {
		List<Callable<Response>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			calls.add(call);
		}
		return all(count, calls);
	}

	/** Runs the calls at once, released together, each on its own thread. */
	private static List<Response> all(int threads, List<Callable<Response>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (Callable<Response> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<Response> answers = new ArrayList<>();
			for (Future<Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
