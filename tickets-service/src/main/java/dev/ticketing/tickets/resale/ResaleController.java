package dev.ticketing.tickets.resale;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PathIds;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketNotFoundException;
import dev.ticketing.tickets.ticket.TicketResponse;

/**
 * {@code POST /api/tickets/{id}/resale} (DESIGN §2, tickets-service table).
 */
@RestController
class ResaleController {

	private final ResaleService resales;

	ResaleController(ResaleService resales) {
		this.resales = resales;
	}

	@PostMapping("/api/tickets/{id}/resale")
	ResponseEntity<TicketResponse> resell(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			@Valid @RequestBody ResaleRequest request) {
		Ticket resale = this.resales.resell(user.id(), PathIds.parse(id, TicketNotFoundException::new), request.price(),
				request.descriptionOrNull());
		return ResponseEntity.created(URI.create("/api/tickets/" + resale.id())).body(TicketResponse.of(resale));
	}

}
