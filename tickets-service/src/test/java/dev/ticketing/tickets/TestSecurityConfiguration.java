package dev.ticketing.tickets;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.ticketing.common.jwt.PublicKeyResolver;

/**
 * Trusts tokens signed with {@link TicketsTestSupport#KEYS}, as tickets-service trusts
 * auth-service's keys through the JWKS in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	PublicKeyResolver testKeys() {
		return (keyId) -> TicketsTestSupport.KEYS.keyId().equals(keyId)
				? Optional.of(TicketsTestSupport.KEYS.pair().getPublic()) : Optional.empty();
	}

}
