package dev.ticketing.tickets.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.web.PageResponse;

/**
 * Listing, editing and withdrawing tickets. Each change and its
 * {@code tickets.v1.ticket.*} event commit together through the outbox.
 */
@Service
public class TicketService {

	private final TicketRepository tickets;

	private final Outbox outbox;

	private final PriceCap cap;

	private final ResaleListings resales;

	private final Clock clock;

	public TicketService(TicketRepository tickets, Outbox outbox, PriceCap cap, ResaleListings resales, Clock clock) {
		this.tickets = tickets;
		this.outbox = outbox;
		this.cap = cap;
		this.resales = resales;
		this.clock = clock;
	}

	/**
	 * Lists a ticket for the first time.
	 * @param faceValue what it cost, {@code null} for its price
	 */
	@Transactional
	public Ticket create(UUID sellerId, Listing listing, @Nullable Long faceValue) {
		Ticket ticket = Ticket.list(UUID.randomUUID(), sellerId, listing, faceValue, this.cap, now());
		this.tickets.insert(ticket);
		this.outbox.append(TicketEvents.created(ticket));
		return ticket;
	}

	@Transactional(readOnly = true)
	public Ticket get(UUID id) {
		return this.tickets.find(id).orElseThrow(TicketNotFoundException::new);
	}

	@Transactional(readOnly = true)
	public PageResponse<Ticket> search(TicketQuery query) {
		return this.tickets.search(query);
	}

	/**
	 * Replaces a ticket's details.
	 * @param faceValue {@code null}, or the face value the client believes it has: any
	 * other is refused, as the face value never changes
	 * @param expectedVersion the version the client edited, or {@code null} to overwrite
	 * whatever is current
	 */
	@Transactional
	public Ticket update(UUID userId, UUID id, Listing listing, @Nullable Long faceValue,
			@Nullable Long expectedVersion) {
		Ticket ticket = ownTicket(userId, id);
		if (faceValue != null && faceValue != ticket.faceValue()) {
			throw new FaceValueFixedException(ticket.faceValue());
		}
		Ticket edited = ticket.edit(listing, this.cap, now());
		if (expectedVersion != null && expectedVersion != ticket.version()) {
			throw new VersionConflictException(ticket.version());
		}
		this.tickets.update(edited);
		this.outbox.append(TicketEvents.updated(edited));
		return edited;
	}

	/**
	 * Takes a ticket off the market; withdrawing it again changes nothing. Withdrawing a
	 * resale listing gives its seller's pass back.
	 */
	@Transactional
	public void withdraw(UUID userId, UUID id) {
		Ticket ticket = ownTicket(userId, id);
		Ticket withdrawn = ticket.withdraw(now());
		if (withdrawn != ticket) {
			this.tickets.update(withdrawn);
			this.outbox.append(TicketEvents.updated(withdrawn));
			if (withdrawn.isResale()) {
				this.resales.withdrawn(withdrawn);
			}
		}
	}

	private Ticket ownTicket(UUID userId, UUID id) {
		Ticket ticket = this.tickets.findForUpdate(id).orElseThrow(TicketNotFoundException::new);
		if (!ticket.isSoldBy(userId)) {
			throw new NotOwnerException();
		}
		return ticket;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
