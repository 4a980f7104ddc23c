package dev.ticketing.payments.stripe;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.provider.Charge;
import dev.ticketing.payments.provider.ChargeOutcome;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.PaymentProviderException;
import dev.ticketing.payments.provider.Refund;
import dev.ticketing.payments.provider.UnknownPaymentMethodException;

/**
 * Stripe's PaymentIntents and Refunds APIs through stripe-java's {@link StripeClient}: an
 * instance of its own, never the library's static settings, so its key, base address,
 * timeouts and retries are this provider's alone (and tests can point it at a stub).
 * <p>
 * A charge is one PaymentIntent created and confirmed at once, with the charge's
 * idempotency key: a retry (stripe-java's own, or the client's with the same
 * {@code Idempotency-Key}) reaches the same PaymentIntent and never charges twice. Only
 * answers Stripe gives about the money are outcomes: success, a card error (declined), an
 * unknown payment method. Everything else, including a PaymentIntent still
 * {@code processing}, is a {@link PaymentProviderException}: the payment request rolls
 * back and the {@code payment_intent.succeeded} webhook records a charge that succeeded
 * after all.
 */
public class StripePaymentProvider implements PaymentProvider {

	/** The payer's message when a payment method needs 3-D Secure. */
	static final String AUTHENTICATION_NOT_SUPPORTED = "This payment method needs authentication, which is not supported.";

	/**
	 * The metadata key of the charge's idempotency key, which webhooks bring back so that
	 * the attempt that made a charge can be told.
	 */
	static final String ATTEMPT = "attemptKey";

	private static final String DECLINED = "Your card was declined.";

	private static final Logger logger = LoggerFactory.getLogger(StripePaymentProvider.class);

	private final StripeClient client;

	public StripePaymentProvider(PaymentsProperties.Stripe settings) {
		this.client = StripeClients.of(settings);
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public ChargeOutcome charge(Charge charge) {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(charge.amount())
			.setCurrency(charge.currency().toLowerCase(Locale.ROOT))
			.setPaymentMethod(charge.paymentMethod())
			.setConfirm(true)
			// No redirecting payment methods: they would need a return_url.
			.setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
				.setEnabled(true)
				.setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
				.build())
			.putMetadata("orderId", charge.orderId().toString())
			.putMetadata("userId", charge.userId().toString())
			.putMetadata(ATTEMPT, charge.idempotencyKey())
			.build();
		PaymentIntent intent;
		try {
			intent = this.client.v1()
				.paymentIntents()
				.create(params, RequestOptions.builder().setIdempotencyKey(charge.idempotencyKey()).build());
		}
		catch (CardException ex) {
			return new ChargeOutcome.Declined(payerMessage(ex.getStripeError()));
		}
		catch (InvalidRequestException ex) {
			if (isAboutPaymentMethod(ex)) {
				throw new UnknownPaymentMethodException();
			}
			if (isAmountOutOfRange(ex)) {
				// Below Stripe's minimum charge (or above its maximum) for the currency:
				// no retry would change that, so it is a decline with Stripe's text.
				return new ChargeOutcome.Declined(payerMessage(ex.getStripeError()));
			}
			throw failure("Stripe refused to create a PaymentIntent for order " + charge.orderId(), ex);
		}
		catch (StripeException ex) {
			throw failure("Stripe did not create a PaymentIntent for order " + charge.orderId(), ex);
		}
		return outcome(intent, charge);
	}

	private ChargeOutcome outcome(PaymentIntent intent, Charge charge) {
		return switch (String.valueOf(intent.getStatus())) {
			case "succeeded" -> new ChargeOutcome.Succeeded(intent.getId());
			case "requires_action" -> {
				// 3-D Secure needs the payer in a browser, where this API cannot
				// send them: give the PaymentIntent up rather than leave it open.
				cancel(intent, charge);
				yield new ChargeOutcome.Declined(AUTHENTICATION_NOT_SUPPORTED);
			}
			// A confirmation that failed without a card error: the payment method was
			// refused and the PaymentIntent waits for another one.
			case "requires_payment_method" -> new ChargeOutcome.Declined(payerMessage(intent.getLastPaymentError()));
			default -> throw new PaymentProviderException("PaymentIntent " + intent.getId() + " for order "
					+ charge.orderId() + " is " + intent.getStatus() + ": whether it succeeds is not known yet", null);
		};
	}

	private void cancel(PaymentIntent intent, Charge charge) {
		try {
			this.client.v1()
				.paymentIntents()
				.cancel(intent.getId(),
						PaymentIntentCancelParams.builder()
							.setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
							.build(),
						RequestOptions.builder().setIdempotencyKey(charge.idempotencyKey() + "-cancel").build());
			logger.info("Cancelled PaymentIntent {} for order {}: it needs authentication", intent.getId(),
					charge.orderId());
		}
		catch (StripeException ex) {
			throw failure("Stripe did not cancel PaymentIntent " + intent.getId(), ex);
		}
	}

	@Override
	public void refund(Refund refund) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(refund.providerPaymentId())
			.putMetadata("paymentId", refund.paymentId().toString())
			.build();
		com.stripe.model.Refund created;
		try {
			created = this.client.v1()
				.refunds()
				.create(params, RequestOptions.builder().setIdempotencyKey(refund.idempotencyKey()).build());
		}
		catch (InvalidRequestException ex) {
			if ("charge_already_refunded".equals(ex.getCode())) {
				logger.info("PaymentIntent {} was already refunded", refund.providerPaymentId());
				return;
			}
			throw failure("Stripe refused to refund PaymentIntent " + refund.providerPaymentId(), ex);
		}
		catch (StripeException ex) {
			throw failure("Stripe did not refund PaymentIntent " + refund.providerPaymentId(), ex);
		}
		if ("failed".equals(created.getStatus()) || "canceled".equals(created.getStatus())) {
			throw new PaymentProviderException("Refund " + created.getId() + " of PaymentIntent "
					+ refund.providerPaymentId() + " is " + created.getStatus(), null);
		}
	}

	/**
	 * Whether Stripe refused the payment method itself (unknown, or not usable): the
	 * payer's mistake, not a failure.
	 */
	private static boolean isAboutPaymentMethod(InvalidRequestException ex) {
		return ex.getStripeError() != null && "payment_method".equals(ex.getStripeError().getParam());
	}

	private static boolean isAmountOutOfRange(InvalidRequestException ex) {
		return "amount_too_small".equals(ex.getCode()) || "amount_too_large".equals(ex.getCode());
	}

	/**
	 * Stripe's own text of a card error, which it writes to be shown to the payer (a
	 * fraud suspicion reads as a plain decline).
	 */
	private static String payerMessage(StripeError error) {
		return (error != null && error.getMessage() != null && !error.getMessage().isBlank()) ? error.getMessage()
				: DECLINED;
	}

	/**
	 * A call that gave no answer about the money; the caller logs it. A refused API key
	 * or request is a misconfiguration that no retry fixes: it is logged as an error here
	 * as well.
	 */
	private static PaymentProviderException failure(String message, StripeException ex) {
		String detail = message + ": " + ex.getClass().getSimpleName() + " (status " + ex.getStatusCode() + ", code "
				+ ex.getCode() + ", request " + ex.getRequestId() + ")";
		if (ex instanceof AuthenticationException) {
			logger.error("{}: Stripe refused the API key (ticketing.payments.stripe.secret-key)", detail);
		}
		else if (ex instanceof InvalidRequestException) {
			// Stripe will never accept it: a bug or a setting to fix.
			logger.error("{}: {}", detail, ex.getMessage());
		}
		return new PaymentProviderException(detail, ex);
	}

}
