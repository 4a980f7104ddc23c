package dev.ticketing.common.security;

import java.util.Optional;

import dev.ticketing.common.jwt.JwksKeyResolver;
import dev.ticketing.common.jwt.JwtVerifier;
import dev.ticketing.common.jwt.PublicKeyResolver;
import dev.ticketing.common.testing.JwksTestServer;
import dev.ticketing.common.testing.TestTokens;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAutoConfigurationWiringTests {

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class));

	@Test
	void refusesToStartWithoutAJwksUri() {
		this.contexts.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("ticketing.security.jwks-uri"));
	}

	@Test
	void fetchesKeysFromTheConfiguredJwksUri() {
		this.contexts.withPropertyValues("ticketing.security.jwks-uri=http://127.0.0.1:1/.well-known/jwks.json")
			.run((context) -> {
				assertThat(context).hasSingleBean(JwtVerifier.class).hasSingleBean(SecurityFilterChain.class);
				assertThat(context.getBean(PublicKeyResolver.class)).isInstanceOf(JwksKeyResolver.class);
			});
	}

	@Test
	void fetchesKeysInAnObservedClientRequest() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		try (JwksTestServer jwks = JwksTestServer.serving(TestTokens.KEYS)) {
			this.contexts.withPropertyValues("ticketing.security.jwks-uri=" + jwks.url())
				.withBean(ObservationRegistry.class, () -> observations)
				.run((context) -> {
					assertThat(context.getBean(PublicKeyResolver.class).find(TestTokens.KEYS.keyId())).isPresent();
					TestObservationRegistryAssert.assertThat(observations)
						.hasObservationWithNameEqualTo("http.client.requests")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("status", "200");
				});
		}
	}

	@Test
	void usesTheServicesOwnKeyResolver() {
		PublicKeyResolver own = (keyId) -> Optional.empty();

		this.contexts.withBean(PublicKeyResolver.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PublicKeyResolver.class)).isSameAs(own);
		});
	}

}
