package dev.ticketing.payments.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.payments.ledger.Journal;
import dev.ticketing.payments.ledger.Ledger;
import dev.ticketing.payments.order.OrderReplica;
import dev.ticketing.payments.order.OrderReplicas;
import dev.ticketing.payments.provider.PaymentProvider;

/**
 * Charges the provider reports as succeeded (its webhooks): one that no payment request
 * recorded, because the request timed out or the service stopped after the money was
 * taken, is recorded here, once.
 */
@Service
public class ChargeSettlement {

	private static final Logger logger = LoggerFactory.getLogger(ChargeSettlement.class);

	private final PaymentRepository payments;

	private final OrderReplicas orders;

	private final Refunds refunds;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final Ledger ledger;

	private final Clock clock;

	ChargeSettlement(PaymentRepository payments, OrderReplicas orders, Refunds refunds, PaymentProvider provider,
			Outbox outbox, Ledger ledger, Clock clock) {
		this.payments = payments;
		this.orders = orders;
		this.refunds = refunds;
		this.provider = provider;
		this.outbox = outbox;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Records a succeeded charge if no request recorded it. Reported again, it changes
	 * nothing. A second charge for an order that already has a payment is refunded at
	 * once; one for an order that was cancelled is recorded and then refunded by the
	 * late-payment saga's rule.
	 * @param attemptKey the idempotency key of the attempt that made the charge, as the
	 * provider reports it back, or {@code null}
	 * @return whether anything changed
	 */
	@Transactional
	public boolean settleSucceededCharge(UUID orderId, UUID buyer, long amount, String currency,
			String providerPaymentId, @Nullable String attemptKey) {
		// The request that made the charge may still be recording it: it holds the
		// order's row until it commits, so look for the payment once that lock is ours.
		Optional<OrderReplica> order = this.orders.findForUpdate(orderId);
		if (this.payments.findByProviderPayment(this.provider.name(), providerPaymentId).isPresent()) {
			return false;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Payment payment = Payment.succeeded(UUID.randomUUID(), orderId, buyer, amount, currency, this.provider.name(),
				providerPaymentId, attemptKey, now);
		if (this.payments.findSucceededForUpdate(orderId).isPresent()) {
			logger.warn("Provider payment {} is a second charge for order {}: refunding it", providerPaymentId,
					orderId);
			this.refunds.atProvider(payment);
			this.payments.insert(payment.refund(Payment.DUPLICATE, now));
			// In and straight out again: the order's escrow keeps only the first payment.
			this.ledger.record(Journal.charge(payment.id(), orderId, amount, currency), now);
			this.ledger.record(Journal.refundFromEscrow(payment.id(), orderId, amount, currency), now);
			return true;
		}
		this.payments.insert(payment);
		this.ledger.record(Journal.charge(payment.id(), orderId, amount, currency), now);
		this.outbox.append(PaymentEvents.succeeded(payment));
		logger.info("Recorded provider payment {} for order {} as payment {}", providerPaymentId, orderId,
				payment.id());
		if (order.isPresent() && order.get().isCancelled()) {
			this.refunds.refund(payment, Payment.ORDER_CANCELLED);
		}
		return true;
	}

}
