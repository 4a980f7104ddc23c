package dev.ticketing.orders.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.metrics.OnCommit;
import dev.ticketing.common.messaging.PoisonEventException;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.orders.OrdersProperties;
import dev.ticketing.orders.replica.TicketReplica;
import dev.ticketing.orders.replica.TicketReplicas;

/**
 * Placing, cancelling, expiring and completing orders. Each change and its
 * {@code orders.v1.order.*} event commit together through the outbox. Counts
 * {@code ticketing.orders.placed} and {@code ticketing.orders.holds.expired} once they
 * commit.
 */
@Service
public class OrderService {

	private static final Logger logger = LoggerFactory.getLogger(OrderService.class);

	private final OrderRepository orders;

	private final TicketReplicas tickets;

	private final Outbox outbox;

	private final OrdersProperties properties;

	private final Clock clock;

	private final Counter placed;

	private final Counter expired;

	public OrderService(OrderRepository orders, TicketReplicas tickets, Outbox outbox, OrdersProperties properties,
			Clock clock, MeterRegistry meters) {
		this.orders = orders;
		this.tickets = tickets;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.placed = Counter.builder("ticketing.orders.placed")
			.description("Orders placed: a ticket held for its buyer")
			.register(meters);
		this.expired = Counter.builder("ticketing.orders.holds.expired")
			.description("Orders cancelled because their hold ran out unpaid")
			.register(meters);
	}

	/**
	 * Places an order holding a ticket for the hold window. The database's partial unique
	 * index makes one of any number of concurrent orders for a ticket win; the others get
	 * {@link TicketUnavailableException}.
	 */
	@Transactional
	public Order place(UUID buyer, UUID ticketId) {
		TicketReplica ticket = this.tickets.find(ticketId).orElseThrow(TicketNotFoundException::new);
		if (ticket.sellerId().equals(buyer)) {
			throw new OwnTicketException();
		}
		if (!ticket.isAvailable()) {
			throw new TicketUnavailableException();
		}
		Instant now = now();
		Order order = Order.place(
				UUID.randomUUID(), buyer, new OrderedTicket(ticket.id(), ticket.title(), ticket.price(),
						ticket.currency(), ticket.sellerId(), ticket.eventAt()),
				now, now.plus(this.properties.holdWindow()));
		this.orders.insert(order);
		this.outbox.append(OrderEvents.created(order));
		OnCommit.increment(this.placed);
		return order;
	}

	/** One of the buyer's orders; someone else's is not found. */
	@Transactional(readOnly = true)
	public Order get(UUID buyer, UUID id) {
		return this.orders.find(id).filter((order) -> order.isPlacedBy(buyer)).orElseThrow(OrderNotFoundException::new);
	}

	@Transactional(readOnly = true)
	public PageResponse<Order> list(UUID buyer, PageQuery page) {
		return this.orders.findByUser(buyer, page);
	}

	/**
	 * Cancels one of the buyer's orders; cancelling a cancelled order changes nothing.
	 */
	@Transactional
	public void cancel(UUID buyer, UUID id) {
		Order order = this.orders.findForUpdate(id)
			.filter((found) -> found.isPlacedBy(buyer))
			.orElseThrow(OrderNotFoundException::new);
		order.cancelByBuyer(now()).ifPresent(this::save);
	}

	/**
	 * Cancels up to one batch of holds that ran out, claimed so that several instances
	 * never cancel the same order twice.
	 * @return how many were cancelled
	 */
	@Transactional
	public int expireDue() {
		Instant now = now();
		List<Order> due = this.orders.claimExpired(now, this.properties.expiryBatchSize());
		for (Order order : due) {
			save(order.cancel(CancelReason.EXPIRED, now));
		}
		OnCommit.increment(this.expired, due.size());
		return due.size();
	}

	/**
	 * Completes an order paid by {@code paymentId}, in the consumer's transaction. An
	 * order that is already complete or was cancelled is left alone (payments-service
	 * refunds a payment for a cancelled order).
	 */
	@Transactional
	public void completePaid(UUID orderId, UUID paymentId) {
		Order order = this.orders.findForUpdate(orderId)
			.orElseThrow(() -> new PoisonEventException("Payment " + paymentId + " is for unknown order " + orderId));
		if (order.status() != OrderStatus.CREATED) {
			logger.info("Not completing order {} paid by {}: it is {}", orderId, paymentId, order.status().value());
			return;
		}
		Order completed = order.complete(paymentId, now());
		this.orders.update(completed);
		this.outbox.append(OrderEvents.completed(completed));
	}

	private void save(Order cancelled) {
		this.orders.update(cancelled);
		this.outbox.append(OrderEvents.cancelled(cancelled));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
