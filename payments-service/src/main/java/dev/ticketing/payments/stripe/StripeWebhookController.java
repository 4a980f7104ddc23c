package dev.ticketing.payments.stripe;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.payment.ProviderUnavailableException;
import dev.ticketing.payments.provider.PaymentProviderException;

/**
 * {@code POST /api/payments/webhooks/stripe}: Stripe's events, authenticated by their
 * {@code Stripe-Signature} (an HMAC of the exact body under the endpoint's secret, with a
 * timestamp against replays) rather than by a user. It exists only when Stripe is the
 * provider; otherwise the route is unknown (404), as nothing there could verify or use an
 * event.
 */
@RestController
@ConditionalOnProperty(prefix = "ticketing.payments", name = "provider", havingValue = "stripe")
@Tag(name = "payments")
class StripeWebhookController {

	private static final Logger logger = LoggerFactory.getLogger(StripeWebhookController.class);

	private final StripeWebhooks webhooks;

	private final String secret;

	private final long toleranceSeconds;

	StripeWebhookController(StripeWebhooks webhooks, PaymentsProperties properties) {
		this.webhooks = webhooks;
		this.secret = properties.stripe().webhookSecret();
		this.toleranceSeconds = properties.stripe().webhookTolerance().toSeconds();
	}

	/**
	 * Verifies and applies one event: 200 once it is applied (or was before), 400 for a
	 * payload that is not Stripe's, 503 when a refund it needs failed at Stripe (nothing
	 * is recorded, and Stripe delivers it again later).
	 */
	@PostMapping("/api/payments/webhooks/stripe")
	@Operation(summary = "Stripe's events, authenticated by their Stripe-Signature (only with the Stripe provider)")
	@ApiResponse(responseCode = "200", description = "Applied, now or before")
	@ApiResponse(responseCode = "400", description = "A bad signature, or a payload that is not a Stripe event")
	@ApiResponse(responseCode = "503",
			description = "A refund the event needs failed at Stripe; Stripe delivers it again")
	Map<String, Boolean> receive(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
			@RequestBody String payload) {
		if (signature == null || signature.isBlank()) {
			logger.warn("Refused a Stripe webhook without a Stripe-Signature header");
			throw new InvalidSignatureException();
		}
		Event event = verified(payload, signature);
		try {
			this.webhooks.handle(event);
		}
		catch (PaymentProviderException ex) {
			logger.warn("Stripe event {} ({}) not applied: {}", event.getId(), event.getType(), ex.getMessage());
			throw new ProviderUnavailableException();
		}
		return Map.of("received", true);
	}

	private Event verified(String payload, String signature) {
		// Webhook.constructEvent in its two documented halves, so that a malformed header
		// (which stripe-java's parsing answers with runtime exceptions) is told from a
		// payload that is not an event. The signature covers the body exactly as
		// received: it is verified on the raw text, before anything parses it.
		try {
			Webhook.Signature.verifyHeader(payload, signature, this.secret, this.toleranceSeconds);
		}
		catch (SignatureVerificationException ex) {
			logger.warn("Refused a Stripe webhook: {}", ex.getMessage());
			throw new InvalidSignatureException();
		}
		catch (RuntimeException ex) {
			logger.warn("Refused a Stripe webhook with a malformed Stripe-Signature: {}", ex.toString());
			throw new InvalidSignatureException();
		}
		Event event;
		try {
			event = Webhook.constructEventWithoutVerification(payload);
		}
		catch (RuntimeException ex) {
			logger.warn("Refused a signed Stripe webhook whose payload is not an event: {}", ex.toString());
			throw new UnreadableStripeEventException();
		}
		if (event.getId() == null || event.getType() == null || event.getData() == null) {
			logger.warn("Refused a signed Stripe webhook without id, type or data");
			throw new UnreadableStripeEventException();
		}
		return event;
	}

}
