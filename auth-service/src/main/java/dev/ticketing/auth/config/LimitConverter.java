package dev.ticketing.auth.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code "5/15m"} as an {@link AuthProperties.Limit}.
 */
@Component
@ConfigurationPropertiesBinding
class LimitConverter implements Converter<String, AuthProperties.Limit> {

	@Override
	public AuthProperties.Limit convert(String source) {
		return AuthProperties.Limit.parse(source);
	}

}
