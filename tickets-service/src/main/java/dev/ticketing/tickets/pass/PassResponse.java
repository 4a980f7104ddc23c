package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A pass as the API shows it (DESIGN §2): {@code code} only while it admits.
 */
record PassResponse(UUID id, UUID ticketId, UUID holderId, String status,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String code, Instant issuedAt,
		@Nullable Instant checkedInAt) {

	static PassResponse of(Pass pass) {
		return new PassResponse(pass.id(), pass.ticketId(), pass.holderId(), pass.status().value(),
				(pass.status() == PassStatus.VALID) ? pass.code() : null, pass.issuedAt(), pass.checkedInAt());
	}

}
