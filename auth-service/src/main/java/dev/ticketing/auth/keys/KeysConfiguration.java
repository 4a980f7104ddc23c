package dev.ticketing.auth.keys;

import dev.ticketing.auth.config.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	/**
	 * Also the {@code PublicKeyResolver} of this service: auth verifies tokens with its
	 * own keys.
	 */
	@Bean
	SigningKeys signingKeys(AuthProperties properties) {
		return SigningKeys.load(properties.signingKey());
	}

}
