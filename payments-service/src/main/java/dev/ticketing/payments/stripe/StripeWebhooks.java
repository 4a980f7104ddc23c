package dev.ticketing.payments.stripe;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.web.PathIds;
import dev.ticketing.payments.payment.ChargeSettlement;

/**
 * Applies Stripe's webhook events, each once: {@code payment_intent.succeeded} records a
 * charge that no payment request recorded (the request timed out, or the service stopped
 * after Stripe took the money) through {@link ChargeSettlement#settleSucceededCharge};
 * the rest is recorded and logged. Only with {@code ticketing.payments.provider=stripe}.
 */
@Service
@ConditionalOnProperty(prefix = "ticketing.payments", name = "provider", havingValue = "stripe")
class StripeWebhooks {

	private static final Logger logger = LoggerFactory.getLogger(StripeWebhooks.class);

	private final ProviderEvents events;

	private final ChargeSettlement settlement;

	private final JsonMapper json;

	private final Clock clock;

	StripeWebhooks(ProviderEvents events, ChargeSettlement settlement, JsonMapper json, Clock clock) {
		this.events = events;
		this.settlement = settlement;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Applies a verified event in one transaction with its claim: a delivery seen before
	 * changes nothing.
	 * @throws dev.ticketing.payments.provider.PaymentProviderException if a refund it
	 * needs failed; nothing is recorded, and Stripe delivers the event again
	 */
	@Transactional
	public void handle(Event event) {
		if (!this.events.claim(event.getId(), event.getType(), this.clock.instant())) {
			logger.debug("Stripe event {} was handled before", event.getId());
			return;
		}
		switch (event.getType()) {
			case "payment_intent.succeeded" -> succeeded(event);
			case "payment_intent.payment_failed" -> failed(event);
			default -> logger.debug("Ignored Stripe event {} of type {}", event.getId(), event.getType());
		}
	}

	private void succeeded(Event event) {
		Intent intent = intentOf(event);
		Optional<UUID> orderId = uuid(intent.metadata().get("orderId"));
		Optional<UUID> userId = uuid(intent.metadata().get("userId"));
		if (intent.id() == null || intent.amount() == null || intent.currency() == null || orderId.isEmpty()
				|| userId.isEmpty()) {
			logger.warn("Ignored Stripe event {}: PaymentIntent {} carries no order of ours (metadata {})",
					event.getId(), intent.id(), intent.metadata());
			return;
		}
		this.settlement.settleSucceededCharge(orderId.get(), userId.get(), intent.amount(),
				intent.currency().toUpperCase(Locale.ROOT), intent.id(),
				intent.metadata().get(StripePaymentProvider.ATTEMPT));
	}

	private void failed(Event event) {
		Intent intent = intentOf(event);
		logger.info("Stripe reports PaymentIntent {} for order {} failed: {}", intent.id(),
				intent.metadata().get("orderId"), intent.lastPaymentError());
	}

	/**
	 * The PaymentIntent of an event. stripe-java deserializes it only when the event's
	 * API version is of the library's release; the endpoint may be pinned to another, so
	 * the few fields needed (stable across versions) are otherwise read from the raw
	 * JSON.
	 */
	private Intent intentOf(Event event) {
		Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
		if (object.isPresent() && object.get() instanceof PaymentIntent intent) {
			return new Intent(intent.getId(), intent.getAmount(), intent.getCurrency(),
					(intent.getMetadata() != null) ? intent.getMetadata() : Map.of(),
					(intent.getLastPaymentError() != null) ? intent.getLastPaymentError().getMessage() : null);
		}
		logger.debug("Stripe event {} has API version {}: reading its PaymentIntent from the raw JSON", event.getId(),
				event.getApiVersion());
		JsonNode raw = this.json.readTree(event.getDataObjectDeserializer().getRawJson());
		Map<String, String> metadata = new LinkedHashMap<>();
		raw.path("metadata")
			.properties()
			.forEach((entry) -> entry.getValue()
				.stringValueOpt()
				.ifPresent((value) -> metadata.put(entry.getKey(), value)));
		return new Intent(raw.path("id").stringValueOpt().orElse(null),
				raw.path("amount").isIntegralNumber() ? raw.path("amount").longValue() : null,
				raw.path("currency").stringValueOpt().orElse(null), metadata,
				raw.path("last_payment_error").path("message").stringValueOpt().orElse(null));
	}

	/** A UUID in its canonical form, as payments-service writes it into metadata. */
	private static Optional<UUID> uuid(@Nullable String value) {
		return (value != null) ? PathIds.parse(value) : Optional.empty();
	}

	/**
	 * What the webhooks read of a PaymentIntent.
	 */
	private record Intent(@Nullable String id, @Nullable Long amount, @Nullable String currency,
			Map<String, String> metadata, @Nullable String lastPaymentError) {

	}

}
