package dev.ticketing.common.web;

import dev.ticketing.common.testing.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTests extends WebIntegrationTest {

	@Test
	void answersAFailureOutsideSpringMvcWithA500Problem() {
		TestHttp.Response response = this.http.get(TestApp.FILTER_FAILURE_PATH);

		response.assertProblem(500, "internal_error");
		assertThat(response.body()).doesNotContain("SELECT", "secret", "Exception", "dev.ticketing", "trace");
	}

	@Test
	void answersAFilterThatFindsNoDatabaseWith503AndRetryAfter() {
		TestHttp.Response response = this.http.get(TestApp.FILTER_OUTAGE_PATH);

		response.assertProblem(503, "service_unavailable");
		assertThat(response.header("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("Hikari", "JDBC", "Exception", "08001");
	}

	@Test
	void keepsTheRequestIdOfAFailureOutsideSpringMvc() {
		TestHttp.Response response = this.http.get(TestApp.FILTER_FAILURE_PATH, RequestIdFilter.HEADER, "filter-42");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header(RequestIdFilter.HEADER)).hasValue("filter-42");
	}

	@Test
	void answersARequestForTheErrorPathLikeAnUnknownRoute() {
		this.http.get("/error").assertProblem(404, "not_found");
	}

	@Test
	void answersRequestsTomcatRefusesItselfWithAProblem() {
		// An encoded slash is refused by Tomcat before any filter or servlet runs.
		TestHttp.Response response = this.http.get("/api/things/a%2Fb");

		response.assertProblem(400, "malformed_request");
		assertThat(response.body()).doesNotContain("Tomcat", "<html");
	}

}
