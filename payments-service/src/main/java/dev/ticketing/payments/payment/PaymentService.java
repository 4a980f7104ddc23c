package dev.ticketing.payments.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.metrics.OnCommit;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.payments.ledger.Journal;
import dev.ticketing.payments.ledger.Ledger;
import dev.ticketing.payments.order.OrderNotFoundException;
import dev.ticketing.payments.order.OrderPaidException;
import dev.ticketing.payments.order.OrderReplica;
import dev.ticketing.payments.order.OrderReplicas;
import dev.ticketing.payments.payout.PayoutProviderException;
import dev.ticketing.payments.provider.Charge;
import dev.ticketing.payments.provider.ChargeOutcome;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.PaymentProviderException;

/**
 * Charging orders and reading payments. A payment and its {@code payments.v1.*} event
 * commit together through the outbox. Counts {@code ticketing.payments.checkouts} by
 * {@code outcome} ({@code succeeded}, {@code declined}) once the outcome commits; a
 * replay of an idempotency key's first outcome is not counted again.
 * <p>
 * A charge runs in one transaction that holds its order's replica row locked from the
 * checks to the commit: concurrent charges for one order run one after the other (the
 * second finds the order paid), and an {@code order.cancelled} arriving meanwhile is
 * applied after the payment is recorded, and refunds it ({@link LatePaymentSaga}).
 */
@Service
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	private final PaymentRepository payments;

	private final OrderReplicas orders;

	private final IdempotencyKeys idempotencyKeys;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final Ledger ledger;

	private final Refunds refunds;

	private final Clock clock;

	private final Counter succeeded;

	private final Counter declined;

	PaymentService(PaymentRepository payments, OrderReplicas orders, IdempotencyKeys idempotencyKeys,
			PaymentProvider provider, Outbox outbox, Ledger ledger, Refunds refunds, Clock clock,
			MeterRegistry meters) {
		this.payments = payments;
		this.orders = orders;
		this.idempotencyKeys = idempotencyKeys;
		this.provider = provider;
		this.outbox = outbox;
		this.ledger = ledger;
		this.refunds = refunds;
		this.clock = clock;
		this.succeeded = checkouts(meters, "succeeded");
		this.declined = checkouts(meters, "declined");
	}

	private static Counter checkouts(MeterRegistry meters, String outcome) {
		return Counter.builder("ticketing.payments.checkouts")
			.description("Orders paid for, or refused by the payment provider, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Pays one of the buyer's orders.
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}: a
	 * retry with the same key gets the first outcome and charges nothing
	 * @return the payment, or the provider's decline (which is stored for the key, so it
	 * is an outcome rather than an exception that would roll the claim back)
	 * @throws OrderNotFoundException if the order is unknown or not the buyer's
	 * @throws OrderPaidException if it already has a succeeded payment
	 * @throws dev.ticketing.payments.order.OrderCancelledException if it was cancelled
	 * @throws dev.ticketing.payments.order.OrderExpiredException if its hold has run out
	 * @throws ProviderUnavailableException if the provider gave no answer
	 */
	@Transactional
	public PaymentOutcome pay(UUID buyer, UUID orderId, String paymentMethod, @Nullable String idempotencyKey) {
		Instant now = now();
		if (idempotencyKey != null) {
			Optional<IdempotencyKeys.FirstOutcome> first = this.idempotencyKeys.claim(buyer, idempotencyKey,
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
		PaymentOutcome outcome;
		if (idempotencyKey != null && paid.isPresent() && paid.get().isTakenBy(attempt)) {
			// This key's own charge, whose answer was lost (503) and which the provider's
			// webhook recorded meanwhile: the first answer this key gets.
			outcome = new PaymentOutcome.Paid(paid.get(), false);
		}
		else {
			if (paid.isPresent()) {
				throw new OrderPaidException();
			}
			outcome = charge(order, order.priceToPayAt(now), buyer, paymentMethod, attempt, now);
		}
		if (idempotencyKey != null) {
			this.idempotencyKeys.complete(buyer, idempotencyKey, outcome);
		}
		return outcome;
	}

	private PaymentOutcome charge(OrderReplica order, OrderReplica.Price price, UUID buyer, String paymentMethod,
			String attempt, Instant now) {
		Charge charge = new Charge(attempt, order.id(), buyer, price.amount(), price.currency(), paymentMethod);
		return switch (atProvider(charge)) {
			case ChargeOutcome.Succeeded succeeded -> {
				Payment payment = Payment.succeeded(UUID.randomUUID(), order.id(), buyer, price.amount(),
						price.currency(), this.provider.name(), succeeded.providerPaymentId(), attempt, now);
				this.payments.insert(payment);
				this.ledger.record(Journal.charge(payment.id(), order.id(), payment.amount(), payment.currency()), now);
				this.outbox.append(PaymentEvents.succeeded(payment));
				logger.info("Payment {} of {} {} for order {} succeeded", payment.id(), payment.amount(),
						payment.currency(), order.id());
				OnCommit.increment(this.succeeded);
				yield new PaymentOutcome.Paid(payment, false);
			}
			case ChargeOutcome.Declined declined -> {
				logger.info("Payment for order {} declined: {}", order.id(), declined.message());
				OnCommit.increment(this.declined);
				yield new PaymentOutcome.Declined(declined.message(), false);
			}
		};
	}

	/**
	 * One of the user's payments; someone else's is not found, unless {@code anyone} (a
	 * support agent looking a payment up).
	 */
	@Transactional(readOnly = true)
	public Payment get(UUID user, UUID id, boolean anyone) {
		return this.payments.find(id)
			.filter((payment) -> anyone || payment.isMadeBy(user))
			.orElseThrow(PaymentNotFoundException::new);
	}

	/**
	 * Refunds a payment because support decided so (reason {@code support}): the provider
	 * gives the money back, the ledger takes it from wherever it is, and
	 * {@code payment.refunded} lets tickets-service void the pass.
	 * @param note what the support agent wrote
	 * @throws PaymentNotFoundException if there is no such payment
	 * @throws PaymentAlreadyRefundedException if it was refunded already
	 * @throws ProviderUnavailableException if the provider gave no answer; nothing
	 * changed
	 */
	@Transactional
	public Payment refundOnRequest(UUID id, String note) {
		Payment payment = this.payments.findForUpdate(id).orElseThrow(PaymentNotFoundException::new);
		if (payment.status() != PaymentStatus.SUCCEEDED) {
			throw new PaymentAlreadyRefundedException();
		}
		Payment refunded;
		try {
			refunded = this.refunds.refund(payment, Payment.SUPPORT);
		}
		catch (PaymentProviderException | PayoutProviderException ex) {
			// Nothing is recorded; support asks again, and the keyed calls happen once.
			logger.warn("Refund of payment {} failed at the provider: {}", id, ex.getMessage());
			throw new ProviderUnavailableException();
		}
		this.payments.noteRefund(id, note);
		return refunded;
	}

	/** The user's payments, newest first, for one order if {@code orderId} is given. */
	@Transactional(readOnly = true)
	public PageResponse<Payment> list(UUID user, @Nullable UUID orderId, PageQuery page) {
		return this.payments.findByUser(user, orderId, page);
	}

	private ChargeOutcome atProvider(Charge charge) {
		try {
			return this.provider.charge(charge);
		}
		catch (PaymentProviderException ex) {
			logger.warn("Charge for order {} failed at the provider: {}", charge.orderId(), ex.getMessage());
			throw new ProviderUnavailableException();
		}
	}

	/**
	 * The first outcome of a key again. A payment is shown as it was taken, even if it
	 * was refunded since: the retry gets the answer the first request got.
	 */
	private PaymentOutcome replay(IdempotencyKeys.FirstOutcome first) {
		if (first.paymentId() == null) {
			return new PaymentOutcome.Declined(String.valueOf(first.declineMessage()), true);
		}
		Payment payment = this.payments.find(first.paymentId())
			.orElseThrow(() -> new IllegalStateException("Payment " + first.paymentId() + " of a key is gone"));
		return new PaymentOutcome.Paid(payment.asTaken(), true);
	}

	/**
	 * The provider's idempotency key of this attempt: derived from the client's key, so a
	 * retry after a lost answer reaches the same provider payment; random without one.
	 */
	private static String attemptKey(UUID buyer, @Nullable String idempotencyKey) {
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

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
