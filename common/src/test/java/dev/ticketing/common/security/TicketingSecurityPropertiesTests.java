package dev.ticketing.common.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TicketingSecurityPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsToTheLocalClientOriginAndTheLargestClockSkew() {
		this.contexts.run((context) -> {
			TicketingSecurityProperties properties = context.getBean(TicketingSecurityProperties.class);
			assertThat(properties.jwksUri()).isNull();
			assertThat(properties.allowedOrigins()).containsExactly("http://localhost:3000");
			assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.jwksMinRefetchInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.jwksMaxAge()).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void bindsEveryProperty() {
		this.contexts
			.withPropertyValues("ticketing.security.jwks-uri=http://auth-service:8080/.well-known/jwks.json",
					"ticketing.security.allowed-origins=https://tickets.example,https://www.tickets.example",
					"ticketing.security.clock-skew=5s", "ticketing.security.jwks-min-refetch-interval=30s",
					"ticketing.security.jwks-max-age=1h")
			.run((context) -> {
				TicketingSecurityProperties properties = context.getBean(TicketingSecurityProperties.class);
				assertThat(properties.jwksUri()).hasToString("http://auth-service:8080/.well-known/jwks.json");
				assertThat(properties.allowedOrigins()).containsExactly("https://tickets.example",
						"https://www.tickets.example");
				assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.jwksMinRefetchInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.jwksMaxAge()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void refusesAClockSkewAboveSixtySeconds() {
		this.contexts.withPropertyValues("ticketing.security.clock-skew=61s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clock-skew"));
	}

	@Test
	void refusesANegativeClockSkew() {
		this.contexts.withPropertyValues("ticketing.security.clock-skew=-1s")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TicketingSecurityProperties.class)
	static class PropertiesConfiguration {

	}

}
