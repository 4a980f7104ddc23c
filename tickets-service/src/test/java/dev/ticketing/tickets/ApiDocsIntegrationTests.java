package dev.ticketing.tickets;

import dev.ticketing.common.testing.ApiDocsContract;
import dev.ticketing.common.testing.TestHttp;

/**
 * tickets-service's OpenAPI document and Swagger UI, as the running service serves them.
 */
class ApiDocsIntegrationTests extends TicketsIntegrationTest implements ApiDocsContract {

	@Override
	public String basePath() {
		return "/api/tickets";
	}

	@Override
	public int designedRoutes() {
		return 10;
	}

	@Override
	public TestHttp apiDocsHttp() {
		return this.http;
	}

}
