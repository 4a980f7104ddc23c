package dev.ticketing.payments.escrow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.ledger.Journal;
import dev.ticketing.payments.ledger.Ledger;
import dev.ticketing.payments.ledger.PlatformFee;
import dev.ticketing.payments.order.OrderReplicas;

/**
 * Holding each completed order's money until after its event and releasing it to the
 * seller. The charge put the money in the order's escrow account; the release journals it
 * to the seller's payable and the platform's fees. A refund takes it back from wherever
 * it is then.
 */
@Service
public class EscrowService {

	private static final Logger logger = LoggerFactory.getLogger(EscrowService.class);

	private final Escrows escrows;

	private final OrderReplicas orders;

	private final Ledger ledger;

	private final PaymentsProperties.Payout settings;

	private final PlatformFee fee;

	private final Clock clock;

	EscrowService(Escrows escrows, OrderReplicas orders, Ledger ledger, PaymentsProperties properties, Clock clock) {
		this.escrows = escrows;
		this.orders = orders;
		this.ledger = ledger;
		this.settings = properties.payout();
		this.fee = new PlatformFee(this.settings.feeBps());
		this.clock = clock;
	}

	/**
	 * Schedules the release of a completed order's payment, in the caller's transaction,
	 * once both the order's completion and its seller are known (its events may arrive in
	 * any order, so each calls this). A second call changes nothing.
	 * @return whether the escrow was opened now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean open(UUID orderId, UUID paymentId, long amount, String currency) {
		Optional<OrderReplicas.Sale> sale = this.orders.completedSale(orderId);
		if (sale.isEmpty()) {
			return false;
		}
		Instant releaseAt = Escrow.releaseAt(sale.get().eventAt(), sale.get().completedAt(), this.settings.delay());
		boolean opened = this.escrows.insert(new Escrow(orderId, paymentId, sale.get().sellerId(), amount, currency,
				releaseAt, null, null, null, null), now());
		if (opened) {
			logger.info("Holding {} {} of order {} for seller {} until {}", amount, currency, orderId,
					sale.get().sellerId(), releaseAt);
		}
		return opened;
	}

	/**
	 * Releases due escrows, at most a batch, in one transaction; the rows another
	 * instance is releasing are skipped.
	 * @return how many were released
	 */
	@Transactional
	public int releaseDue() {
		Instant now = now();
		List<Escrow> due = this.escrows.claimDue(now, this.settings.batchSize());
		// A payout being made on another instance reads what a seller is owed and then
		// marks their released orders as paid by it: a release committed in between would
		// be marked without being paid. The sellers' payables are locked first, in the
		// one
		// order every release takes them, so two instances' releases never deadlock.
		due.stream()
			.map((escrow) -> new Payable(escrow.sellerId(), escrow.currency()))
			.distinct()
			.sorted(Comparator.comparing((Payable payable) -> payable.sellerId().toString())
				.thenComparing(Payable::currency))
			.forEach((payable) -> this.ledger.lockPayable(payable.sellerId(), payable.currency()));
		for (Escrow escrow : due) {
			long fee = this.fee.of(escrow.amount());
			this.ledger.record(
					Journal.release(escrow.orderId(), escrow.sellerId(), escrow.amount(), fee, escrow.currency()), now);
			this.escrows.markReleased(escrow.orderId(), fee, now);
			logger.info("Released {} {} of order {} to seller {} (fee {})", escrow.amount() - fee, escrow.currency(),
					escrow.orderId(), escrow.sellerId(), fee);
		}
		return due.size();
	}

	/**
	 * Journals a refund of an order's payment, in the caller's transaction (which holds
	 * the payment): out of the order's escrow before the release, out of the seller's
	 * payable and the platform's fees after it.
	 * @return where the money came from
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RefundSource refund(UUID paymentId, UUID orderId, long amount, String currency) {
		Instant now = now();
		Optional<Escrow> escrow = this.escrows.findForUpdate(orderId)
			.filter((held) -> held.paymentId().equals(paymentId));
		if (escrow.isPresent() && escrow.get().isReleased()) {
			Escrow released = escrow.get();
			this.ledger.record(Journal.refundAfterRelease(paymentId, released.sellerId(), released.amount(),
					released.amount() - released.net(), currency), now);
			this.escrows.markRefunded(orderId, now);
			return new RefundSource.AfterRelease(released.sellerId(), released.net(), released.payoutId());
		}
		this.ledger.record(Journal.refundFromEscrow(paymentId, orderId, amount, currency), now);
		escrow.ifPresent((held) -> this.escrows.markRefunded(orderId, now));
		return new RefundSource.Escrowed();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A seller's payable in one currency. */
	private record Payable(UUID sellerId, String currency) {

	}

	/**
	 * Where a refund's money came from.
	 */
	public sealed interface RefundSource {

		/** The order's escrow: its seller is never paid for it. */
		record Escrowed() implements RefundSource {

		}

		/**
		 * The seller's payable: they had been given {@code net} for it.
		 *
		 * @param sellerId the seller
		 * @param net what the release gave them
		 * @param payoutId the payout that sent it to them, {@code null} if not paid out
		 */
		record AfterRelease(UUID sellerId, long net, @Nullable UUID payoutId) implements RefundSource {

		}

	}

}
