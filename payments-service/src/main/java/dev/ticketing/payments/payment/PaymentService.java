package dev.ticketing.payments.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.payments.idempotency.IdempotencyKeys;
import dev.ticketing.payments.idempotency.StoredResponse;
import dev.ticketing.payments.order.OrderReplica;
import dev.ticketing.payments.order.OrderReplicas;
import dev.ticketing.payments.provider.Charge;
import dev.ticketing.payments.provider.ChargeOutcome;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.PaymentProviderException;
import dev.ticketing.payments.provider.Refund;

/**
 * Charging orders and refunding payments. A payment and its {@code payments.v1.*} event
 * commit together through the outbox.
 * <p>
 * A charge runs in one transaction that holds its order's replica row locked from the
 * checks to the commit: concurrent charges for one order run one after the other (the
 * second finds the order paid), and an {@code order.cancelled} arriving meanwhile is
 * applied after the payment is recorded, and refunds it.
 */
@Service
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	private final PaymentRepository payments;

	private final OrderReplicas orders;

	private final IdempotencyKeys idempotencyKeys;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final JsonMapper json;

	private final Clock clock;

	public PaymentService(PaymentRepository payments, OrderReplicas orders, IdempotencyKeys idempotencyKeys,
			PaymentProvider provider, Outbox outbox, JsonMapper json, Clock clock) {
		this.payments = payments;
		this.orders = orders;
		this.idempotencyKeys = idempotencyKeys;
		this.provider = provider;
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Pays one of the buyer's orders.
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}: a
	 * retry with the same key gets the first result and charges nothing
	 * @return the payment, or the provider's decline (which is stored for the key, so it
	 * is not an exception that would roll the claim back)
	 * @throws OrderNotFoundException if the order is unknown or not the buyer's
	 * @throws OrderPaidException if it already has a succeeded payment
	 * @throws OrderCancelledException if it was cancelled
	 * @throws OrderExpiredException if its hold has run out
	 */
	@Transactional
	public PaymentResult pay(UUID buyer, UUID orderId, String paymentMethod, String idempotencyKey) {
		Instant now = now();
		if (idempotencyKey != null) {
			Optional<StoredResponse> first = this.idempotencyKeys.claim(buyer, idempotencyKey,
					requestHash(orderId, paymentMethod), now);
			if (first.isPresent()) {
				return replay(first.get());
			}
		}
		OrderReplica order = this.orders.findForUpdate(orderId)
			.filter((found) -> found.isPlacedBy(buyer))
			.orElseThrow(OrderNotFoundException::new);
		String attempt = attemptKey(buyer, idempotencyKey);
		Optional<Payment> paid = this.payments.findSucceededForUpdate(orderId);
		PaymentResult result;
		if (idempotencyKey != null && paid.isPresent() && paid.get().isTakenBy(attempt)) {
			// This key's own charge, whose answer was lost (503) and which the provider's
			// webhook recorded meanwhile: the first answer this key gets.
			result = new PaymentResult.Paid(PaymentResponse.of(paid.get()), false);
		}
		else {
			if (order.isComplete() || paid.isPresent()) {
				throw new OrderPaidException();
			}
			if (order.isCancelled()) {
				throw new OrderCancelledException();
			}
			if (order.isExpiredAt(now)) {
				throw new OrderExpiredException();
			}
			result = charge(order, buyer, paymentMethod, attempt, now);
		}
		if (idempotencyKey != null) {
			this.idempotencyKeys.complete(buyer, idempotencyKey, store(result));
		}
		return result;
	}

	private PaymentResult charge(OrderReplica order, UUID buyer, String paymentMethod, String attempt, Instant now) {
		if (order.amount() == null || order.currency() == null) {
			throw new IllegalStateException("Order " + order.id() + " is created but its price is unknown");
		}
		Charge charge = new Charge(attempt, order.id(), buyer, order.amount(), order.currency(), paymentMethod);
		return switch (charge(charge)) {
			case ChargeOutcome.Succeeded succeeded -> {
				Payment payment = Payment.succeeded(UUID.randomUUID(), order.id(), buyer, order.amount(),
						order.currency(), this.provider.name(), succeeded.providerPaymentId(), attempt, now);
				this.payments.insert(payment);
				this.outbox.append(PaymentEvents.succeeded(payment));
				logger.info("Payment {} of {} {} for order {} succeeded", payment.id(), payment.amount(),
						payment.currency(), order.id());
				yield new PaymentResult.Paid(PaymentResponse.of(payment), false);
			}
			case ChargeOutcome.Declined declined -> {
				logger.info("Payment for order {} declined: {}", order.id(), declined.message());
				yield new PaymentResult.Declined(declined.message(), false);
			}
		};
	}

	/** One of the user's payments; someone else's is not found. */
	@Transactional(readOnly = true)
	public Payment get(UUID user, UUID id) {
		return this.payments.find(id)
			.filter((payment) -> payment.isMadeBy(user))
			.orElseThrow(PaymentNotFoundException::new);
	}

	/** The user's payments, newest first, for one order if {@code orderId} is given. */
	@Transactional(readOnly = true)
	public PageResponse<Payment> list(UUID user, UUID orderId, int page, int size) {
		return this.payments.findByUser(user, orderId, page, size);
	}

	/**
	 * The late-payment saga, in the transaction that applies {@code order.cancelled}:
	 * gives back the order's succeeded payment, if it has one, and announces it. Running
	 * it again (a redelivery) finds nothing left to refund; the provider's refund is
	 * keyed by the payment, so a retry after a failure never refunds twice.
	 * @return whether a payment was refunded
	 */
	@Transactional
	public boolean refundPaymentOf(UUID orderId, String reason) {
		Optional<Payment> paid = this.payments.findSucceededForUpdate(orderId);
		paid.ifPresent((payment) -> refund(payment, reason));
		return paid.isPresent();
	}

	/**
	 * Records a charge the provider reports as succeeded (a webhook) if no request
	 * recorded it: one whose request timed out or whose service stopped after the money
	 * was taken. Reported again, it changes nothing. A second charge for an order that
	 * already has a payment is refunded at once; one for an order that was cancelled is
	 * recorded and then refunded by the saga's rule.
	 * @param attemptKey the idempotency key of the attempt that made the charge, as the
	 * provider reports it back, or {@code null}
	 * @return whether anything changed
	 */
	@Transactional
	public boolean settleSucceededCharge(UUID orderId, UUID buyer, long amount, String currency,
			String providerPaymentId, String attemptKey) {
		// The request that made the charge may still be recording it: it holds the
		// order's row until it commits, so look for the payment once that lock is ours.
		Optional<OrderReplica> order = this.orders.findForUpdate(orderId);
		if (this.payments.findByProviderPayment(this.provider.name(), providerPaymentId).isPresent()) {
			return false;
		}
		Instant now = now();
		Payment payment = Payment.succeeded(UUID.randomUUID(), orderId, buyer, amount, currency, this.provider.name(),
				providerPaymentId, attemptKey, now);
		if (this.payments.findSucceededForUpdate(orderId).isPresent()) {
			logger.warn("Provider payment {} is a second charge for order {}: refunding it", providerPaymentId,
					orderId);
			Payment refunded = payment.refund(Payment.DUPLICATE, now);
			providerRefund(payment);
			this.payments.insert(refunded);
			return true;
		}
		this.payments.insert(payment);
		this.outbox.append(PaymentEvents.succeeded(payment));
		logger.info("Recorded provider payment {} for order {} as payment {}", providerPaymentId, orderId,
				payment.id());
		if (order.isPresent() && order.get().isCancelled()) {
			refund(payment, Payment.ORDER_CANCELLED);
		}
		return true;
	}

	private void refund(Payment payment, String reason) {
		providerRefund(payment);
		Payment refunded = payment.refund(reason, now());
		this.payments.update(refunded);
		this.outbox.append(PaymentEvents.refunded(refunded));
		logger.info("Refunded payment {} of order {} ({})", payment.id(), payment.orderId(), reason);
	}

	private void providerRefund(Payment payment) {
		this.provider.refund(new Refund("refund-" + payment.providerPaymentId(), payment.id(),
				payment.providerPaymentId(), payment.amount(), payment.currency()));
	}

	private ChargeOutcome charge(Charge charge) {
		try {
			return this.provider.charge(charge);
		}
		catch (PaymentProviderException ex) {
			logger.warn("Charge for order {} failed at the provider: {}", charge.orderId(), ex.getMessage());
			throw new ProviderUnavailableException();
		}
	}

	/**
	 * The provider's idempotency key of this attempt: derived from the client's key, so a
	 * retry after a lost answer reaches the same provider payment; random without one.
	 */
	private static String attemptKey(UUID buyer, String idempotencyKey) {
		UUID attempt = (idempotencyKey != null)
				? UUID.nameUUIDFromBytes((buyer + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
				: UUID.randomUUID();
		return "payment-" + attempt;
	}

	private static String requestHash(UUID orderId, String paymentMethod) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((orderId + "\n" + paymentMethod).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private StoredResponse store(PaymentResult result) {
		return switch (result) {
			case PaymentResult.Paid paid -> new StoredResponse(201, this.json.writeValueAsString(paid.payment()));
			case PaymentResult.Declined declined ->
				new StoredResponse(402, this.json.writeValueAsString(Map.of("message", declined.message())));
		};
	}

	private PaymentResult replay(StoredResponse response) {
		if (response.status() == 201) {
			return new PaymentResult.Paid(this.json.readValue(response.body(), PaymentResponse.class), true);
		}
		return new PaymentResult.Declined(this.json.readTree(response.body()).path("message").asString(), true);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
