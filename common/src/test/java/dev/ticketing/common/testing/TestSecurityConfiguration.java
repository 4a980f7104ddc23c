package dev.ticketing.common.testing;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.ticketing.common.jwt.PublicKeyResolver;

/**
 * Trusts tokens signed with {@link ServiceIntegrationTest#KEYS}, as services trust
 * auth-service's keys through the JWKS in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	PublicKeyResolver testKeys() {
		return (keyId) -> ServiceIntegrationTest.KEYS.keyId().equals(keyId)
				? Optional.of(ServiceIntegrationTest.KEYS.pair().getPublic()) : Optional.empty();
	}

}
