package dev.ticketing.payments;

import dev.ticketing.common.testing.ApiDocsContract;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.payments.stripe.StripeIntegrationTest;

/**
 * payments-service's OpenAPI document and Swagger UI, as the running service serves them:
 * with the Stripe provider, whose webhook route exists only then.
 */
class ApiDocsIntegrationTests extends StripeIntegrationTest implements ApiDocsContract {

	@Override
	public String basePath() {
		return "/api/payments";
	}

	@Override
	public int designedRoutes() {
		return 9;
	}

	@Override
	public TestHttp apiDocsHttp() {
		return this.http;
	}

}
