package dev.ticketing.common.web;

import dev.ticketing.common.testing.TestHttp;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdFilterTests extends WebIntegrationTest {

	@Test
	void echoesASuppliedRequestId() {
		TestHttp.Response response = this.http.get("/api/things/" + UUID.randomUUID(), RequestIdFilter.HEADER,
				"client-req-1");

		assertThat(response.header(RequestIdFilter.HEADER)).hasValue("client-req-1");
	}

	@Test
	void generatesAUuidWhenNoneIsSupplied() {
		TestHttp.Response first = this.http.get("/api/things/" + UUID.randomUUID());
		TestHttp.Response second = this.http.get("/api/things/" + UUID.randomUUID());

		String id = first.header(RequestIdFilter.HEADER).orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(second.header(RequestIdFilter.HEADER)).isPresent().get().isNotEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "has spaces in it", "<script>", "quote\"d" })
	void replacesAnUnsafeRequestIdWithAUuid(String supplied) {
		TestHttp.Response response = this.http.get("/api/things/" + UUID.randomUUID(), RequestIdFilter.HEADER,
				supplied);

		String id = response.header(RequestIdFilter.HEADER).orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
	}

	@Test
	void replacesAnOverlongRequestIdWithAUuid() {
		TestHttp.Response response = this.http.get("/api/things/" + UUID.randomUUID(), RequestIdFilter.HEADER,
				"a".repeat(129));

		String id = response.header(RequestIdFilter.HEADER).orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
	}

	@Test
	void putsTheRequestIdOnErrorResponses() {
		TestHttp.Response response = this.http.get("/api/nothing-here", RequestIdFilter.HEADER, "missing-1");

		response.assertProblem(404, "not_found");
		assertThat(response.header(RequestIdFilter.HEADER)).hasValue("missing-1");
	}

	@Test
	void logsAnUnexpectedErrorAsJsonWithTheRequestId(CapturedOutput output) {
		TestHttp.Response response = this.http.get("/api/boom", RequestIdFilter.HEADER, "test-req-123");

		assertThat(response.status()).isEqualTo(500);
		await().untilAsserted(() -> assertThat(output.getOut().lines())
			.filteredOn((line) -> line.contains("\"requestId\":\"test-req-123\""))
			.anySatisfy((line) -> assertThat(line).startsWith("{")
				.endsWith("}")
				.contains("\"level\":\"ERROR\"")
				.contains("\"logger_name\":\"" + ApiExceptionHandler.class.getName() + "\"")
				.contains("\"stack_trace\":\"java.lang.IllegalStateException")));
	}

}
