package dev.ticketing.tickets.pass;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketResponse;

/**
 * Passes under {@code /api/tickets} (DESIGN §2, tickets-service table): what the caller
 * holds, a pass, check-in at the door, and the keys that verify codes.
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "passes")
class PassController {

	private final PassService passes;

	PassController(PassService passes) {
		this.passes = passes;
	}

	@GetMapping("/held")
	@Operation(summary = "The passes the caller holds, any status, newest first")
	@ApiResponse(responseCode = "200", description = "A page of {ticket, pass}")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PageResponse<HeldResponse> held(@AuthenticationPrincipal AuthenticatedUser user, PageQuery page) {
		return this.passes.held(user.id(), page)
			.map((held) -> new HeldResponse(TicketResponse.of(held.ticket()), PassResponse.of(held.pass())));
	}

	@GetMapping("/{id}/pass")
	@Operation(summary = "The caller's pass for a ticket; code only while valid")
	@ApiResponse(responseCode = "200", description = "The pass")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "404", description = "pass_not_found: no pass, or someone else's")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PassResponse pass(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		UUID ticketId = PathIds.parse(id, PassNotFoundException::new);
		return PassResponse.of(this.passes.pass(user.id(), ticketId));
	}

	@PostMapping("/checkins")
	@Operation(summary = "Check a pass code in at the door (role door): admits once")
	@ApiResponse(responseCode = "200", description = "The pass, now used, and its ticket")
	@ApiResponse(responseCode = "400", description = "code_invalid: malformed, bad signature or unknown key")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: no door role")
	@ApiResponse(responseCode = "409",
			description = "already_checked_in (member checkedInAt), ticket_listed, or pass_void")
	@SecurityRequirement(name = ApiDocs.SESSION)
	CheckInResponse checkIn(@Valid @RequestBody CheckInRequest request) {
		PassService.CheckIn admitted = this.passes.checkIn(request.code());
		Pass pass = admitted.pass();
		Ticket ticket = admitted.ticket();
		return new CheckInResponse(new CheckInResponse.UsedPass(pass.id(), pass.status().value(), pass.checkedInAt()),
				new CheckInResponse.AdmittedTicket(ticket.id(), ticket.listing().title(), ticket.listing().venue(),
						ticket.listing().eventAt()));
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	@Operation(summary = "The public keys that sign pass codes (JWKS)")
	@ApiResponse(responseCode = "200", description = "The JWK set, public keys only")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.passes.jwkSet());
	}

	/** An entry of {@code GET /api/tickets/held}. */
	record HeldResponse(TicketResponse ticket, PassResponse pass) {
	}

	/** The answer of a check-in that admits. */
	record CheckInResponse(UsedPass pass, AdmittedTicket ticket) {

		record UsedPass(UUID id, String status, @Nullable Instant checkedInAt) {
		}

		record AdmittedTicket(UUID id, String title, @Nullable String venue, @Nullable Instant eventAt) {
		}

	}

}
