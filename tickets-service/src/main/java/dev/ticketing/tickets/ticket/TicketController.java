package dev.ticketing.tickets.ticket;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;

/**
 * {@code /api/tickets} (DESIGN §2, tickets-service table).
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "tickets")
class TicketController {

	private final TicketService tickets;

	TicketController(TicketService tickets) {
		this.tickets = tickets;
	}

	@PostMapping
	@Operation(summary = "List a ticket for sale; faceValue defaults to price")
	@ApiResponse(responseCode = "201", description = "The listing, with Location")
	@ApiResponse(responseCode = "400",
			description = "validation_failed, or price_above_cap (detail names the highest allowed price)")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	ResponseEntity<TicketResponse> create(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody TicketRequest request) {
		Ticket ticket = this.tickets.create(user.id(), request.listing(), request.faceValue());
		return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id())).body(TicketResponse.of(ticket));
	}

	@GetMapping
	@Operation(summary = "Browse listings, newest first; the count is bounded (totalExact)")
	@ApiResponse(responseCode = "200", description = "A page of listings")
	@ApiResponse(responseCode = "400", description = "validation_failed: bad paging or unknown status")
	PageResponse<TicketResponse> list(
			@RequestParam(defaultValue = "available") @Pattern(regexp = "available|reserved|sold|withdrawn|all",
					message = "must be one of available, reserved, sold, withdrawn, all") String status,
			@RequestParam(required = false) @Size(max = 200) @Pattern(regexp = TicketRequest.NO_NUL,
					message = TicketRequest.NO_NUL_MESSAGE) @Nullable String q,
			@RequestParam(required = false) @Nullable UUID sellerId, PageQuery page) {
		TicketStatus wanted = "all".equals(status) ? null : TicketStatus.fromValue(status).orElseThrow();
		String text = Optional.ofNullable(q).map(String::strip).filter((value) -> !value.isEmpty()).orElse(null);
		return this.tickets.search(new TicketQuery(wanted, text, sellerId, page)).map(TicketResponse::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One listing")
	@ApiResponse(responseCode = "200", description = "The listing")
	@ApiResponse(responseCode = "404", description = "ticket_not_found")
	TicketResponse get(@PathVariable String id) {
		return TicketResponse.of(this.tickets.get(ticketId(id)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a listing (version + 1); on a resale listing only price and description may change")
	@ApiResponse(responseCode = "200", description = "The listing")
	@ApiResponse(responseCode = "400",
			description = "validation_failed, price_above_cap, or resale_fixed (a fixed field of a resale listing changed)")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "not_owner")
	@ApiResponse(responseCode = "404", description = "ticket_not_found")
	@ApiResponse(responseCode = "409",
			description = "ticket_reserved (reserved, sold or withdrawn), or version_conflict (a stale version)")
	@SecurityRequirement(name = ApiDocs.SESSION)
	TicketResponse update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			@Valid @RequestBody TicketRequest request) {
		UUID ticketId = ticketId(id);
		return TicketResponse
			.of(this.tickets.update(user.id(), ticketId, request.listing(), request.faceValue(), request.version()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Withdraw a listing; withdrawing a resale listing makes the seller's pass valid again")
	@ApiResponse(responseCode = "204", description = "Withdrawn")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "not_owner")
	@ApiResponse(responseCode = "404", description = "ticket_not_found")
	@ApiResponse(responseCode = "409", description = "ticket_reserved")
	@SecurityRequirement(name = ApiDocs.SESSION)
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		this.tickets.withdraw(user.id(), ticketId(id));
		return ResponseEntity.noContent().build();
	}

	private static UUID ticketId(String id) {
		return PathIds.parse(id, TicketNotFoundException::new);
	}

}
