package dev.ticketing.payments.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTests {

	private static final Instant TAKEN_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant REFUNDED_AT = TAKEN_AT.plus(Duration.ofMinutes(3));

	private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID PAYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

	private static final String ATTEMPT = "attempt-1";

	@Test
	void aSucceededPaymentIsTakenAndNothingIsRefunded() {
		Payment payment = succeeded();
		assertThat(payment.id()).isEqualTo(PAYMENT);
		assertThat(payment.orderId()).isEqualTo(ORDER);
		assertThat(payment.userId()).isEqualTo(PAYER);
		assertThat(payment.amount()).isEqualTo(4_500);
		assertThat(payment.currency()).isEqualTo("EUR");
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payment.provider()).isEqualTo("stripe");
		assertThat(payment.providerPaymentId()).isEqualTo("pi_1");
		assertThat(payment.refundReason()).isNull();
		assertThat(payment.createdAt()).isEqualTo(TAKEN_AT);
		assertThat(payment.refundedAt()).isNull();
		assertThat(payment.attemptKey()).isEqualTo(ATTEMPT);
	}

	@Test
	void aPaymentIsTakenByTheAttemptWithItsKeyOnly() {
		assertThat(succeeded().isTakenBy(ATTEMPT)).isTrue();
		assertThat(succeeded().isTakenBy("attempt-2")).isFalse();
		assertThat(succeeded().isTakenBy("")).isFalse();
	}

	@Test
	void aPaymentWithoutAnAttemptKeyIsTakenByNoAttempt() {
		Payment payment = Payment.succeeded(PAYMENT, ORDER, PAYER, 4_500, "EUR", "stripe", "pi_1", null, TAKEN_AT);
		assertThat(payment.attemptKey()).isNull();
		assertThat(payment.isTakenBy(ATTEMPT)).isFalse();
	}

	@Test
	void aPaymentIsMadeByItsPayerOnly() {
		assertThat(succeeded().isMadeBy(PAYER)).isTrue();
		assertThat(succeeded().isMadeBy(SOMEONE_ELSE)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { Payment.ORDER_CANCELLED, Payment.DUPLICATE })
	void refundingASucceededPaymentRecordsTheReasonAndWhen(String reason) {
		Payment refunded = succeeded().refund(reason, REFUNDED_AT);
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.refundReason()).isEqualTo(reason);
		assertThat(refunded.refundedAt()).isEqualTo(REFUNDED_AT);
		assertThat(refunded).usingRecursiveComparison()
			.ignoringFields("status", "refundReason", "refundedAt")
			.isEqualTo(succeeded());
	}

	@Test
	void theRefundReasonsHaveStableValues() {
		assertThat(Payment.ORDER_CANCELLED).isEqualTo("order_cancelled");
		assertThat(Payment.DUPLICATE).isEqualTo("duplicate");
	}

	@Test
	void refundingARefundedPaymentIsRefused() {
		Payment refunded = succeeded().refund(Payment.ORDER_CANCELLED, REFUNDED_AT);
		assertThatThrownBy(() -> refunded.refund(Payment.DUPLICATE, REFUNDED_AT.plusSeconds(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Payment " + PAYMENT + " is already refunded");
	}

	@Test
	void aSucceededPaymentAsTakenIsItself() {
		assertThat(succeeded().asTaken()).isEqualTo(succeeded());
	}

	@Test
	void aRefundedPaymentAsTakenIsThePaymentBeforeItsRefund() {
		Payment refunded = succeeded().refund(Payment.ORDER_CANCELLED, REFUNDED_AT);
		assertThat(refunded.asTaken()).isEqualTo(succeeded());
	}

	@Test
	void aPaymentWithoutAnAttemptKeyAsTakenStillHasNone() {
		Payment payment = Payment.succeeded(PAYMENT, ORDER, PAYER, 4_500, "EUR", "stripe", "pi_1", null, TAKEN_AT);
		assertThat(payment.refund(Payment.DUPLICATE, REFUNDED_AT).asTaken()).isEqualTo(payment);
	}

	private static Payment succeeded() {
		return Payment.succeeded(PAYMENT, ORDER, PAYER, 4_500, "EUR", "stripe", "pi_1", ATTEMPT, TAKEN_AT);
	}

}
