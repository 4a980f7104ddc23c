package dev.ticketing.common.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a JetStream stream holds, for assertions about what was published.
 */
public final class StreamMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int NOT_FOUND = 10037;

	private StreamMessages() {
	}

	/**
	 * One stored message.
	 *
	 * @param sequence its stream sequence
	 * @param subject its subject
	 * @param messageId its {@code Nats-Msg-Id} header, or {@code null}
	 * @param body its body as JSON
	 */
	public record Stored(long sequence, String subject, String messageId, JsonNode body) {

		/** {@code data.id} of an event body. */
		public String dataId() {
			return this.body.path("data").path("id").asString();
		}

	}

	/** Every message the stream holds now, in order. */
	public static List<Stored> all(Connection connection, String stream) {
		try {
			JetStreamManagement management = connection.jetStreamManagement();
			StreamInfo info = management.getStreamInfo(stream);
			List<Stored> messages = new ArrayList<>();
			long last = info.getStreamState().getLastSequence();
			for (long sequence = Math.max(1, info.getStreamState().getFirstSequence()); sequence <= last; sequence++) {
				MessageInfo message;
				try {
					message = management.getMessage(stream, sequence);
				}
				catch (JetStreamApiException ex) {
					if (ex.getApiErrorCode() == NOT_FOUND) {
						continue;
					}
					throw ex;
				}
				String messageId = (message.getHeaders() != null) ? message.getHeaders().getFirst("Nats-Msg-Id") : null;
				JsonNode body;
				try {
					body = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
				}
				catch (RuntimeException ex) {
					body = JSON.missingNode();
				}
				messages.add(new Stored(sequence, message.getSubject(), messageId, body));
			}
			return messages;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read stream " + stream, ex);
		}
	}

	/** The messages of a stream whose event payload has {@code data.id} = {@code id}. */
	public static List<Stored> about(Connection connection, String stream, Object id) {
		return all(connection, stream).stream().filter((message) -> message.dataId().equals(id.toString())).toList();
	}

}
