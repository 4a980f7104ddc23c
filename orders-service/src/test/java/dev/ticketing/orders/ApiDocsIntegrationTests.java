package dev.ticketing.orders;

import dev.ticketing.common.testing.ApiDocsContract;
import dev.ticketing.common.testing.TestHttp;

/**
 * orders-service's OpenAPI document and Swagger UI, as the running service serves them.
 */
class ApiDocsIntegrationTests extends OrdersIntegrationTest implements ApiDocsContract {

	@Override
	public String basePath() {
		return "/api/orders";
	}

	@Override
	public int designedRoutes() {
		return 4;
	}

	@Override
	public TestHttp apiDocsHttp() {
		return this.http;
	}

}
