package dev.ticketing.common.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemStatusesTests {

	@Test
	void eachCodeIsAnsweredWithTheStatusItIsMappedTo() {
		ProblemStatuses statuses = ProblemStatuses.builder()
			.map(HttpStatus.NOT_FOUND, "ticket_not_found")
			.map(HttpStatus.CONFLICT, "ticket_reserved", "version_conflict")
			.build();
		assertThat(statuses.statusOf("ticket_not_found")).contains(HttpStatus.NOT_FOUND);
		assertThat(statuses.statusOf("ticket_reserved")).contains(HttpStatus.CONFLICT);
		assertThat(statuses.statusOf("version_conflict")).contains(HttpStatus.CONFLICT);
	}

	@Test
	void aCodeThatIsNotMappedHasNoStatus() {
		ProblemStatuses statuses = ProblemStatuses.builder().map(HttpStatus.NOT_FOUND, "ticket_not_found").build();
		assertThat(statuses.statusOf("order_not_found")).isEmpty();
		assertThat(statuses.statusOf("TICKET_NOT_FOUND")).isEmpty();
		assertThat(ProblemStatuses.builder().build().statusOf("ticket_not_found")).isEmpty();
	}

	@Test
	void aServicesOwnStatusesDoNotIncludeCommonsCodes() {
		assertThat(ProblemStatuses.builder().build().statusOf("validation_failed")).isEmpty();
	}

	@Test
	void aCodeMappedTwiceToTheSameStatusIsFine() {
		ProblemStatuses statuses = ProblemStatuses.builder()
			.map(HttpStatus.CONFLICT, "ticket_reserved")
			.map(HttpStatus.CONFLICT, "ticket_reserved", "version_conflict")
			.map(HttpStatus.CONFLICT, "version_conflict", "version_conflict")
			.build();
		assertThat(statuses.statusOf("ticket_reserved")).contains(HttpStatus.CONFLICT);
		assertThat(statuses.statusOf("version_conflict")).contains(HttpStatus.CONFLICT);
	}

	@Test
	void aCodeMappedToTwoStatusesIsRefused() {
		ProblemStatuses.Builder builder = ProblemStatuses.builder().map(HttpStatus.CONFLICT, "ticket_reserved");
		assertThatThrownBy(() -> builder.map(HttpStatus.GONE, "ticket_reserved"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Refusal code ticket_reserved is mapped to both 409 CONFLICT and 410 GONE");
	}

	@Test
	void aCodeMappedToTwoStatusesInOneCallIsRefused() {
		assertThatThrownBy(() -> ProblemStatuses.builder()
			.map(HttpStatus.CONFLICT, "ticket_reserved")
			.map(HttpStatus.GONE, "ticket_withdrawn", "ticket_reserved")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ticket_reserved");
	}

	@Test
	void whatIsBuiltDoesNotChangeWithTheBuilder() {
		ProblemStatuses.Builder builder = ProblemStatuses.builder().map(HttpStatus.NOT_FOUND, "ticket_not_found");
		ProblemStatuses statuses = builder.build();
		builder.map(HttpStatus.CONFLICT, "ticket_reserved");
		assertThat(statuses.statusOf("ticket_reserved")).isEmpty();
		assertThat(builder.build().statusOf("ticket_reserved")).contains(HttpStatus.CONFLICT);
	}

	@ParameterizedTest
	@CsvSource({ "validation_failed, BAD_REQUEST", "malformed_request, BAD_REQUEST", "unauthenticated, UNAUTHORIZED",
			"forbidden, FORBIDDEN", "not_found, NOT_FOUND", "conflict, CONFLICT",
			"too_many_requests, TOO_MANY_REQUESTS", "service_unavailable, SERVICE_UNAVAILABLE" })
	void mergedStatusesIncludeCommonsCodes(String code, HttpStatus status) {
		assertThat(ProblemStatuses.merge(List.of()).statusOf(code)).contains(status);
		assertThat(ProblemStatuses.COMMON.statusOf(code)).contains(status);
	}

	@Test
	void mergedStatusesIncludeEachServicesCodes() {
		ProblemStatuses tickets = ProblemStatuses.builder().map(HttpStatus.NOT_FOUND, "ticket_not_found").build();
		ProblemStatuses orders = ProblemStatuses.builder().map(HttpStatus.CONFLICT, "order_not_cancellable").build();
		ProblemStatuses merged = ProblemStatuses.merge(List.of(tickets, orders));
		assertThat(merged.statusOf("ticket_not_found")).contains(HttpStatus.NOT_FOUND);
		assertThat(merged.statusOf("order_not_cancellable")).contains(HttpStatus.CONFLICT);
		assertThat(merged.statusOf("validation_failed")).contains(HttpStatus.BAD_REQUEST);
		assertThat(merged.statusOf("order_paid")).isEmpty();
	}

	@Test
	void mergingACodeTwoPartsGiveTheSameStatusIsFine() {
		ProblemStatuses one = ProblemStatuses.builder().map(HttpStatus.CONFLICT, "shared_code").build();
		ProblemStatuses other = ProblemStatuses.builder().map(HttpStatus.CONFLICT, "shared_code").build();
		assertThat(ProblemStatuses.merge(List.of(one, other)).statusOf("shared_code")).contains(HttpStatus.CONFLICT);
	}

	@Test
	void aServiceRepeatingOneOfCommonsCodesWithItsStatusIsFine() {
		ProblemStatuses service = ProblemStatuses.builder().map(HttpStatus.NOT_FOUND, "not_found").build();
		assertThat(ProblemStatuses.merge(List.of(service)).statusOf("not_found")).contains(HttpStatus.NOT_FOUND);
	}

	@Test
	void mergingACodeTwoPartsGiveDifferentStatusesIsRefused() {
		ProblemStatuses one = ProblemStatuses.builder().map(HttpStatus.CONFLICT, "shared_code").build();
		ProblemStatuses other = ProblemStatuses.builder().map(HttpStatus.GONE, "shared_code").build();
		assertThatThrownBy(() -> ProblemStatuses.merge(List.of(one, other))).isInstanceOf(IllegalStateException.class)
			.hasMessage("Refusal code shared_code is mapped to both 409 CONFLICT and 410 GONE");
	}

	@Test
	void aServiceGivingOneOfCommonsCodesAnotherStatusIsRefused() {
		ProblemStatuses service = ProblemStatuses.builder().map(HttpStatus.GONE, "not_found").build();
		assertThatThrownBy(() -> ProblemStatuses.merge(List.of(service))).isInstanceOf(IllegalStateException.class)
			.hasMessage("Refusal code not_found is mapped to both 404 NOT_FOUND and 410 GONE");
	}

}
