package dev.ticketing.tickets;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ticketing.common.testing.NatsTestServer;

/**
 * The usual test context: tickets-service with one nats-server shared by every test class
 * that extends this (and so shares the cached Spring context). Tests that stop NATS use a
 * server of their own instead.
 */
public abstract class TicketsIntegrationTest extends TicketsTestSupport {

	private static final NatsTestServer NATS = NatsTestServer.start();

	@DynamicPropertySource
	static void natsUrl(DynamicPropertyRegistry registry) {
		registry.add("ticketing.messaging.url", NATS::url);
	}

}
