package dev.ticketing.common.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.testing.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from an HTTP request through the outbox, JetStream and two consumers, one of
 * which fails the first delivery and applies the redelivery, and through the event that
 * consumer publishes in turn (DESIGN §3, docs/adr/0022). Spans are those the real
 * OpenTelemetry SDK exports, caught by its in-memory exporter.
 * <p>
 * The chain: {@code POST /traced-listings} (with the caller's {@code traceparent}) lists
 * a thing, so {@code ticket.created} goes to the outbox; the probe consumer
 * {@code messaging-trace-probe} fails its first delivery and, on the second, appends an
 * {@code order.created}, which the application's own consumer applies.
 */
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
@Import(TracingIntegrationTests.Probe.class)
class TracingIntegrationTests extends MessagingIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	@Autowired
	InMemorySpanExporter spans;

	@Test
	void oneTraceRunsFromTheRequestThroughTheRelayAndEveryConsumerIncludingARedelivery(CapturedOutput output) {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String callerSpanId = HexFormat.of().formatHex(randomBytes(8));

		TestHttp.Response response = this.http.postJson("/traced-listings", "{}",
				TestHttp.with(bearer(UUID.randomUUID()), "traceparent", "00-" + traceId + "-" + callerSpanId + "-01"));
		assertThat(response.status()).isEqualTo(201);
		UUID listing = UUID.fromString(response.body());

		// The probe's second delivery appended order.created; the application's own
		// consumer applied it last.
		await().atMost(WAIT).until(() -> spanNamed(traceId, "process orders.v1.order.created") != null);
		assertThat(attempts.get(listing)).hasValue(2);

		assertThat(this.spans.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)))
			.as("the request, one publish per event, one span per delivery; no other spans")
			.hasSize(6);
		SpanData request = only(traceId, SpanKind.SERVER);
		SpanData published = spanNamed(traceId, "publish tickets.v1.ticket.created");
		List<SpanData> deliveries = named(traceId, "process tickets.v1.ticket.created");
		SpanData republished = spanNamed(traceId, "publish orders.v1.order.created");
		SpanData applied = spanNamed(traceId, "process orders.v1.order.created");

		assertThat(request.getParentSpanId()).as("the request continues the caller's trace").isEqualTo(callerSpanId);
		assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(published.getParentSpanId()).as("the relay's publish is a child of the request that wrote the row")
			.isEqualTo(request.getSpanId());
		assertThat(deliveries).hasSize(2)
			.allSatisfy((delivery) -> assertThat(delivery.getParentSpanId())
				.as("every delivery, the redelivery too, is a child of the publish")
				.isEqualTo(published.getSpanId()))
			.allSatisfy((delivery) -> assertThat(delivery.getKind()).isEqualTo(SpanKind.CONSUMER));
		SpanData first = delivery(deliveries, 1);
		SpanData second = delivery(deliveries, 2);
		assertThat(attribute(first, "messaging.outcome")).isEqualTo("retried");
		assertThat(first.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
		assertThat(attribute(second, "messaging.outcome")).isEqualTo("applied");
		assertThat(attribute(second, "messaging.consumer.group.name")).isEqualTo("messaging-trace-probe");
		assertThat(republished.getParentSpanId())
			.as("the event the handler appended continues from the delivery that committed it")
			.isEqualTo(second.getSpanId());
		assertThat(applied.getParentSpanId()).isEqualTo(republished.getSpanId());
		assertThat(attribute(applied, "messaging.consumer.group.name")).isEqualTo(MessagingTestApplication.DURABLE);
		assertThat(attribute(applied, "messaging.outcome")).isEqualTo("applied");

		// The retry's log line names the trace and the delivery's span.
		assertThat(output.getAll().lines().filter((line) -> line.contains("Handling tickets.v1.ticket.created")))
			.anySatisfy((line) -> assertThat(line).contains("\"traceId\":\"" + traceId + "\"")
				.contains("\"spanId\":\"" + first.getSpanId() + "\""));
	}

	@Test
	void aRowWrittenOutsideATraceStartsOneAtItsPublish() {
		UUID listing = this.listings.list(UUID.randomUUID(), "untraced " + UUID.randomUUID());

		String traceparent = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT coalesce(traceparent, '-') FROM messaging.outbox WHERE body LIKE ?")
				.param("%" + listing + "%")
				.query(String.class)
				.optional()
				.orElse(null), (found) -> found != null);
		assertThat(traceparent).as("no trace was current when the row was written").isEqualTo("-");
		SpanData published = await().atMost(WAIT)
			.until(() -> this.spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getName().equals("publish tickets.v1.ticket.created"))
				.filter((span) -> attribute(span, "messaging.message.id").equals(eventIdOf(listing)))
				.findFirst()
				.orElse(null), (found) -> found != null);
		assertThat(published.getParentSpanId()).isEqualTo("0000000000000000");
	}

	@Test
	void probesAreNotTraced() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		assertThat(this.http
			.get("/actuator/health/liveness", "traceparent",
					"00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
			.status()).isEqualTo(200);
		TestHttp.Response response = this.http.postJson("/traced-listings", "{}",
				TestHttp.with(bearer(UUID.randomUUID()), "traceparent",
						"00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
		assertThat(response.status()).isEqualTo(201);

		await().atMost(WAIT).until(() -> !named(traceId, "http post /traced-listings").isEmpty());
		assertThat(this.spans.getFinishedSpanItems().stream().filter((span) -> span.getTraceId().equals(traceId)))
			.extracting(SpanData::getName)
			.noneMatch((name) -> name.contains("actuator"));
	}

	@Test
	void theScrapeCarriesNoExemplarsThatPrometheusWouldRefuse() {
		this.http.get("/traced-listings-warm-up");
		TestHttp.Response scrape = this.http.get("/actuator/prometheus", "Accept",
				"application/openmetrics-text;version=1.0.0");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).contains("http_server_requests_seconds_count").doesNotContain("trace_id");
	}

	private String eventIdOf(UUID listing) {
		return this.jdbc.sql("SELECT id::text FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + listing + "%")
			.query(String.class)
			.single();
	}

	private SpanData only(String traceId, SpanKind kind) {
		List<SpanData> found = this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId) && span.getKind() == kind)
			.toList();
		assertThat(found).as(kind + " spans of the trace").hasSize(1);
		return found.getFirst();
	}

	private List<SpanData> named(String traceId, String name) {
		return this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId) && span.getName().equals(name))
			.toList();
	}

	private SpanData spanNamed(String traceId, String name) {
		List<SpanData> found = named(traceId, name);
		assertThat(found).as(name + " spans of the trace").hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.getFirst();
	}

	private static SpanData delivery(List<SpanData> deliveries, int number) {
		return deliveries.stream()
			.filter((span) -> attribute(span, "messaging.nats.delivery").equals(Integer.toString(number)))
			.findFirst()
			.orElseThrow();
	}

	private static String attribute(SpanData span, String name) {
		return span.getAttributes()
			.asMap()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getKey().equals(name))
			.map((entry) -> String.valueOf(entry.getValue()))
			.findFirst()
			.orElse("");
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		TracedListings tracedListings(MessagingTestApplication.Listings listings) {
			return new TracedListings(listings);
		}

		/**
		 * Fails the first delivery of a traced listing's {@code ticket.created}; on the
		 * next, holds it with an {@code order.created} of its own.
		 */
		@Bean
		EventSubscription traceProbe(Outbox outbox) {
			return EventSubscription.to(EventStream.TICKETS)
				.durable("messaging-trace-probe")
				.on(TicketCreated.class, (event) -> {
					if (!event.data().title().startsWith("traced ")) {
						return;
					}
					UUID listing = event.data().id();
					if (attempts.computeIfAbsent(listing, (key) -> new AtomicInteger()).incrementAndGet() == 1) {
						throw new IllegalStateException("Simulated outage of a dependency");
					}
					outbox.append(new OrderCreated(UUID.randomUUID(), 1, UUID.randomUUID(), "created",
							Instant.now().plusSeconds(900),
							new OrderCreated.Ticket(listing, event.data().price(), "EUR", null, null)));
				})
				.build();
		}

	}

	/** Lists a thing over HTTP, so that the request has a server span. */
	@RestController
	static class TracedListings {

		private final MessagingTestApplication.Listings listings;

		TracedListings(MessagingTestApplication.Listings listings) {
			this.listings = listings;
		}

		@PostMapping("/traced-listings")
		@ResponseStatus(HttpStatus.CREATED)
		String list() {
			return this.listings.list(UUID.randomUUID(), "traced " + UUID.randomUUID()).toString();
		}

	}

}
