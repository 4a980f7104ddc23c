package dev.ticketing.payments.payout;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.ticketing.payments.escrow.EscrowService;
import dev.ticketing.payments.ledger.Journal;
import dev.ticketing.payments.ledger.Ledger;

/**
 * After a refund of an order whose money was paid out, takes the seller's share back from
 * the transfer that paid it, where the payout method can (Stripe's transfer reversals),
 * in the refund's transaction. Where it cannot, or the provider refuses, the seller's
 * payable stays negative, and their later sales offset it.
 */
@Component
public class TransferReversals {

	private static final Logger logger = LoggerFactory.getLogger(TransferReversals.class);

	private final Payouts payouts;

	private final PayoutProviders providers;

	private final Ledger ledger;

	private final Clock clock;

	TransferReversals(Payouts payouts, PayoutProviders providers, Ledger ledger, Clock clock) {
		this.payouts = payouts;
		this.providers = providers;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Reverses what a refunded payment's release gave the seller, if it was paid out.
	 * @throws PayoutProviderException if the provider gave no answer
	 */
	public void afterRefund(UUID paymentId, EscrowService.RefundSource.AfterRelease source, String currency) {
		if (source.payoutId() == null || source.net() <= 0) {
			return;
		}
		Optional<Payout> payout = this.payouts.find(source.payoutId())
			.filter((found) -> Payout.PAID.equals(found.status()) && found.providerReference() != null);
		Optional<PayoutProvider> provider = payout.flatMap((paid) -> this.providers.forMethod(paid.method()));
		if (payout.isEmpty() || provider.isEmpty()) {
			return;
		}
		long amount = Math.min(source.net(), payout.get().amount());
		// No answer (PayoutProviderException) rolls the whole refund back: the reversal
		// may
		// have been made, and the ledger must not say otherwise. Every call of the refund
		// is
		// keyed, so retrying it refunds and reverses once.
		boolean reversed = provider.get()
			.reverse(new PayoutReversal("reversal-" + paymentId, String.valueOf(payout.get().providerReference()),
					amount, currency));
		if (reversed) {
			this.ledger.record(Journal.transferReversal(paymentId, source.sellerId(), amount, currency),
					this.clock.instant().truncatedTo(ChronoUnit.MICROS));
			logger.info("Took {} {} back from payout {} after refunding payment {}", amount, currency,
					payout.get().id(), paymentId);
		}
	}

}
