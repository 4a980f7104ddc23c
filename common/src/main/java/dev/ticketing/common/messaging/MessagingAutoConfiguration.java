package dev.ticketing.common.messaging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import dev.ticketing.common.events.EventCodec;

/**
 * The event backbone for a service that sets {@code ticketing.messaging.enabled=true}:
 * the outbox and inbox tables ({@link MessagingSchema}), the NATS connection, stream
 * provisioning, the outbox and its relay, the consumers of every
 * {@link EventSubscription} bean with their inbox, and the dead-letter stream.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"dev.ticketing.common.security.SecurityAutoConfiguration" })
@ConditionalOnClass({ Connection.class, JdbcClient.class })
@ConditionalOnBooleanProperty("ticketing.messaging.enabled")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

	/** The same clock as security's, for a service without a web server. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	/**
	 * The NATS connection. Start-up waits until a server answers; afterwards the client
	 * reconnects for ever, and the relay and the consumers back off meanwhile.
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Connection natsConnection(MessagingProperties properties, Environment environment)
			throws IOException, InterruptedException {
		ConnectionListener listener = (connection, event) -> logger.info("NATS connection: {}", event);
		Options.Builder options = Options.builder()
			.servers(StringUtils.commaDelimitedListToStringArray(properties.url().replace(" ", "")))
			.connectionName(environment.getProperty("spring.application.name", "ticketing"))
			.maxReconnects(-1)
			.reconnectWait(Duration.ofSeconds(1))
			.connectionTimeout(Duration.ofSeconds(5))
			.connectionListener(listener);
		if (StringUtils.hasText(properties.credentialsFile())) {
			options.authHandler(Nats.credentials(properties.credentialsFile()));
		}
		else if (StringUtils.hasText(properties.username())) {
			options.userInfo(properties.username(), properties.password());
		}
		return Nats.connectReconnectOnConnect(options.build());
	}

	@Bean
	StreamProvisioner streamProvisioner(Connection connection, MessagingProperties properties) {
		return new StreamProvisioner(connection, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxStore outboxStore(JdbcClient jdbc) {
		return new JdbcOutboxStore(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(JdbcClient jdbc) {
		return new JdbcInbox(jdbc);
	}

	/** Traces across the outbox and JetStream; without a tracer, none. */
	@Bean
	MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new MessageTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	OutboxRelay outboxRelay(OutboxStore store, PlatformTransactionManager transactionManager, Connection connection,
			StreamProvisioner provisioner, MessagingProperties properties, Clock clock, MeterRegistry meters,
			MessageTracing tracing) {
		return new OutboxRelay(store, new TransactionTemplate(transactionManager), connection, provisioner, properties,
				clock, meters, tracing);
	}

	@Bean
	Outbox outbox(OutboxStore store, EventCodec codec, Clock clock, OutboxRelay relay, MessageTracing tracing) {
		return new Outbox(store, codec, clock, relay::wakeUp, tracing);
	}

	@Bean
	EventSubscribers eventSubscribers(ObjectProvider<EventSubscription> subscriptions, Connection connection,
			StreamProvisioner provisioner, Inbox inbox, PlatformTransactionManager transactionManager, EventCodec codec,
			MessagingProperties properties, Clock clock, MeterRegistry meters, Environment environment,
			MessageTracing tracing) {
		return new EventSubscribers(subscriptions.orderedStream().toList(), durableName(properties, environment),
				connection, provisioner, inbox, new TransactionTemplate(transactionManager), codec, properties, clock,
				meters, tracing);
	}

	@Bean
	MessagingMetrics messagingMetrics(OutboxStore store, Connection connection,
			ObjectProvider<EventSubscription> subscriptions, MessagingProperties properties, Clock clock,
			MeterRegistry meters, Environment environment) {
		return new MessagingMetrics(store, connection, subscriptions.orderedStream().toList(),
				durableName(properties, environment), properties, clock, meters);
	}

	@Bean
	DeadLetters deadLetters(Connection connection, MessagingProperties properties) {
		return new DeadLetters(connection, properties);
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, MessagingProperties properties,
			Environment environment) {
		return new DeadLettersEndpoint(deadLetters, durableName(properties, environment));
	}

	@Bean
	NatsHealthIndicator natsHealthIndicator(Connection connection, EventSubscribers subscribers) {
		return new NatsHealthIndicator(connection, subscribers);
	}

	/**
	 * The outbox and inbox tables are migrated by common itself
	 * ({@link MessagingSchema}), just before the service's own migrations.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
	static class MessagingSchemaConfiguration {

		@Bean
		FlywayMigrationStrategy messagingSchemaFirst() {
			return (flyway) -> {
				MessagingSchema.migrate(flyway.getConfiguration());
				flyway.migrate();
			};
		}

	}

	private static String durableName(MessagingProperties properties, Environment environment) {
		String durable = properties.consumer().durable();
		if (StringUtils.hasText(durable)) {
			return durable;
		}
		String name = environment.getProperty("spring.application.name");
		if (!StringUtils.hasText(name)) {
			throw new IllegalStateException(
					"Set spring.application.name or ticketing.messaging.consumer.durable: it names the durable consumers");
		}
		return name;
	}

}
