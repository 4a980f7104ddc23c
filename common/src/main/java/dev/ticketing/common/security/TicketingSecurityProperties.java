package dev.ticketing.common.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks access tokens ({@code ticketing.security.*}).
 *
 * @param jwksUri auth-service's JWKS endpoint; required by every service except
 * auth-service, which resolves its own keys
 * @param allowedOrigins browser origins allowed to send cookie-authenticated unsafe
 * requests
 * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}, at most 60 s
 * @param jwksMinRefetchInterval the least time between two JWKS fetches for unknown key
 * ids
 * @param jwksMaxAge how long fetched keys are used before the set is fetched again
 */
@Validated
@ConfigurationProperties("ticketing.security")
public record TicketingSecurityProperties(URI jwksUri,
		@DefaultValue("http://localhost:3000") List<String> allowedOrigins,
		@DefaultValue("60s") @NotNull Duration clockSkew, @DefaultValue("10s") @NotNull Duration jwksMinRefetchInterval,
		@DefaultValue("10m") @NotNull Duration jwksMaxAge) {

	public TicketingSecurityProperties {
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("ticketing.security.clock-skew must be between 0s and 60s");
		}
	}

}
