package dev.ticketing.tickets.resale;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PathIds;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketNotFoundException;
import dev.ticketing.tickets.ticket.TicketResponse;

/**
 * {@code POST /api/tickets/{id}/resale} (DESIGN §2, tickets-service table).
 */
@RestController
@Tag(name = "tickets")
class ResaleController {

	private final ResaleService resales;

	ResaleController(ResaleService resales) {
		this.resales = resales;
	}

	@PostMapping("/api/tickets/{id}/resale")
	@Operation(summary = "Resell a ticket the caller holds a pass for: a new listing, the pass becomes listed")
	@ApiResponse(responseCode = "201", description = "The new listing, with Location")
	@ApiResponse(responseCode = "400", description = "validation_failed or price_above_cap")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "not_holder: the caller holds no pass for the ticket")
	@ApiResponse(responseCode = "404", description = "ticket_not_found")
	@ApiResponse(responseCode = "409", description = "already_listed, already_checked_in, pass_void, or event_over")
	@SecurityRequirement(name = ApiDocs.SESSION)
	ResponseEntity<TicketResponse> resell(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			@Valid @RequestBody ResaleRequest request) {
		Ticket resale = this.resales.resell(user.id(), PathIds.parse(id, TicketNotFoundException::new), request.price(),
				request.descriptionOrNull());
		return ResponseEntity.created(URI.create("/api/tickets/" + resale.id())).body(TicketResponse.of(resale));
	}

}
