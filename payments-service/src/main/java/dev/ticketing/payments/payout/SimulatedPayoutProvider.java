package dev.ticketing.payments.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payout provider without a network, for development and tests: a reference starting
 * {@code fail_} is refused (so a test can drive a failure), any other is sent. Like a
 * real provider it keeps its own record of what it sent (table
 * {@code simulated_transfers}, in a transaction of its own, as a provider's record is no
 * part of ours), so a call with an idempotency key it has seen answers as the first did,
 * across restarts and instances. It cannot take money back: a refund after a payout
 * leaves the seller owing it, offset by later sales.
 */
class SimulatedPayoutProvider implements PayoutProvider {

	/** The references it refuses start with this. */
	static final String FAILING = "fail_";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SimulatedPayoutProvider(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String method() {
		return "simulated";
	}

	@Override
	public PayoutOutcome pay(PayoutInstruction instruction) {
		if (instruction.reference().startsWith(FAILING)) {
			return new PayoutOutcome.Refused(
					"The simulated payout account " + instruction.reference() + " refuses payouts.");
		}
		String id = this.transactions.execute((status) -> {
			this.jdbc
				.sql("INSERT INTO simulated_transfers (idempotency_key, id, destination, amount, currency, created_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
				.params(instruction.idempotencyKey(), "sim_tr_" + UUID.randomUUID().toString().replace("-", ""),
						instruction.reference(), instruction.amount(), instruction.currency(),
						Timestamp.from(this.clock.instant()))
				.update();
			Optional<String> sent = this.jdbc.sql("SELECT id FROM simulated_transfers WHERE idempotency_key = ?")
				.param(instruction.idempotencyKey())
				.query(String.class)
				.optional();
			return sent.orElseThrow();
		});
		return new PayoutOutcome.Sent(id);
	}

	@Override
	public boolean reverse(PayoutReversal reversal) {
		return false;
	}

}
