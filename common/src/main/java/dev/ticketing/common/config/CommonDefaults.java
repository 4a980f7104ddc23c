package dev.ticketing.common.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added with the lowest precedence so that a service's
 * {@code application.yaml}, a profile or an environment variable can override each of
 * them.
 */
public class CommonDefaults implements EnvironmentPostProcessor {

	static final String NAME = "ticketingCommonDefaults";

	private static final Map<String, Object> DEFAULTS = Map.ofEntries(
			// One JSON object per log line, with the MDC (requestId) in it.
			Map.entry("logging.structured.format.console", "logstash"),
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
			// Every series names its service, however it is scraped: the alert rules
			// (docs/adr/0024) group and describe by it.
			Map.entry("management.metrics.tags.application", "${spring.application.name:ticketing}"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.endpoint.health.show-details", "never"),
			// Every request traced (ADR 22); lower it where the volume asks for it. Spans
			// leave only through an exporter that is configured (OTLP or Zipkin).
			Map.entry("management.tracing.sampling.probability", "1.0"),
			// Spring Security's four spans per request (filter chains, authorization)
			// say little and hide the request's own children.
			Map.entry("management.observations.enable.spring.security", "false"),
			// No exemplars (trace ids) in the scrape: Prometheus 2.42, Debian's, refuses
			// a
			// scrape that has one on a summary's _count, and the whole target goes down.
			Map.entry("management.tracing.exemplars.include", "none"),
			// Metrics are scraped from /actuator/prometheus, not pushed over OTLP.
			Map.entry("management.otlp.metrics.export.enabled", "false"),
			Map.entry("server.forward-headers-strategy", "native"), Map.entry("server.shutdown", "graceful"),
			Map.entry("server.error.whitelabel.enabled", "false"),
			// An idle kept-alive connection is closed by the proxy in front (the local
			// origin after 30 s, ingress-nginx after 60 s), never by the service first: a
			// request the proxy writes to a connection the service is closing is reset,
			// and a POST so cut off cannot be retried (ADR 21).
			Map.entry("server.tomcat.keep-alive-timeout", "75s"),
			Map.entry("spring.mvc.problemdetails.enabled", "false"),
			Map.entry("spring.threads.virtual.enabled", "true"),
			// The OpenAPI document describes the API, not the error dispatch or Actuator.
			Map.entry("springdoc.paths-to-match", "/api/**"),
			Map.entry("springdoc.default-produces-media-type", "application/json"),
			// How long (ms) a request waits for a pooled connection while the database
			// is down before it is answered 503 (ADR 6); with HikariCP's 30 s the
			// storefront's proxy, which waits as long, would answer 504 first.
			Map.entry("spring.datasource.hikari.connection-timeout", "5000"),
			// No service authenticates with a user store; without this Boot would create
			// one and log a generated password.
			Map.entry("spring.autoconfigure.exclude",
					"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
	}

}
