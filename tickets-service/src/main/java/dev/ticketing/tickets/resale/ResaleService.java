package dev.ticketing.tickets.resale;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.tickets.pass.Pass;
import dev.ticketing.tickets.pass.PassService;
import dev.ticketing.tickets.ticket.PriceCap;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketEvents;
import dev.ticketing.tickets.ticket.TicketNotFoundException;
import dev.ticketing.tickets.ticket.TicketRepository;

/**
 * Lists a held ticket again. The bought listing and the holder's pass are locked, so a
 * resale racing a check-in of the same pass, or another resale, waits for it: one of them
 * wins, and the other is refused with what the winner did.
 */
@Service
class ResaleService {

	private final TicketRepository tickets;

	private final PassService passes;

	private final Outbox outbox;

	private final PriceCap cap;

	private final Clock clock;

	ResaleService(TicketRepository tickets, PassService passes, Outbox outbox, PriceCap cap, Clock clock) {
		this.tickets = tickets;
		this.passes = passes;
		this.outbox = outbox;
		this.cap = cap;
		this.clock = clock;
	}

	@Transactional
	Ticket resell(UUID holderId, UUID ticketId, long price, @Nullable String description) {
		Ticket bought = this.tickets.findForUpdate(ticketId).orElseThrow(TicketNotFoundException::new);
		Pass pass = this.passes.lockForResale(holderId, bought.id());
		Ticket resale = bought.resell(UUID.randomUUID(), holderId, price, description, this.cap,
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.tickets.insert(resale);
		this.outbox.append(TicketEvents.created(resale));
		this.passes.listed(pass, resale.id());
		return resale;
	}

}
