package dev.ticketing.common.jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.ticketing.common.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class JwksKeyResolverTests {

	private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

	private static final Duration MAX_AGE = Duration.ofMinutes(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:15:30Z"));

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int status = 200;

	private volatile String jwks;

	private HttpServer server;

	private JwksKeyResolver resolver;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/.well-known/jwks.json", this::serveJwks);
		this.server.start();
		URI uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json");
		this.resolver = new JwksKeyResolver(uri, MIN_REFETCH_INTERVAL, MAX_AGE, this.clock);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void findsAPublishedKey() {
		TestKeys first = TestKeys.generate();
		TestKeys second = TestKeys.generate();
		publish(first, second);

		assertThat(this.resolver.find(first.keyId())).hasValue(first.pair().getPublic());
		assertThat(this.resolver.find(second.keyId())).hasValue(second.pair().getPublic());
	}

	@Test
	void verifiesTokensSignedWithAPublishedKey() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		JwtVerifier verifier = new JwtVerifier(this.resolver, 60, this.clock);

		assertThat(verifier.verify(keys.token(this.clock.instant())).email()).isEqualTo("ada@example.com");
	}

	@Test
	void cachesTheKeys() {
		TestKeys keys = TestKeys.generate();
		publish(keys);

		this.resolver.find(keys.keyId());
		this.clock.advance(MAX_AGE.minusSeconds(1));
		assertThat(this.resolver.find(keys.keyId())).isPresent();

		assertThat(this.requests).hasValue(1);
	}

	@Test
	void refetchesForAnUnknownKidAndFindsARotatedKey() {
		TestKeys old = TestKeys.generate();
		publish(old);
		this.resolver.find(old.keyId());
		TestKeys rotated = TestKeys.generate();
		publish(rotated, old);
		this.clock.advance(MIN_REFETCH_INTERVAL);

		assertThat(this.resolver.find(rotated.keyId())).hasValue(rotated.pair().getPublic());
		assertThat(this.resolver.find(old.keyId())).hasValue(old.pair().getPublic());
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void doesNotRefetchForUnknownKidsMoreOftenThanTheMinimumInterval() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		this.resolver.find(keys.keyId());

		for (int i = 0; i < 50; i++) {
			assertThat(this.resolver.find("forged-" + i)).isEmpty();
		}
		this.clock.advance(MIN_REFETCH_INTERVAL.minusSeconds(1));
		assertThat(this.resolver.find("forged-again")).isEmpty();
		assertThat(this.requests).hasValue(1);

		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < 50; i++) {
			assertThat(this.resolver.find("forged-later-" + i)).isEmpty();
		}
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void keepsServingKnownKeysWhenTheServerFails() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		this.resolver.find(keys.keyId());
		this.status = 500;
		this.clock.advance(MAX_AGE.plusSeconds(1));

		assertThat(this.resolver.find(keys.keyId())).hasValue(keys.pair().getPublic());
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void keepsServingKnownKeysWhenTheServerIsDown() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		this.resolver.find(keys.keyId());
		this.server.stop(0);
		this.clock.advance(MAX_AGE.plusSeconds(1));

		assertThat(this.resolver.find(keys.keyId())).hasValue(keys.pair().getPublic());
		assertThat(this.resolver.find("unknown")).isEmpty();
	}

	@Test
	void keepsServingKnownKeysWhenTheServerAnswersGarbage() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		this.resolver.find(keys.keyId());
		this.jwks = "<html>Bad gateway</html>";
		this.clock.advance(MAX_AGE.plusSeconds(1));

		assertThat(this.resolver.find(keys.keyId())).hasValue(keys.pair().getPublic());
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void recoversOnceTheServerAnswersAgain() {
		TestKeys keys = TestKeys.generate();
		publish(keys);
		this.status = 500;
		assertThat(this.resolver.find(keys.keyId())).isEmpty();

		this.status = 200;
		this.clock.advance(MIN_REFETCH_INTERVAL);

		assertThat(this.resolver.find(keys.keyId())).hasValue(keys.pair().getPublic());
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void refreshesTheKeysOnceTheyAreOlderThanTheMaximumAge() {
		TestKeys retired = TestKeys.generate();
		publish(retired);
		this.resolver.find(retired.keyId());
		TestKeys current = TestKeys.generate();
		publish(current);

		this.clock.advance(MAX_AGE);
		assertThat(this.resolver.find(retired.keyId())).isPresent();
		assertThat(this.requests).hasValue(1);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.resolver.find(retired.keyId())).isEmpty();
		assertThat(this.resolver.find(current.keyId())).hasValue(current.pair().getPublic());
		assertThat(this.requests).hasValue(2);
	}

	private void publish(TestKeys... keys) {
		List<Map<String, ?>> jwkList = Arrays.stream(keys).<Map<String, ?>>map(TestKeys::publicJwk).toList();
		this.jwks = JSON.writeValueAsString(Map.of("keys", jwkList));
	}

	private void serveJwks(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		byte[] body = this.jwks.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(this.status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
