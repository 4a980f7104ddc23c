package dev.ticketing.common.messaging;

import io.nats.client.Connection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health {@code nats}: the connection's state and whether every consumer is open. It is
 * deliberately not part of the readiness group: while NATS is away the service still
 * serves requests and its outbox keeps the events until NATS is back.
 */
class NatsHealthIndicator extends AbstractHealthIndicator {

	private final Connection connection;

	private final EventSubscribers subscribers;

	public NatsHealthIndicator(Connection connection, EventSubscribers subscribers) {
		super("NATS health check failed");
		this.connection = connection;
		this.subscribers = subscribers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Connection.Status status = this.connection.getStatus();
		boolean up = status == Connection.Status.CONNECTED && this.subscribers.isConnected();
		(up ? builder.up() : builder.down()).withDetail("connection", status.name())
			.withDetail("consumers", this.subscribers.isConnected() ? "open" : "reconnecting");
	}

}
