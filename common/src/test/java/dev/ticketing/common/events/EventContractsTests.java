package dev.ticketing.common.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.events.payments.v1.PaymentRefunded;
import dev.ticketing.common.events.payments.v1.PayoutPaid;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The event contracts of DESIGN §3 against golden files
 * ({@code src/test/resources/events/<subject>.json}): each record writes exactly its
 * file, reads it back, and reads it with fields it does not know added anywhere.
 */
class EventContractsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final EventCodec codec = new EventCodec();

	private static final UUID TICKET = UUID.fromString("5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02");

	private static final UUID SELLER = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b03");

	private static final UUID ORDER = UUID.fromString("c4d5e6f7-0819-4a2b-9c3d-4e5f60718205");

	private static final UUID BUYER = UUID.fromString("d5e6f708-192a-4b3c-8d4e-5f6071829307");

	private static final UUID PAYOUT = UUID.fromString("f7081a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b");

	private static final UUID PAYMENT = UUID.fromString("e6f70819-2a3b-4c4d-9e5f-60718293a40a");

	private static final Instant EVENT_AT = Instant.parse("2026-12-20T19:30:00Z");

	static Stream<Event<?>> goldenEvents() {
		return Stream.of(
				event("0a5c7f52-3a4e-4f8e-9a57-1d2b3c4d5e01", "2026-11-25T10:15:30.123456Z",
						new TicketCreated(TICKET, 1, "Arctic Monkeys, floor standing", 12500, 12500L, "EUR", SELLER,
								EVENT_AT, null, "available", null)),
				event("1b6d8063-4b5f-4f9f-8b68-2e3c4d5e6f04", "2026-11-25T10:16:00Z",
						new TicketUpdated(TICKET, 2, "Arctic Monkeys, floor standing", 12500, 12500L, "EUR", SELLER,
								EVENT_AT, null, "reserved", ORDER)),
				event("2c7e9174-5c60-4fa0-9c79-3f4d5e6f7a06", "2026-11-25T10:16:00Z",
						new OrderCreated(ORDER, 1, BUYER, "created", Instant.parse("2026-11-25T10:31:00Z"),
								new OrderCreated.Ticket(TICKET, 12500, "EUR", SELLER, EVENT_AT))),
				event("3d8fa285-6d71-4fb1-8d8a-405e6f7a8b08", "2026-11-25T10:31:02Z",
						new OrderCancelled(ORDER, 2, BUYER, new TicketRef(TICKET), "expired")),
				event("4e90b396-7e82-4fc2-9e9b-516f7a8b9c09", "2026-11-25T10:20:00Z",
						new OrderCompleted(ORDER, 2, BUYER, new TicketRef(TICKET), PAYMENT)),
				event("5fa1c4a7-8f93-4fd3-8fac-627a8b9cad0b", "2026-11-25T10:19:58Z",
						new PaymentSucceeded(PAYMENT, ORDER, 12500, "EUR", "simulated", "sim_pi_3PqRsT")),
				event("60b2d5b8-90a4-4fe4-90bd-738b9cadbe0c", "2026-11-25T10:32:00Z",
						new PaymentRefunded(PAYMENT, ORDER, 12500, "EUR", "order_cancelled")),
				event("71c3e6c9-a1b2-4c3d-8e4f-738b9cadbe0d", "2026-11-27T22:00:05Z",
						new PayoutPaid(PAYOUT, SELLER, 11875, "EUR", "simulated")));
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everySubjectHasAGoldenFileAndAnExample(EventType type) {
		assertThat(goldenEvents()).anySatisfy((event) -> assertThat(event.type()).isEqualTo(type.subject()));
		assertThat(golden(type.subject())).isNotNull();
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void writesExactlyTheGoldenFile(Event<?> event) {
		JsonNode written = JSON.readTree(codec.encode(event));
		assertThat(written).isEqualTo(golden(event.type()));
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void readsTheGoldenFile(Event<?> event) {
		assertThat(codec.decode(event.type(), bytes(golden(event.type())))).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void readersIgnoreFieldsTheyDoNotKnow(Event<?> event) {
		ObjectNode newer = (ObjectNode) golden(event.type());
		newer.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		ObjectNode data = (ObjectNode) newer.get("data");
		data.put("addedInALaterRelease", true);
		data.putObject("nested").put("deeper", 1);
		data.properties()
			.stream()
			.filter((field) -> field.getValue().isObject())
			.forEach((field) -> ((ObjectNode) field.getValue()).put("alsoNew", "x"));

		assertThat(codec.decode(event.type(), bytes(newer))).isEqualTo(event);
	}

	@Test
	void aTicketEventWrittenBeforeItsAddedFieldsReadsThemAsNull() {
		ObjectNode older = (ObjectNode) golden("tickets.v1.ticket.updated");
		((ObjectNode) older.get("data")).remove(List.of("faceValue", "eventAt", "resoldFrom"));

		Event<?> event = codec.decode("tickets.v1.ticket.updated", bytes(older));

		assertThat(event.data()).isEqualTo(new TicketUpdated(TICKET, 2, "Arctic Monkeys, floor standing", 12500, null,
				"EUR", SELLER, null, null, "reserved", ORDER));
	}

	@Test
	void anOrderEventWrittenBeforeItsNestedAddedFieldsReadsThemAsNull() {
		ObjectNode older = (ObjectNode) golden("orders.v1.order.created");
		((ObjectNode) older.get("data").get("ticket")).remove(List.of("sellerId", "eventAt"));

		OrderCreated order = (OrderCreated) codec.decode("orders.v1.order.created", bytes(older)).data();

		assertThat(order.ticket()).isEqualTo(new OrderCreated.Ticket(TICKET, 12500, "EUR", null, null));
	}

	@Test
	void aFieldOfTheFirstReleaseIsStillRequiredInsideANestedRecord() {
		ObjectNode broken = (ObjectNode) golden("orders.v1.order.created");
		((ObjectNode) broken.get("data").get("ticket")).remove("price");

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode("orders.v1.order.created", bytes(broken)));
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void aMissingPayloadFieldIsMalformed(Event<?> event) {
		ObjectNode broken = (ObjectNode) golden(event.type());
		ObjectNode data = (ObjectNode) broken.get("data");
		data.remove(data.propertyNames().iterator().next());

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode(event.type(), bytes(broken)));
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void anEventOnAnotherSubjectIsMalformed(Event<?> event) {
		String other = (event.type().equals("tickets.v1.ticket.updated")) ? "tickets.v1.ticket.created"
				: "tickets.v1.ticket.updated";
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode(other, bytes(golden(event.type()))));
	}

	@ParameterizedTest
	@MethodSource("malformedBodies")
	void unreadableBodiesAreMalformed(String body) {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode("tickets.v1.ticket.created", body.getBytes(StandardCharsets.UTF_8)));
	}

	static Stream<String> malformedBodies() {
		return Stream.of("", "null", "[]", "{\"id\": \"not json", "{}",
				"{\"id\":\"0a5c7f52-3a4e-4f8e-9a57-1d2b3c4d5e01\",\"type\":\"tickets.v1.ticket.created\","
						+ "\"occurredAt\":\"2026-11-25T10:15:30Z\",\"data\":null}",
				"{\"id\":\"x\",\"type\":\"tickets.v1.ticket.created\",\"occurredAt\":\"2026-11-25T10:15:30Z\",\"data\":{}}",
				new String(bytes(golden("tickets.v1.ticket.created")), StandardCharsets.UTF_8) + " trailing");
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void aSubjectNoContractKnowsIsMalformed(Event<?> event) {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> codec.decode("tickets.v9.ticket.exploded", bytes(golden(event.type()))));
	}

	@ParameterizedTest
	@EnumSource(EventStream.class)
	void eachStreamHoldsItsProducersSubjects(EventStream stream) {
		Map<EventStream, String> prefixes = Map.of(EventStream.TICKETS, "tickets.v1.", EventStream.ORDERS, "orders.v1.",
				EventStream.PAYMENTS, "payments.v1.");
		assertThat(EventType.subjectsOf(stream)).isNotEmpty()
			.allMatch((subject) -> subject.startsWith(prefixes.get(stream)));
		assertThat(stream.v1Filter()).isEqualTo(prefixes.get(stream) + ">");
	}

	private static Event<?> event(String id, String occurredAt, Object data) {
		return new Event<>(UUID.fromString(id), EventType.of(data).subject(), Instant.parse(occurredAt), data);
	}

	private static JsonNode golden(String subject) {
		try (InputStream in = EventContractsTests.class.getResourceAsStream("/events/" + subject + ".json")) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(JsonNode json) {
		return JSON.writeValueAsBytes(json);
	}

}
