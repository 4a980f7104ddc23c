package dev.ticketing.common.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;
import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.testing.NatsTestCluster;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service on one database and a three-node JetStream cluster with
 * every stream replicated three times, as the production overlay runs them (and
 * {@code bin/run --scaled} locally): each instance connected to all three servers. The
 * streams have three replicas, the instances pull from one durable consumer and apply
 * each event once, their relays publish each event once, and a failing event is delivered
 * {@code max-deliver} times across both, set aside once and replayed once however many
 * instances replay it at the same time.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestSecurityConfiguration.class, TwoInstancesOnAClusterIntegrationTests.Probe.class })
class TwoInstancesOnAClusterIntegrationTests {

	private static final NatsTestCluster CLUSTER = NatsTestCluster.start();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String PROBE = "messaging-cluster-probe";

	private static final EventCodec CODEC = new EventCodec();

	private static final Set<UUID> failing = ConcurrentHashMap.newKeySet();

	private static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private static final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();

	private static ConfigurableApplicationContext second;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Connection nats;

	@Autowired
	MessagingTestApplication.Listings listings;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	StreamProvisioner provisioner;

	@Autowired
	EventSubscribers subscribers;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("ticketing.messaging.url", CLUSTER::url);
		registry.add("ticketing.messaging.streams.replicas", () -> "3");
	}

	@BeforeAll
	static void startSecondInstance() {
		second = new SpringApplicationBuilder(MessagingTestApplication.class, TestSecurityConfiguration.class,
				Probe.class)
			.profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + CLUSTER.url(),
					"--ticketing.messaging.streams.replicas=3");
	}

	@AfterAll
	static void stopSecondInstance() {
		second.close();
	}

	@Test
	void everyStreamHasThreeReplicasOneOnEachServer() throws Exception {
		JetStreamManagement management = this.nats.jetStreamManagement();
		// TICKETS is this service's own, ORDERS one it consumes, DEAD_LETTERS everyone's.
		for (String stream : List.of("TICKETS", "ORDERS", "DEAD_LETTERS")) {
			StreamInfo info = await().atMost(WAIT)
				.until(() -> management.getStreamInfo(stream),
						(found) -> found.getClusterInfo() != null && found.getClusterInfo().getLeader() != null
								&& found.getClusterInfo().getReplicas() != null
								&& found.getClusterInfo().getReplicas().size() == 2);
			assertThat(info.getConfiguration().getReplicas()).as(stream).isEqualTo(3);
			List<String> servers = new ArrayList<>(List.of(info.getClusterInfo().getLeader()));
			info.getClusterInfo().getReplicas().forEach((replica) -> servers.add(replica.getName()));
			assertThat(servers).as(stream).containsExactlyInAnyOrder("n1", "n2", "n3");
		}
	}

	@Test
	void aDeadLetterStreamWithFewerReplicasIsGivenTheConfiguredThree() throws Exception {
		JetStreamManagement management = this.nats.jetStreamManagement();
		StreamConfiguration single = StreamConfiguration
			.builder(management.getStreamInfo("DEAD_LETTERS").getConfiguration())
			.replicas(1)
			.build();
		management.updateStream(single);
		assertThat(management.getStreamInfo("DEAD_LETTERS").getConfiguration().getReplicas()).isEqualTo(1);

		this.provisioner.ensureDeadLetters();

		assertThat(management.getStreamInfo("DEAD_LETTERS").getConfiguration().getReplicas()).isEqualTo(3);
	}

	@Test
	void theTwoInstancesShareOneDurableAndApplyEveryEventOnce() throws Exception {
		assertThat(this.nats.jetStreamManagement().getConsumerNames("ORDERS"))
			.containsExactlyInAnyOrder(MessagingTestApplication.DURABLE, PROBE);
		EventSubscribers firstSubscribers = this.subscribers;
		EventSubscribers secondSubscribers = second.getBean(EventSubscribers.class);
		MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
		double redeliveredBefore = outcomes(this.meters, secondMeters, "retried", "duplicate", "dead_lettered");
		double firstBefore = consumed(this.meters, "applied");
		double secondBefore = consumed(secondMeters, "applied");
		List<Event<OrderCreated>> events = new ArrayList<>();

		// The first alone applies what comes while the second is away; the second alone
		// then applies only what came after: the two read one durable, not one each.
		secondSubscribers.stop();
		try {
			events.addAll(publishOrders(20));
			await().atMost(WAIT).until(() -> events.stream().allMatch(this::held));
		}
		finally {
			secondSubscribers.start();
		}
		firstSubscribers.stop();
		try {
			events.addAll(publishOrders(20));
			await().atMost(WAIT).until(() -> events.stream().allMatch(this::held));
		}
		finally {
			firstSubscribers.start();
		}
		assertThat(consumed(this.meters, "applied") - firstBefore).isEqualTo(20);
		assertThat(consumed(secondMeters, "applied") - secondBefore).isEqualTo(20);

		// Both at once share the rest.
		events.addAll(publishOrders(40));
		await().atMost(WAIT).until(() -> events.stream().allMatch(this::held));
		await().atMost(WAIT).until(() -> events.stream().allMatch((event) -> applied(event.data().id()) == 1));
		assertThat(events).allSatisfy((event) -> assertThat(holds(event.data().id())).isEqualTo(1));
		assertThat(consumed(this.meters, "applied") + consumed(secondMeters, "applied") - firstBefore - secondBefore)
			.isEqualTo(events.size());
		assertThat(outcomes(this.meters, secondMeters, "retried", "duplicate", "dead_lettered"))
			.isEqualTo(redeliveredBefore);
	}

	@Test
	void twoRelaysPublishEveryEventOnceToAReplicatedStream() throws Exception {
		OutboxRelay secondRelay = second.getBean(OutboxRelay.class);
		this.relay.stop();
		secondRelay.stop();
		UUID seller = UUID.randomUUID();
		List<MessagingTestApplication.Listings> instances = List.of(this.listings,
				second.getBean(MessagingTestApplication.Listings.class));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(list(instances.get(i % 2), seller));
		}

		this.relay.start();
		secondRelay.start();
		await().atMost(WAIT).until(() -> unsentFor(seller) == 0);

		List<Stored> published = StreamMessages.all(this.nats, "TICKETS");
		for (String id : ids) {
			assertThat(published).filteredOn((message) -> message.dataId().equals(id)).hasSize(1);
		}
	}

	@Test
	void aFailingEventIsDeliveredMaxDeliverTimesAcrossBothInstancesSetAsideOnceAndReplayedOnce() throws Exception {
		Event<OrderCreated> stuck = orderCreated(UUID.randomUUID(), list(this.listings, UUID.randomUUID()));
		failing.add(stuck.data().id());
		publish(stuck);

		List<DeadLetter> letters = await().atMost(WAIT).until(() -> lettersFor(stuck), (found) -> !found.isEmpty());
		// max-deliver is 3 (messaging-test-app.properties): three deliveries in all, not
		// per
		// instance, and one entry.
		assertThat(letters).hasSize(1);
		assertThat(letters.getFirst().deliveries()).isEqualTo(3);
		assertThat(attempts.get(stuck.data().id())).hasValue(3);

		// Fixed; an operator replays the entry through each instance at the same time.
		failing.remove(stuck.data().id());
		long sequence = letters.getFirst().sequence();
		List<DeadLetters> both = List.of(this.deadLetters, second.getBean(DeadLetters.class));
		CyclicBarrier together = new CyclicBarrier(both.size());
		List<Boolean> replayed = new ArrayList<>();
		try (ExecutorService operators = Executors.newFixedThreadPool(both.size())) {
			List<Future<Boolean>> replays = new ArrayList<>();
			for (DeadLetters instance : both) {
				replays.add(operators.submit(() -> {
					together.await();
					return instance.replay(sequence);
				}));
			}
			for (Future<Boolean> replay : replays) {
				replayed.add(replay.get());
			}
		}

		assertThat(replayed).contains(true);
		await().atMost(WAIT).until(() -> applied(stuck.data().id()) == 1);
		assertThat(this.deadLetters.find(sequence)).isEmpty();
		assertThat(StreamMessages.all(this.nats, "ORDERS"))
			.filteredOn((message) -> message.body().path("id").asString().equals(stuck.id().toString()))
			.as("the original and one replayed copy")
			.hasSize(2);
		await().atMost(WAIT).until(() -> attempts.get(stuck.data().id()).get() == 4);
		assertThat(applied(stuck.data().id())).isEqualTo(1);
		assertThat(holds(stuck.data().id())).isEqualTo(1);
	}

	/** {@code order.created} for new orders holding new listings, published. */
	private List<Event<OrderCreated>> publishOrders(int count) throws Exception {
		UUID seller = UUID.randomUUID();
		List<Event<OrderCreated>> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Event<OrderCreated> event = orderCreated(UUID.randomUUID(), list(this.listings, seller));
			events.add(event);
			publish(event);
		}
		return events;
	}

	private List<DeadLetter> lettersFor(Event<?> event) throws Exception {
		List<Long> sequences = StreamMessages.all(this.nats, "ORDERS")
			.stream()
			.filter((message) -> event.id().toString().equals(message.body().path("id").asString()))
			.map(Stored::sequence)
			.toList();
		return this.deadLetters.list(PROBE, 1000)
			.stream()
			.filter((letter) -> sequences.contains(letter.streamSequence()))
			.toList();
	}

	private void publish(Event<?> event) throws Exception {
		this.nats.jetStream()
			.publish(NatsMessage.builder().subject(event.type()).data(CODEC.encode(event)).build(),
					PublishOptions.builder().messageId(event.id().toString()).build());
	}

	private boolean held(Event<OrderCreated> event) {
		return holds(event.data().id()) == 1;
	}

	private long holds(UUID order) {
		return this.jdbc.sql("SELECT count(*) FROM holds WHERE order_id = ?").param(order).query(Long.class).single();
	}

	private long unsentFor(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%\"sellerId\":\"" + seller + "\"%")
			.query(Long.class)
			.single();
	}

	private static String list(MessagingTestApplication.Listings listings, UUID seller) {
		return listings.list(seller, "A thing of " + seller).toString();
	}

	// As MessagingIntegrationTest's, whose base class would start a nats-server of its
	// own.
	private static Event<OrderCreated> orderCreated(UUID order, String listing) {
		return Event.of(new OrderCreated(order, 1, UUID.randomUUID(), "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.fromString(listing), 12_500, "EUR", null, null)), Instant.now());
	}

	private static double consumed(MeterRegistry registry, String outcome) {
		return registry.find("ticketing.events.consumed")
			.tag("consumer", MessagingTestApplication.DURABLE)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static int applied(UUID order) {
		AtomicInteger count = applied.get(order);
		return (count != null) ? count.get() : 0;
	}

	private static double outcomes(MeterRegistry first, MeterRegistry second, String... outcomes) {
		double sum = 0;
		for (String outcome : outcomes) {
			sum += consumed(first, outcome) + consumed(second, outcome);
		}
		return sum;
	}

	/**
	 * A second durable on {@code ORDERS} in both instances, failing for chosen orders and
	 * counting every attempt and application across the two.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		EventSubscription clusterProbe() {
			return EventSubscription.to(EventStream.ORDERS).durable(PROBE).on(OrderCreated.class, (event) -> {
				UUID order = event.data().id();
				attempts.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
				if (failing.contains(order)) {
					throw new IllegalStateException("Simulated outage of a dependency");
				}
				applied.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
			}).build();
		}

	}

}
