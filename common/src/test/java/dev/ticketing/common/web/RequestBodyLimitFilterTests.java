package dev.ticketing.common.web;

import dev.ticketing.common.testing.TestHttp;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTests extends WebIntegrationTest {

	private static final int ONE_MIB = 1024 * 1024;

	@Test
	void refusesABodyDeclaredLargerThan64KiB() {
		TestHttp.Response response = this.http.send("POST", "/api/things",
				BodyPublishers.ofByteArray(thingWithNameOfLength(ONE_MIB)), "Content-Type", "application/json",
				RequestIdFilter.HEADER, "big-1");

		response.assertProblem(413, "payload_too_large");
		assertThat(response.header(RequestIdFilter.HEADER)).hasValue("big-1");
	}

	@Test
	void refusesAChunkedBodyOnceItPasses64KiB() {
		TestHttp.Response response = this.http.send("POST", "/api/things",
				TestHttp.chunked(thingWithNameOfLength(ONE_MIB)), "Content-Type", "application/json");

		response.assertProblem(413, "payload_too_large");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH", "DELETE" })
	void refusesAChunkedFormBodyThatAFilterReads(String method) {
		// Spring's FormContentFilter parses these before any controller is chosen.
		byte[] form = ("name=" + "x".repeat(ONE_MIB)).getBytes(StandardCharsets.US_ASCII);

		TestHttp.Response response = this.http.send(method, "/api/things", TestHttp.chunked(form), "Content-Type",
				"application/x-www-form-urlencoded");

		response.assertProblem(413, "payload_too_large");
	}

	@Test
	void readsAChunkedBodyUnderTheLimit() {
		TestHttp.Response response = this.http.send("POST", "/api/things",
				TestHttp.chunked("{\"name\":\"lamp\",\"count\":1}".getBytes(StandardCharsets.UTF_8)), "Content-Type",
				"application/json");

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void readsABodyOfExactly64KiB() {
		// Under the limit, so it reaches validation, which refuses the long name.
		int overhead = thingWithNameOfLength(0).length;
		byte[] body = thingWithNameOfLength((int) RequestBodyLimitFilter.DEFAULT_LIMIT - overhead);
		assertThat(body).hasSize((int) RequestBodyLimitFilter.DEFAULT_LIMIT);

		TestHttp.Response response = this.http.send("POST", "/api/things", BodyPublishers.ofByteArray(body),
				"Content-Type", "application/json");

		response.assertProblem(400, "validation_failed");
	}

	@Test
	void keepsServingAfterRefusingABody() {
		this.http.send("POST", "/api/things", TestHttp.chunked(thingWithNameOfLength(ONE_MIB)), "Content-Type",
				"application/json");

		assertThat(this.http.postJson("/api/things", "{\"name\":\"lamp\",\"count\":1}").status()).isEqualTo(201);
	}

	private static byte[] thingWithNameOfLength(int length) {
		return ("{\"name\":\"" + "x".repeat(length) + "\",\"count\":1}").getBytes(StandardCharsets.US_ASCII);
	}

}
