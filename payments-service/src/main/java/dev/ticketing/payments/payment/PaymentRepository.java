package dev.ticketing.payments.payment;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Where payments are kept; {@link JdbcPaymentRepository} is the PostgreSQL
 * implementation.
 */
public interface PaymentRepository {

	/**
	 * Stores a new payment.
	 * @throws dev.ticketing.payments.order.OrderPaidException if it succeeded and the
	 * order already has a succeeded payment
	 */
	void insert(Payment payment);

	Optional<Payment> find(UUID id);

	/** A payment, locked until the transaction ends. */
	Optional<Payment> findForUpdate(UUID id);

	/** Keeps what a support agent wrote about a refund. */
	void noteRefund(UUID id, String note);

	/** The order's succeeded payment, locked until the transaction ends. */
	Optional<Payment> findSucceededForUpdate(UUID orderId);

	/** The payment a provider knows by this id. */
	Optional<Payment> findByProviderPayment(String provider, String providerPaymentId);

	/** Stores a refunded payment. */
	void update(Payment payment);

	/** A user's payments, newest first, for one order if {@code orderId} is given. */
	PageResponse<Payment> findByUser(UUID userId, @Nullable UUID orderId, PageQuery page);

}
