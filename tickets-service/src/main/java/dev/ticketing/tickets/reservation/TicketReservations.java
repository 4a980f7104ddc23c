package dev.ticketing.tickets.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.messaging.PoisonEventException;
import dev.ticketing.tickets.pass.PassService;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketEvents;
import dev.ticketing.tickets.ticket.TicketRepository;

/**
 * How tickets follow orders (DESIGN §3): {@code order.created} reserves the ticket for
 * the order, {@code order.cancelled} releases it if that order holds it,
 * {@code order.completed} marks it sold and issues the buyer's pass; each change
 * publishes {@code ticket.updated}. Each handler runs in the consumer's transaction,
 * together with the inbox record, and acts only when the event is newer than what
 * {@link OrderStates} knows of the order.
 */
@Component
class TicketReservations {

	private static final Logger logger = LoggerFactory.getLogger(TicketReservations.class);

	private final OrderStates orders;

	private final TicketRepository tickets;

	private final Outbox outbox;

	private final PassService passes;

	private final Clock clock;

	TicketReservations(OrderStates orders, TicketRepository tickets, Outbox outbox, PassService passes, Clock clock) {
		this.orders = orders;
		this.tickets = tickets;
		this.outbox = outbox;
		this.passes = passes;
		this.clock = clock;
	}

	void onOrderCreated(Event<OrderCreated> event) {
		OrderCreated order = event.data();
		UUID ticketId = required(order.ticket(), "ticket").id();
		if (this.orders.advance(order.id(), ticketId, "created", order.version())) {
			change(ticketId, order.id(), "reserve", (ticket) -> ticket.reserve(order.id(), now()));
		}
	}

	void onOrderCancelled(Event<OrderCancelled> event) {
		OrderCancelled order = event.data();
		UUID ticketId = required(order.ticket(), "ticket").id();
		if (this.orders.advance(order.id(), ticketId, "cancelled", order.version())) {
			change(ticketId, order.id(), "release", (ticket) -> ticket.release(order.id(), now()));
		}
	}

	/** Sells the ticket and, in the same transaction, issues the buyer's pass. */
	void onOrderCompleted(Event<OrderCompleted> event) {
		OrderCompleted order = event.data();
		UUID ticketId = required(order.ticket(), "ticket").id();
		if (this.orders.advance(order.id(), ticketId, "complete", order.version())) {
			change(ticketId, order.id(), "sell", (ticket) -> ticket.sell(order.id(), now()))
				.ifPresent((sold) -> this.passes.issue(sold, order.userId(), order.id()));
		}
	}

	private Optional<Ticket> change(UUID ticketId, UUID orderId, String action,
			Function<Ticket, Optional<Ticket>> transition) {
		Ticket ticket = this.tickets.findForUpdate(ticketId)
			.orElseThrow(() -> new PoisonEventException("Order " + orderId + " refers to unknown ticket " + ticketId));
		Optional<Ticket> changed = transition.apply(ticket);
		if (changed.isEmpty()) {
			logger.warn("Not applying {} of ticket {} for order {}: the ticket is {} (order {})", action, ticketId,
					orderId, ticket.status().value(), ticket.orderId());
			return Optional.empty();
		}
		this.tickets.update(changed.get());
		this.outbox.append(TicketEvents.updated(changed.get()));
		return changed;
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw new PoisonEventException("The event has no " + field);
		}
		return value;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
