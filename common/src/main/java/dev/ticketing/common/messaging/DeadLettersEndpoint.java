package dev.ticketing.common.messaging;

import java.io.IOException;
import java.util.List;

import io.nats.client.JetStreamApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code deadletters}: {@code GET} lists what this service's consumers
 * gave up on, {@code POST /{sequence}} replays one entry. Not exposed over HTTP unless
 * {@code management.endpoints.web.exposure.include} names it; expose it only on a
 * management port that operators alone reach. See docs/adr/0007.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private static final int LIMIT = 100;

	private final DeadLetters deadLetters;

	private final String consumer;

	public DeadLettersEndpoint(DeadLetters deadLetters, String consumer) {
		this.deadLetters = deadLetters;
		this.consumer = consumer;
	}

	@ReadOperation
	public List<DeadLetter> list(@Nullable String consumer) throws IOException, JetStreamApiException {
		return this.deadLetters.list((consumer != null) ? consumer : this.consumer, LIMIT);
	}

	@WriteOperation
	public Replayed replay(@Selector long sequence) throws IOException, JetStreamApiException {
		return new Replayed(sequence, this.deadLetters.replay(sequence));
	}

	/**
	 * The answer to a replay.
	 *
	 * @param sequence the dead-letter entry
	 * @param replayed whether the message was published again
	 */
	public record Replayed(long sequence, boolean replayed) {

	}

}
