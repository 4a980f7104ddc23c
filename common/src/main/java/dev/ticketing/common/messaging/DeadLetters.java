package dev.ticketing.common.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter stream: JetStream's max-deliveries and terminated advisories, collected
 * by a stream (DESIGN §3), each pointing at a message a consumer gave up on. The message
 * itself stays in its stream for the streams' max age, so it can be read here and
 * replayed once the cause is fixed.
 */
public class DeadLetters {

	private static final int MESSAGE_NOT_FOUND = 10037;

	private final Connection connection;

	private final String streamName;

	private final JsonMapper json = JsonMapper.builder().build();

	DeadLetters(Connection connection, MessagingProperties properties) {
		this.connection = connection;
		this.streamName = properties.streams().deadLetters();
	}

	/**
	 * Up to {@code limit} entries, oldest first, optionally only those of one consumer.
	 */
	public List<DeadLetter> list(@Nullable String consumer, int limit) throws IOException, JetStreamApiException {
		JetStreamManagement management = this.connection.jetStreamManagement();
		StreamInfo info = management.getStreamInfo(this.streamName);
		List<DeadLetter> letters = new ArrayList<>();
		// An empty stream reports first sequence 0, which is not a valid sequence.
		long sequence = Math.max(1, info.getStreamState().getFirstSequence());
		long last = info.getStreamState().getLastSequence();
		while (sequence <= last && letters.size() < limit) {
			Optional<MessageInfo> entry = message(management, this.streamName, sequence);
			if (entry.isPresent()) {
				DeadLetter letter = read(management, entry.get());
				if (consumer == null || consumer.equals(letter.consumer())) {
					letters.add(letter);
				}
			}
			sequence++;
		}
		return letters;
	}

	/** One entry by its sequence in the dead-letter stream. */
	public Optional<DeadLetter> find(long sequence) throws IOException, JetStreamApiException {
		JetStreamManagement management = this.connection.jetStreamManagement();
		Optional<MessageInfo> entry = message(management, this.streamName, sequence);
		return (entry.isEmpty()) ? Optional.empty() : Optional.of(read(management, entry.get()));
	}

	/**
	 * Publishes the message an entry points to again, on its subject, and removes the
	 * entry. Every consumer of the subject receives the copy; those that applied the
	 * event before ignore it through their inbox. The copy's message id is the entry's,
	 * so replays of one entry at once (two operators, two instances) or again after a
	 * failure publish one copy within the duplicate window.
	 * @return {@code false} if there is no such entry or the message has left its stream
	 */
	public boolean replay(long sequence) throws IOException, JetStreamApiException {
		DeadLetter letter = find(sequence).orElse(null);
		String subject = (letter != null) ? letter.subject() : null;
		String body = (letter != null) ? letter.body() : null;
		if (letter == null || subject == null || body == null) {
			return false;
		}
		NatsMessage copy = NatsMessage.builder()
			.subject(subject)
			.headers(new Headers().put("Ticketing-Replay-Of", letter.stream() + ":" + letter.streamSequence()))
			.data(body.getBytes(StandardCharsets.UTF_8))
			.build();
		// A fresh message id: the original's may still be inside the duplicate window.
		this.connection.jetStream()
			.publish(copy,
					PublishOptions.builder()
						.expectedStream(letter.stream())
						.messageId("replay-" + this.streamName + "-" + sequence)
						.build());
		JetStreamManagement management = this.connection.jetStreamManagement();
		try {
			management.deleteMessage(this.streamName, sequence);
		}
		catch (JetStreamApiException ex) {
			// Unless a replay of the same entry at the same time deleted it first.
			if (message(management, this.streamName, sequence).isPresent()) {
				throw ex;
			}
		}
		return true;
	}

	private DeadLetter read(JetStreamManagement management, MessageInfo entry)
			throws IOException, JetStreamApiException {
		JsonNode advisory = this.json.readTree(entry.getData());
		String stream = advisory.path("stream").asString();
		long streamSequence = advisory.path("stream_seq").asLong();
		String reason = advisory.path("type").asString().endsWith("terminated") ? "terminated" : "max_deliveries";
		Optional<MessageInfo> original = message(management, stream, streamSequence);
		return new DeadLetter(entry.getSeq(), reason, stream, advisory.path("consumer").asString(), streamSequence,
				advisory.path("deliveries").asLong(), Instant.parse(advisory.path("timestamp").asString()),
				original.map(MessageInfo::getSubject).orElse(null),
				original.map((message) -> new String(message.getData(), StandardCharsets.UTF_8)).orElse(null));
	}

	private static Optional<MessageInfo> message(JetStreamManagement management, String stream, long sequence)
			throws IOException, JetStreamApiException {
		try {
			return Optional.of(management.getMessage(stream, sequence));
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == MESSAGE_NOT_FOUND) {
				return Optional.empty();
			}
			throw ex;
		}
	}

}
