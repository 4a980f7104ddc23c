package dev.ticketing.common.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys fetched from auth-service's JWKS endpoint. Keys are cached; an unknown
 * {@code kid} triggers a re-fetch (at most once per {@code minRefetchInterval}, so a
 * flood of forged key ids cannot hammer auth-service), and the whole set is refreshed
 * once it is older than {@code maxAge}. When auth-service cannot be reached the keys
 * already known keep working.
 */
public final class JwksKeyResolver implements PublicKeyResolver {

	private static final Logger log = LoggerFactory.getLogger(JwksKeyResolver.class);

	private final URI jwksUri;

	private final Duration minRefetchInterval;

	private final Duration maxAge;

	private final Clock clock;

	private final HttpClient http;

	private volatile Map<String, PublicKey> keys = Map.of();

	private volatile Instant fetchedAt = Instant.MIN;

	private Instant attemptedAt = Instant.MIN;

	public JwksKeyResolver(URI jwksUri, Duration minRefetchInterval, Duration maxAge, Clock clock) {
		this(jwksUri, minRefetchInterval, maxAge, clock, newHttpClient());
	}

	/**
	 * A resolver that fetches with the given client, e.g. one that is observed (a client
	 * span with the caller's trace context, and a timer).
	 */
	public JwksKeyResolver(URI jwksUri, Duration minRefetchInterval, Duration maxAge, Clock clock, HttpClient http) {
		this.jwksUri = jwksUri;
		this.minRefetchInterval = minRefetchInterval;
		this.maxAge = maxAge;
		this.clock = clock;
		this.http = http;
	}

	/** The plain client the resolver fetches with unless it is given one. */
	public static HttpClient newHttpClient() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

	@Override
	public Optional<PublicKey> find(String keyId) {
		Instant now = this.clock.instant();
		PublicKey key = this.keys.get(keyId);
		boolean stale = this.fetchedAt.plus(this.maxAge).isBefore(now);
		if (key == null || stale) {
			refresh(now);
			key = this.keys.get(keyId);
		}
		return Optional.ofNullable(key);
	}

	private synchronized void refresh(Instant now) {
		if (this.attemptedAt.plus(this.minRefetchInterval).isAfter(now)) {
			return;
		}
		this.attemptedAt = now;
		try {
			this.keys = fetch();
			this.fetchedAt = now;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not fetch the JWKS from {}: {}", this.jwksUri, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Map<String, PublicKey> fetch() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.jwksUri)
			.timeout(Duration.ofSeconds(3))
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("JWKS endpoint answered " + response.statusCode());
		}
		JwkSet set = Jwks.setParser().ignoreUnsupported(true).build().parse(response.body());
		Map<String, PublicKey> fetched = new HashMap<>();
		for (Jwk<?> jwk : set) {
			Key key = jwk.toKey();
			if (jwk.getId() != null && key instanceof PublicKey publicKey) {
				fetched.put(jwk.getId(), publicKey);
			}
		}
		return Map.copyOf(fetched);
	}

}
