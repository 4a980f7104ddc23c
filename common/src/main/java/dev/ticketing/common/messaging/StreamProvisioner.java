package dev.ticketing.common.messaging;

import java.io.IOException;
import java.util.List;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.EventType;

/**
 * Creates the streams and durable consumers of DESIGN §3 and keeps their configuration
 * current. The owner of a stream creates or updates it; a consumer only creates a missing
 * stream (with the same configuration, defined here once), so services can start in any
 * order. Written for nats-server 2.9: one filter subject per consumer,
 * {@code addOrUpdateConsumer}.
 */
class StreamProvisioner {

	/** The advisories that feed the dead-letter stream. */
	static final List<String> DEAD_LETTER_SUBJECTS = List.of("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.>",
			"$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.>");

	private static final Logger logger = LoggerFactory.getLogger(StreamProvisioner.class);

	private static final int STREAM_NOT_FOUND = 10059;

	private final Connection connection;

	private final MessagingProperties properties;

	public StreamProvisioner(Connection connection, MessagingProperties properties) {
		this.connection = connection;
		this.properties = properties;
	}

	/** The configuration of an event stream. */
	public StreamConfiguration configurationOf(EventStream stream) {
		MessagingProperties.Streams settings = this.properties.streams();
		return StreamConfiguration.builder()
			.name(stream.streamName())
			.subjects(EventType.subjectsOf(stream))
			.storageType(StorageType.File)
			.retentionPolicy(RetentionPolicy.Limits)
			.discardPolicy(DiscardPolicy.Old)
			.maxAge(settings.maxAge())
			.duplicateWindow(settings.duplicateWindow())
			.replicas(settings.replicas())
			.build();
	}

	/** The configuration of the dead-letter stream. */
	public StreamConfiguration deadLetterConfiguration() {
		MessagingProperties.Streams settings = this.properties.streams();
		return StreamConfiguration.builder()
			.name(settings.deadLetters())
			.subjects(DEAD_LETTER_SUBJECTS)
			.storageType(StorageType.File)
			.retentionPolicy(RetentionPolicy.Limits)
			.maxAge(settings.maxAge())
			.replicas(settings.replicas())
			.build();
	}

	/** Creates the stream this service owns, or brings its configuration up to date. */
	public void ensureOwned(EventStream stream) throws IOException, JetStreamApiException {
		StreamConfiguration wanted = configurationOf(stream);
		JetStreamManagement management = this.connection.jetStreamManagement();
		if (exists(management, wanted.getName())) {
			management.updateStream(wanted);
		}
		else {
			create(management, wanted);
		}
	}

	/** Creates a stream that another service owns if it does not exist yet. */
	public void ensureExists(EventStream stream) throws IOException, JetStreamApiException {
		ensureExists(configurationOf(stream));
	}

	/**
	 * Creates the dead-letter stream if it does not exist yet, and gives it the
	 * configured replicas and max age if it has others: no service owns it, so no owner
	 * would update it when the setting changes (a single server grown into a cluster).
	 */
	public void ensureDeadLetters() throws IOException, JetStreamApiException {
		StreamConfiguration wanted = deadLetterConfiguration();
		JetStreamManagement management = this.connection.jetStreamManagement();
		StreamInfo info = find(management, wanted.getName());
		if (info == null) {
			create(management, wanted);
		}
		else if (info.getConfiguration().getReplicas() != wanted.getReplicas()
				|| !info.getConfiguration().getMaxAge().equals(wanted.getMaxAge())) {
			management.updateStream(wanted);
			logger.info("Updated stream {} to {} replicas", wanted.getName(), wanted.getReplicas());
		}
	}

	/**
	 * Creates or updates a durable pull consumer of every v1 event of a stream.
	 * @return the consumer's configuration
	 */
	public ConsumerConfiguration ensureConsumer(EventStream stream, String durable)
			throws IOException, JetStreamApiException {
		MessagingProperties.Consumer settings = this.properties.consumer();
		ConsumerConfiguration configuration = ConsumerConfiguration.builder()
			.durable(durable)
			.filterSubject(stream.v1Filter())
			.ackPolicy(AckPolicy.Explicit)
			.deliverPolicy(DeliverPolicy.All)
			.ackWait(settings.ackWait())
			.maxDeliver(settings.maxDeliver())
			.maxAckPending(settings.maxAckPending())
			.build();
		this.connection.jetStreamManagement().addOrUpdateConsumer(stream.streamName(), configuration);
		return configuration;
	}

	private void ensureExists(StreamConfiguration wanted) throws IOException, JetStreamApiException {
		JetStreamManagement management = this.connection.jetStreamManagement();
		if (!exists(management, wanted.getName())) {
			create(management, wanted);
		}
	}

	private static boolean exists(JetStreamManagement management, String name)
			throws IOException, JetStreamApiException {
		return find(management, name) != null;
	}

	private static @Nullable StreamInfo find(JetStreamManagement management, String name)
			throws IOException, JetStreamApiException {
		try {
			return management.getStreamInfo(name);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == STREAM_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	private static void create(JetStreamManagement management, StreamConfiguration wanted)
			throws IOException, JetStreamApiException {
		try {
			management.addStream(wanted);
			logger.info("Created stream {} for {}", wanted.getName(), wanted.getSubjects());
		}
		catch (JetStreamApiException ex) {
			// Another service created it between our look-up and now.
			if (!exists(management, wanted.getName())) {
				throw ex;
			}
		}
	}

}
