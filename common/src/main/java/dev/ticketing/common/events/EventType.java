package dev.ticketing.common.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.payments.v1.PaymentRefunded;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.events.payments.v1.PayoutPaid;
import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;

/**
 * Every subject of DESIGN §3 with its payload record and the stream it is stored in.
 */
public enum EventType {

	/** {@code tickets.v1.ticket.created}. */
	TICKET_CREATED(EventStream.TICKETS, "tickets.v1.ticket.created", TicketCreated.class),
	/** {@code tickets.v1.ticket.updated}. */
	TICKET_UPDATED(EventStream.TICKETS, "tickets.v1.ticket.updated", TicketUpdated.class),
	/** {@code orders.v1.order.created}. */
	ORDER_CREATED(EventStream.ORDERS, "orders.v1.order.created", OrderCreated.class),
	/** {@code orders.v1.order.cancelled}. */
	ORDER_CANCELLED(EventStream.ORDERS, "orders.v1.order.cancelled", OrderCancelled.class),
	/** {@code orders.v1.order.completed}. */
	ORDER_COMPLETED(EventStream.ORDERS, "orders.v1.order.completed", OrderCompleted.class),
	/** {@code payments.v1.payment.succeeded}. */
	PAYMENT_SUCCEEDED(EventStream.PAYMENTS, "payments.v1.payment.succeeded", PaymentSucceeded.class),
	/** {@code payments.v1.payment.refunded}. */
	PAYMENT_REFUNDED(EventStream.PAYMENTS, "payments.v1.payment.refunded", PaymentRefunded.class),
	/** {@code payments.v1.payout.paid}. */
	PAYOUT_PAID(EventStream.PAYMENTS, "payments.v1.payout.paid", PayoutPaid.class);

	private final EventStream stream;

	private final String subject;

	private final Class<?> dataType;

	EventType(EventStream stream, String subject, Class<?> dataType) {
		this.stream = stream;
		this.subject = subject;
		this.dataType = dataType;
	}

	public EventStream stream() {
		return this.stream;
	}

	public String subject() {
		return this.subject;
	}

	public Class<?> dataType() {
		return this.dataType;
	}

	/** The type whose subject this is, if any. */
	public static Optional<EventType> forSubject(String subject) {
		return Arrays.stream(values()).filter((type) -> type.subject.equals(subject)).findFirst();
	}

	/** The type of a payload record. */
	public static EventType of(Object data) {
		return Arrays.stream(values())
			.filter((type) -> type.dataType == data.getClass())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an event payload: " + data.getClass().getName()));
	}

	/** The subjects stored in a stream. */
	public static List<String> subjectsOf(EventStream stream) {
		return Arrays.stream(values()).filter((type) -> type.stream == stream).map(EventType::subject).toList();
	}

}
