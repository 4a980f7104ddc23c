package dev.ticketing.payments.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.payments.order.OrderPaidException;

/**
 * Payments in PostgreSQL. The partial unique index
 * {@code payments_one_succeeded_per_order} makes a second succeeded payment for an order
 * impossible, whatever path records it.
 */
@Repository
class JdbcPaymentRepository implements PaymentRepository {

	private static final String COLUMNS = """
			id, order_id, user_id, amount, currency, status, provider, provider_payment_id, refund_reason, created_at,
			refunded_at, attempt_key""";

	private final JdbcClient jdbc;

	JdbcPaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Payment payment) {
		try {
			this.jdbc.sql("INSERT INTO payments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(payment.id(), payment.orderId(), payment.userId(), payment.amount(), payment.currency(),
						payment.status().value(), payment.provider(), payment.providerPaymentId(),
						payment.refundReason(), Timestamp.from(payment.createdAt()), timestamp(payment),
						payment.attemptKey())
				.update();
		}
		catch (DuplicateKeyException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("payments_one_succeeded_per_order")) {
				throw new OrderPaidException();
			}
			throw ex;
		}
	}

	@Override
	public Optional<Payment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ?")
			.param(id)
			.query(JdbcPaymentRepository::payment)
			.optional();
	}

	@Override
	public Optional<Payment> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ? FOR UPDATE")
			.param(id)
			.query(JdbcPaymentRepository::payment)
			.optional();
	}

	@Override
	public void noteRefund(UUID id, String note) {
		this.jdbc.sql("UPDATE payments SET refund_note = ? WHERE id = ?").params(note, id).update();
	}

	@Override
	public Optional<Payment> findSucceededForUpdate(UUID orderId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? AND status = 'succeeded' FOR UPDATE")
			.param(orderId)
			.query(JdbcPaymentRepository::payment)
			.optional();
	}

	@Override
	public Optional<Payment> findByProviderPayment(String provider, String providerPaymentId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE provider = ? AND provider_payment_id = ?")
			.params(provider, providerPaymentId)
			.query(JdbcPaymentRepository::payment)
			.optional();
	}

	@Override
	public void update(Payment payment) {
		int updated = this.jdbc.sql(
				"UPDATE payments SET status = ?, refund_reason = ?, refunded_at = ? WHERE id = ? AND status = 'succeeded'")
			.params(payment.status().value(), payment.refundReason(), timestamp(payment), payment.id())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Payment " + payment.id() + " changed concurrently");
		}
	}

	@Override
	public PageResponse<Payment> findByUser(UUID userId, @Nullable UUID orderId, PageQuery page) {
		String where = " FROM payments WHERE user_id = ?" + ((orderId != null) ? " AND order_id = ?" : "");
		List<Object> params = new ArrayList<>(List.of(userId));
		if (orderId != null) {
			params.add(orderId);
		}
		long total = this.jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
		params.add(page.size());
		params.add(page.offset());
		List<Payment> items = this.jdbc
			.sql("SELECT " + COLUMNS + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(JdbcPaymentRepository::payment)
			.list();
		return PageResponse.of(items, page, total);
	}

	private static @Nullable Timestamp timestamp(Payment payment) {
		return (payment.refundedAt() != null) ? Timestamp.from(payment.refundedAt()) : null;
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		Timestamp refundedAt = rs.getTimestamp("refunded_at");
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("user_id", UUID.class), rs.getLong("amount"), rs.getString("currency"),
				PaymentStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getString("provider"),
				rs.getString("provider_payment_id"), rs.getString("refund_reason"),
				rs.getTimestamp("created_at").toInstant(), (refundedAt != null) ? refundedAt.toInstant() : null,
				rs.getString("attempt_key"));
	}

}
