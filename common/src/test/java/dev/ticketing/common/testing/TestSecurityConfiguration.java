package dev.ticketing.common.testing;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.ticketing.common.jwt.PublicKeyResolver;

/**
 * Trusts tokens signed with {@link TestTokens#KEYS}, as services trust auth-service's
 * keys through the JWKS in production. Primary, because in auth-service the signing keys
 * are a key resolver too, and a slice test that mocks them still checks tokens with the
 * test keys.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	@Primary
	PublicKeyResolver testKeys() {
		return (keyId) -> TestTokens.KEYS.keyId().equals(keyId) ? Optional.of(TestTokens.KEYS.pair().getPublic())
				: Optional.empty();
	}

}
