package dev.ticketing.payments.payment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.Refund;

/**
 * Giving a payment's money back, in the caller's transaction: the provider refunds first
 * (keyed by the payment, so a retry never refunds twice), then the payment is recorded
 * refunded and {@code payments.v1.payment.refunded} is written to the outbox.
 */
@Component
class Refunds {

	private static final Logger logger = LoggerFactory.getLogger(Refunds.class);

	private final PaymentRepository payments;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final Clock clock;

	Refunds(PaymentRepository payments, PaymentProvider provider, Outbox outbox, Clock clock) {
		this.payments = payments;
		this.provider = provider;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Refunds a recorded, succeeded payment for {@code reason} and announces it.
	 * @throws dev.ticketing.payments.provider.PaymentProviderException if the provider
	 * failed; nothing is recorded
	 */
	void refund(Payment payment, String reason) {
		atProvider(payment);
		Payment refunded = payment.refund(reason, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.payments.update(refunded);
		this.outbox.append(PaymentEvents.refunded(refunded));
		logger.info("Refunded payment {} of order {} ({})", payment.id(), payment.orderId(), reason);
	}

	/** Asks the provider to give a payment's money back, once whatever the retries. */
	void atProvider(Payment payment) {
		this.provider.refund(new Refund("refund-" + payment.providerPaymentId(), payment.id(),
				payment.providerPaymentId(), payment.amount(), payment.currency()));
	}

}
