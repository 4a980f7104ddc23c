package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import dev.ticketing.common.events.EventStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event backbone's settings, {@code ticketing.messaging.*}.
 *
 * @param enabled whether this service connects to NATS at all (auth-service does not)
 * @param url one or more NATS server URLs, comma-separated
 * @param username optional user name
 * @param password optional password
 * @param credentialsFile optional NATS {@code .creds} file (JWT + NKey seed)
 * @param stream the stream this service publishes to and owns, if it publishes
 * @param streams settings of the streams this service creates
 * @param outbox settings of the outbox relay
 * @param consumer settings of this service's durable consumers
 */
@ConfigurationProperties("ticketing.messaging")
@Validated
record MessagingProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("nats://127.0.0.1:4222") @NotBlank String url, String username, String password,
		String credentialsFile, EventStream stream, @DefaultValue @Valid Streams streams,
		@DefaultValue @Valid Outbox outbox, @DefaultValue @Valid Consumer consumer) {

	/**
	 * Stream settings (DESIGN §3: file storage, limits retention).
	 *
	 * @param replicas copies of each stream in a NATS cluster (1 for a single server)
	 * @param maxAge how long messages are kept
	 * @param duplicateWindow how long JetStream remembers a {@code Nats-Msg-Id}
	 * @param deadLetters the name of the stream that collects the max-deliveries and
	 * terminated advisories
	 */
	public record Streams(@DefaultValue("1") @Min(1) @Max(5) int replicas, @DefaultValue("7d") @NotNull Duration maxAge,
			@DefaultValue("5m") @NotNull Duration duplicateWindow,
			@DefaultValue("DEAD_LETTERS") @NotBlank String deadLetters) {

	}

	/**
	 * Outbox relay settings.
	 *
	 * @param batchSize rows claimed and published per transaction
	 * @param sweepInterval how often unsent rows are looked for without a commit having
	 * signalled new ones (catches rows of other instances and after restarts)
	 * @param publishTimeout how long to wait for a PubAck
	 * @param minBackoff the first pause after a failed publish
	 * @param maxBackoff the longest pause between attempts while NATS is unavailable
	 * @param purgeInterval how often sent rows older than the duplicate window are
	 * deleted
	 */
	public record Outbox(@DefaultValue("100") @Min(1) @Max(1000) int batchSize,
			@DefaultValue("2s") @NotNull Duration sweepInterval, @DefaultValue("10s") @NotNull Duration publishTimeout,
			@DefaultValue("200ms") @NotNull Duration minBackoff, @DefaultValue("30s") @NotNull Duration maxBackoff,
			@DefaultValue("1m") @NotNull Duration purgeInterval) {

	}

	/**
	 * Durable consumer settings.
	 *
	 * @param durable the durable name; defaults to {@code spring.application.name}
	 * @param maxDeliver deliveries of one message before it is set aside
	 * @param ackWait how long a delivered message may stay unacknowledged before it is
	 * redelivered (a consumer that died mid-message)
	 * @param backoff the delays before redelivering a message whose handler failed, by
	 * delivery attempt (the last one repeats)
	 * @param maxAckPending unacknowledged messages the server lets one consumer have
	 * @param inboxRetention how long processed event ids are remembered; longer than the
	 * streams' max age, so no message still in a stream can be applied twice
	 */
	public record Consumer(String durable, @DefaultValue("5") @Min(1) @Max(100) int maxDeliver,
			@DefaultValue("30s") @NotNull Duration ackWait, @DefaultValue( {
					"1s", "5s", "15s", "30s" }) @NotEmpty List<Duration> backoff,
			@DefaultValue("1000") @Min(1) int maxAckPending, @DefaultValue("8d") @NotNull Duration inboxRetention){

		/** The delay before the next delivery after {@code deliveries} failed ones. */
		public Duration backoffAfter(long deliveries) {
			int index = (int) Math.min(Math.max(deliveries - 1, 0), this.backoff.size() - 1);
			return this.backoff.get(index);
		}

	}

}
