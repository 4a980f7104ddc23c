package dev.ticketing.payments.stripe;

import java.time.Duration;
import java.util.UUID;

import com.stripe.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.provider.PaymentProviderException;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/payments/webhooks/stripe} in a Spring MVC slice with Stripe as the
 * provider: a correctly signed event reaches {@link StripeWebhooks}, anything else is
 * refused with its problem before it does. The controller reads the webhook secret and
 * tolerance from {@link PaymentsProperties}, which a slice does not scan for.
 */
@ServiceWebMvcTest(value = StripeWebhookController.class,
		properties = { "ticketing.payments.provider=stripe",
				"ticketing.payments.stripe.secret-key=" + StripeStub.SECRET_KEY,
				"ticketing.payments.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET })
@EnableConfigurationProperties(PaymentsProperties.class)
class StripeWebhookControllerTests {

	private static final String PATH = "/api/payments/webhooks/stripe";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private StripeWebhooks webhooks;

	private static String succeededEvent() {
		return StripeStub
			.text(StripeStub.event("payment_intent.succeeded", StripeStub.paymentIntent("payment_intent_succeeded",
					StripeStub.newId("pi"), UUID.randomUUID(), UUID.randomUUID(), 1250, "eur")));
	}

	private static MockHttpServletRequestBuilder delivery(String payload) {
		return post(PATH).contentType("application/json; charset=utf-8").content(payload);
	}

	private static MockHttpServletRequestBuilder delivery(String payload, String signature) {
		return delivery(payload).header("Stripe-Signature", signature);
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	@Test
	void handsASignedEventToTheWebhooksAndAnswers200() throws Exception {
		ObjectNode sent = StripeStub.event("payment_intent.succeeded",
				StripeStub.paymentIntent("payment_intent_succeeded", "pi_3SXq2nLkdIwHu7ix1Ab2Cd3E", UUID.randomUUID(),
						UUID.randomUUID(), 1250, "eur"));
		String payload = StripeStub.text(sent);

		this.mvc.perform(delivery(payload, StripeStub.signature(payload)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.received").value(true));

		ArgumentCaptor<Event> received = ArgumentCaptor.forClass(Event.class);
		verify(this.webhooks).handle(received.capture());
		assertThat(received.getValue().getId()).isEqualTo(sent.path("id").asString());
		assertThat(received.getValue().getType()).isEqualTo("payment_intent.succeeded");
		assertThat(received.getValue().getDataObjectDeserializer().getRawJson())
			.contains("pi_3SXq2nLkdIwHu7ix1Ab2Cd3E");
	}

	@Test
	void needsNoSignedInUser() throws Exception {
		String payload = succeededEvent();

		this.mvc.perform(delivery(payload, StripeStub.signature(payload)).header("Authorization", "Bearer not-a-jwt"))
			.andExpect(status().isOk());

		verify(this.webhooks).handle(any());
	}

	@Test
	void refusesAnEventWithoutSignatureWith400InvalidSignature() throws Exception {
		String payload = succeededEvent();

		this.mvc.perform(delivery(payload)).andExpect(problem(400, "invalid_signature"));
		this.mvc.perform(delivery(payload, "")).andExpect(problem(400, "invalid_signature"));
		this.mvc.perform(delivery(payload, "   ")).andExpect(problem(400, "invalid_signature"));

		verifyNoInteractions(this.webhooks);
	}

	@Test
	void refusesAnEventSignedWithAnotherSecretWith400InvalidSignature() throws Exception {
		String payload = succeededEvent();

		this.mvc.perform(delivery(payload, StripeStub.signature(payload, now(), "whsec_someoneElses0000000000000000")))
			.andExpect(problem(400, "invalid_signature"));

		verifyNoInteractions(this.webhooks);
	}

	@Test
	void refusesAnEventChangedAfterSigningWith400InvalidSignature() throws Exception {
		String payload = succeededEvent();
		String signature = StripeStub.signature(payload);
		String tampered = payload.replace("\"amount\":1250", "\"amount\":1");
		assertThat(tampered).isNotEqualTo(payload);

		this.mvc.perform(delivery(tampered, signature)).andExpect(problem(400, "invalid_signature"));

		verifyNoInteractions(this.webhooks);
	}

	@Test
	void refusesASignatureOlderThanTheToleranceWith400InvalidSignature() throws Exception {
		String payload = succeededEvent();
		long sixMinutesAgo = now() - Duration.ofMinutes(6).toSeconds();

		this.mvc.perform(delivery(payload, StripeStub.signature(payload, sixMinutesAgo, StripeStub.WEBHOOK_SECRET)))
			.andExpect(problem(400, "invalid_signature"));

		verifyNoInteractions(this.webhooks);
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "t=abc,v1=0123", "t=1,v1", "v1=0123", "t=1", "t=1,v0=0123" })
	void refusesAMalformedSignatureHeaderWith400InvalidSignature(String header) throws Exception {
		this.mvc.perform(delivery(succeededEvent(), header)).andExpect(problem(400, "invalid_signature"));

		verifyNoInteractions(this.webhooks);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "not json", "{\"object\": \"event\"}", "{\"id\": \"evt_1\", \"object\": \"event\"}", "[]" })
	void refusesASignedPayloadThatIsNoEventWith400MalformedRequest(String payload) throws Exception {
		this.mvc.perform(delivery(payload, StripeStub.signature(payload))).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.webhooks);
	}

	@Test
	void answersARefundThatFailedAtStripeWith503SoThatStripeDeliversAgain() throws Exception {
		willThrow(new PaymentProviderException("Stripe answered 500", new RuntimeException())).given(this.webhooks)
			.handle(any());
		String payload = succeededEvent();

		this.mvc.perform(delivery(payload, StripeStub.signature(payload)))
			.andExpect(problem(503, "payment_provider_unavailable"));
	}

	@Test
	void answersAnUnexpectedFailureWith500RevealingNothingOfIt() throws Exception {
		willThrow(new IllegalStateException("connection to db-7.internal refused")).given(this.webhooks).handle(any());
		String payload = succeededEvent();

		this.mvc.perform(delivery(payload, StripeStub.signature(payload)))
			.andExpect(problem(500, "internal_error"))
			.andExpect(content().string(not(containsString("db-7"))));
	}

	@Test
	void refusesAnUnsupportedMethodWith405OnceSignedIn() throws Exception {
		// Only POST is open to Stripe: any other method of /api/payments/** needs a user.
		this.mvc.perform(get(PATH)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(UUID.randomUUID())))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.webhooks);
	}

}
