package dev.ticketing.tickets;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.ticketing.common.jwt.PublicKeyResolver;

/**
 * Trusts tokens signed with {@link TicketsIntegrationTest#KEYS}, as tickets-service
 * trusts auth-service's keys through the JWKS in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	PublicKeyResolver testKeys() {
		return (keyId) -> TicketsIntegrationTest.KEYS.keyId().equals(keyId)
				? Optional.of(TicketsIntegrationTest.KEYS.pair().getPublic()) : Optional.empty();
	}

}
