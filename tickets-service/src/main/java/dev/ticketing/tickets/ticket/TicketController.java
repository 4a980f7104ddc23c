package dev.ticketing.tickets.ticket;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

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

import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.common.web.PathIds;

/**
 * {@code /api/tickets} (DESIGN §2, tickets-service table).
 */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

	private final TicketService tickets;

	TicketController(TicketService tickets) {
		this.tickets = tickets;
	}

	@PostMapping
	ResponseEntity<TicketResponse> create(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody TicketRequest request) {
		Ticket ticket = this.tickets.create(user.id(), request.listing(), request.faceValue());
		return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id())).body(TicketResponse.of(ticket));
	}

	@GetMapping
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
	TicketResponse get(@PathVariable String id) {
		return TicketResponse.of(this.tickets.get(ticketId(id)));
	}

	@PutMapping("/{id}")
	TicketResponse update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			@Valid @RequestBody TicketRequest request) {
		UUID ticketId = ticketId(id);
		return TicketResponse
			.of(this.tickets.update(user.id(), ticketId, request.listing(), request.faceValue(), request.version()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
		this.tickets.withdraw(user.id(), ticketId(id));
		return ResponseEntity.noContent().build();
	}

	private static UUID ticketId(String id) {
		return PathIds.parse(id, TicketNotFoundException::new);
	}

}
