package dev.ticketing.auth;

import dev.ticketing.common.testing.ApiDocsContract;
import dev.ticketing.common.testing.TestHttp;

/**
 * auth-service's OpenAPI document and Swagger UI, as the running service serves them.
 */
class ApiDocsIntegrationTests extends AuthIntegrationTest implements ApiDocsContract {

	@Override
	public String basePath() {
		return "/api/users";
	}

	@Override
	public int designedRoutes() {
		return 6;
	}

	@Override
	public TestHttp apiDocsHttp() {
		return this.http;
	}

}
