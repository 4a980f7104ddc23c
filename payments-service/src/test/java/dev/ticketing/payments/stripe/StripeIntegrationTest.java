package dev.ticketing.payments.stripe;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

/**
 * payments-service with the Stripe provider, its API pointed at a WireMock server that
 * answers as Stripe does ({@link StripeStub}). The server lives as long as the test JVM,
 * as the cached Spring context that points at it does.
 */
@TestPropertySource(properties = { "ticketing.payments.provider=stripe",
		"ticketing.payments.stripe.secret-key=" + StripeStub.SECRET_KEY,
		"ticketing.payments.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET })
public abstract class StripeIntegrationTest extends PaymentsIntegrationTest {

	protected static final StripeStub STRIPE = StripeStub.start();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(STRIPE::stop));
	}

	@DynamicPropertySource
	static void stripeApi(DynamicPropertyRegistry registry) {
		registry.add("ticketing.payments.stripe.api-base", STRIPE::baseUrl);
	}

	/** Stripe will create a succeeded PaymentIntent for the order, at its price. */
	protected String chargeSucceeds(PlacedOrder order) {
		String id = StripeStub.newId("pi");
		STRIPE.chargeSucceeds(order.id(), order.buyer(), PRICE, "eur", id);
		return id;
	}

	/**
	 * Delivers a payload to the webhook endpoint with a given {@code Stripe-Signature}.
	 */
	protected Response webhook(String payload, String signature) {
		if (signature == null) {
			return this.http.post("/api/payments/webhooks/stripe", BodyPublishers.ofString(payload), "Content-Type",
					"application/json; charset=utf-8");
		}
		return this.http.post("/api/payments/webhooks/stripe", BodyPublishers.ofString(payload), "Content-Type",
				"application/json; charset=utf-8", "Stripe-Signature", signature);
	}

	/** Delivers a payload as Stripe does: signed now with the endpoint's secret. */
	protected Response webhook(String payload) {
		return webhook(payload, StripeStub.signature(payload));
	}

	/** The succeeded payment of an order, as its row says. */
	protected String providerPaymentIdOf(UUID orderId, String status) {
		return this.jdbc.sql("SELECT provider_payment_id FROM payments WHERE order_id = ? AND status = ?")
			.params(orderId, status)
			.query(String.class)
			.single();
	}

	/** Whether {@code provider_events} holds an event. */
	protected boolean recorded(String eventId) {
		return this.jdbc.sql("SELECT count(*) FROM provider_events WHERE id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

}
