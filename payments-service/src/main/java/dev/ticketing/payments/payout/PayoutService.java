package dev.ticketing.payments.payout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.common.events.payments.v1.PayoutPaid;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.metrics.OnCommit;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.escrow.Escrows;
import dev.ticketing.payments.ledger.Journal;
import dev.ticketing.payments.ledger.Ledger;

/**
 * Payout accounts, sellers' earnings, and paying sellers out (ADR 17).
 * <p>
 * A payout is made in one transaction with its ledger journal, under a lock per seller
 * and currency, for all that is owed then: the money has left the seller's payable before
 * the provider is called. Sending calls the provider with the payout's id as idempotency
 * key, outside any transaction; then the payout is marked paid (and {@code payout.paid}
 * published), or failed on a refusal (its journal reversed, so the balance is paid out
 * again after a backoff), or left pending for a retry with the same key when the provider
 * gave no answer. Whatever crashes or runs twice, the provider sends each payout once.
 * <p>
 * Counts {@code ticketing.payments.payouts.paid} and
 * {@code ticketing.payments.payouts.failed} (refused by the provider) once recorded.
 */
@Service
public class PayoutService {

	private static final Logger logger = LoggerFactory.getLogger(PayoutService.class);

	private static final Pattern CONNECTED_ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{1,64}");

	private final PayoutAccounts accounts;

	private final Payouts payouts;

	private final PayoutProviders providers;

	private final Escrows escrows;

	private final Ledger ledger;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PaymentsProperties.Payout settings;

	private final Clock clock;

	private final Counter paid;

	private final Counter failed;

	PayoutService(PayoutAccounts accounts, Payouts payouts, PayoutProviders providers, Escrows escrows, Ledger ledger,
			Outbox outbox, JdbcClient jdbc, TransactionTemplate transactions, PaymentsProperties properties,
			Clock clock, MeterRegistry meters) {
		this.accounts = accounts;
		this.payouts = payouts;
		this.providers = providers;
		this.escrows = escrows;
		this.ledger = ledger;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = properties.payout();
		this.clock = clock;
		this.paid = Counter.builder("ticketing.payments.payouts.paid")
			.description("Payouts the provider sent to sellers")
			.register(meters);
		this.failed = Counter.builder("ticketing.payments.payouts.failed")
			.description("Payouts the provider refused; the balance is paid out again after a backoff")
			.register(meters);
	}

	/**
	 * Sets where a seller is paid; payouts made from then on go there.
	 * @throws PayoutAccountInvalidException if the method is not available here, or the
	 * reference does not suit it
	 */
	@Transactional
	public PayoutAccount setAccount(UUID seller, String method, String reference) {
		if (!this.providers.methods().contains(method)) {
			throw new PayoutAccountInvalidException("method",
					"is not available here (available: " + String.join(", ", this.providers.methods()) + ")");
		}
		if ("stripe".equals(method) && !CONNECTED_ACCOUNT.matcher(reference).matches()) {
			throw new PayoutAccountInvalidException("reference", "must be a Stripe connected account id (acct_…)");
		}
		PayoutAccount account = new PayoutAccount(seller, method, reference, now());
		this.accounts.save(account);
		return account;
	}

	/**
	 * @throws PayoutAccountNotFoundException if the seller has none
	 */
	@Transactional(readOnly = true)
	public PayoutAccount account(UUID seller) {
		return this.accounts.find(seller).orElseThrow(PayoutAccountNotFoundException::new);
	}

	@Transactional(readOnly = true)
	public PageResponse<Payout> payouts(UUID seller, PageQuery page) {
		return this.payouts.findBySeller(seller, page);
	}

	/**
	 * What a seller has earned, per currency: in escrow, released and not paid out, paid
	 * out.
	 */
	@Transactional(readOnly = true)
	public Earnings earnings(UUID seller) {
		Map<String, long[]> byCurrency = new TreeMap<>();
		this.jdbc.sql("""
				SELECT e.currency, -sum(e.amount) FROM ledger_entries e JOIN order_replicas o ON o.id = e.owner
				WHERE e.account = 'escrow' AND o.seller_id = ? GROUP BY e.currency""")
			.param(seller)
			.query((rs, row) -> byCurrency.computeIfAbsent(rs.getString(1), (c) -> new long[3])[0] = rs.getLong(2))
			.list();
		this.jdbc
			.sql("SELECT currency, -sum(amount) FROM ledger_entries WHERE account = 'seller_payable' AND owner = ?"
					+ " GROUP BY currency")
			.param(seller)
			.query((rs, row) -> byCurrency.computeIfAbsent(rs.getString(1), (c) -> new long[3])[1] = rs.getLong(2))
			.list();
		for (Payouts.Amount paid : this.payouts.paidOut(seller)) {
			byCurrency.computeIfAbsent(paid.currency(), (c) -> new long[3])[2] = paid.amount();
		}
		List<Earnings.Balance> balances = new ArrayList<>();
		byCurrency.forEach((currency, sums) -> {
			if (sums[0] != 0 || sums[1] != 0 || sums[2] != 0) {
				balances.add(new Earnings.Balance(currency, sums[0], sums[1], sums[2]));
			}
		});
		return new Earnings(balances, this.escrows.nextReleaseOf(seller).orElse(null));
	}

	/**
	 * Makes the payouts that are due: every seller with a payout account owed at least
	 * the minimum in a currency, without a pending payout or a failed one waiting for its
	 * retry. Each payout and its journal commit together.
	 * @return how many were made
	 */
	public int makeDue() {
		int made = 0;
		for (Payouts.Candidate candidate : this.payouts.candidates(this.settings.minimum(), now(),
				this.settings.batchSize())) {
			Boolean payout = this.transactions.execute((status) -> make(candidate.sellerId(), candidate.currency()));
			if (Boolean.TRUE.equals(payout)) {
				made++;
			}
		}
		return made;
	}

	private boolean make(UUID seller, String currency) {
		// One maker per seller and currency at a time, on any instance; the second finds
		// the first one's payout and nothing left to pay. A release for them waits too,
		// so the orders marked below are exactly those whose money is owed now.
		this.ledger.lockPayable(seller, currency);
		Instant now = now();
		long owed = this.ledger.owedTo(seller, currency);
		Optional<PayoutAccount> account = this.accounts.find(seller);
		if (owed < this.settings.minimum() || account.isEmpty() || this.payouts.hasPending(seller, currency, now)) {
			return false;
		}
		UUID id = UUID.randomUUID();
		List<UUID> orders = this.escrows.assignToPayout(seller, currency, id);
		String transferGroup = (orders.size() == 1) ? orders.getFirst().toString() : "payout_" + id;
		Payout payout = new Payout(id, seller, owed, currency, account.get().method(), account.get().reference(),
				transferGroup, Payout.PENDING, 0, now, null, null);
		this.payouts.insert(payout);
		this.ledger.record(Journal.payout(id, seller, owed, currency), now);
		logger.info("Payout {} of {} {} to seller {} made ({})", id, owed, currency, seller, payout.method());
		return true;
	}

	/**
	 * Sends the pending payouts that are due, at most a batch, each claimed for this
	 * caller for the lease.
	 * @return how many the provider answered (sent or refused)
	 */
	public int sendDue() {
		Instant now = now();
		List<Payout> claimed = this.transactions
			.execute((status) -> this.payouts.claimDue(now, this.settings.lease(), this.settings.batchSize()));
		int answered = 0;
		for (Payout payout : (claimed != null) ? claimed : List.<Payout>of()) {
			if (send(payout)) {
				answered++;
			}
		}
		return answered;
	}

	private boolean send(Payout payout) {
		Optional<PayoutProvider> provider = this.providers.forMethod(payout.method());
		PayoutOutcome outcome;
		if (provider.isEmpty()) {
			outcome = new PayoutOutcome.Refused("Payout method " + payout.method() + " is not available here");
		}
		else {
			try {
				outcome = provider.get().pay(payout.instruction());
			}
			catch (PayoutProviderException ex) {
				Instant retry = now().plus(backoff(payout.attempts()));
				logger.warn("Payout {} got no answer from the provider (attempt {}); retrying at {}: {}", payout.id(),
						payout.attempts(), retry, ex.getMessage());
				this.transactions.executeWithoutResult((status) -> this.payouts.retryAt(payout.id(), retry));
				return false;
			}
		}
		PayoutOutcome answer = outcome;
		this.transactions.executeWithoutResult((status) -> record(payout, answer));
		return true;
	}

	private void record(Payout payout, PayoutOutcome outcome) {
		Instant now = now();
		switch (outcome) {
			case PayoutOutcome.Sent sent -> {
				if (this.payouts.markPaid(payout.id(), sent.providerReference(), now)) {
					this.outbox.append(new PayoutPaid(payout.id(), payout.sellerId(), payout.amount(),
							payout.currency(), payout.method()));
					logger.info("Payout {} of {} {} to seller {} paid ({})", payout.id(), payout.amount(),
							payout.currency(), payout.sellerId(), sent.providerReference());
					OnCommit.increment(this.paid);
				}
			}
			case PayoutOutcome.Refused refused -> {
				int failures = this.payouts.failuresInARow(payout.sellerId(), payout.currency());
				Instant retryAt = now.plus(backoff(failures + 1));
				if (this.payouts.markFailed(payout.id(), refused.reason(), now, retryAt)) {
					this.ledger.record(
							Journal.payoutReversal(payout.id(), payout.sellerId(), payout.amount(), payout.currency()),
							now);
					this.escrows.unassignPayout(payout.id());
					logger.warn("Payout {} to seller {} refused: {}; the balance is paid out again from {}",
							payout.id(), payout.sellerId(), refused.reason(), retryAt);
					OnCommit.increment(this.failed);
				}
			}
		}
	}

	/**
	 * The wait before the attempt after {@code attempts}: doubling, within the bounds.
	 */
	Duration backoff(int attempts) {
		Duration wait = this.settings.minBackoff();
		for (int i = 1; i < attempts && wait.compareTo(this.settings.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
