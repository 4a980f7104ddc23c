package dev.ticketing.common.events;

import java.lang.reflect.RecordComponent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.events.schema.AddedField;

/**
 * Writes and reads event messages. Readers ignore fields they do not know, so a producer
 * may add fields to a v1 payload without breaking its consumers; a field that a payload
 * record has must be present (possibly {@code null}), and a message that is not a
 * well-formed event of its subject is rejected as {@link MalformedEventException}.
 */
public final class EventCodec {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** The message body of an event. */
	public byte[] encode(Event<?> event) {
		EventType type = EventType.of(event.data());
		if (!type.subject().equals(event.type())) {
			throw new IllegalArgumentException(
					"Event type " + event.type() + " does not match its payload " + type.subject());
		}
		return this.mapper.writeValueAsBytes(event);
	}

	/**
	 * Reads the body of a message received on {@code subject}.
	 * @throws MalformedEventException if the body is not an event of a known subject, or
	 * its {@code type} is not the subject it arrived on
	 */
	public Event<?> decode(String subject, byte[] body) {
		EventType type = EventType.forSubject(subject)
			.orElseThrow(() -> new MalformedEventException("Unknown event subject " + subject));
		JavaType javaType = this.mapper.getTypeFactory().constructParametricType(Event.class, type.dataType());
		Event<?> event;
		try {
			JsonNode tree = this.mapper.readTree(body);
			if (tree != null && tree.get("data") instanceof ObjectNode data) {
				absentAsNull(type.dataType(), data);
			}
			event = this.mapper.treeToValue(tree, javaType);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Unreadable " + subject + " event: " + ex.getOriginalMessage(), ex);
		}
		if (event == null) {
			throw new MalformedEventException("Empty " + subject + " event");
		}
		if (!subject.equals(event.type())) {
			throw new MalformedEventException("Event of type " + event.type() + " arrived on " + subject);
		}
		return event;
	}

	/**
	 * Writes {@code null} for each {@link AddedField} the payload lacks, in nested
	 * records too, so that only the fields of the first release are required.
	 */
	private static void absentAsNull(Class<?> type, ObjectNode json) {
		RecordComponent[] components = type.getRecordComponents();
		if (components == null) {
			return;
		}
		for (RecordComponent component : components) {
			JsonNode value = json.get(component.getName());
			if (value == null && component.isAnnotationPresent(AddedField.class)) {
				json.putNull(component.getName());
			}
			else if (value instanceof ObjectNode nested) {
				absentAsNull(component.getType(), nested);
			}
		}
	}

}
