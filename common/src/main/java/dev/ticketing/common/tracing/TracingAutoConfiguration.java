package dev.ticketing.common.tracing;

import java.util.Objects;

import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * A Zipkin exporter beside Boot's OTLP one when {@code ticketing.tracing.zipkin-endpoint}
 * is set: Boot hands every {@link SpanExporter} bean the spans of its batch processor.
 * Requests to Actuator (probes, scrapes) are not observed.
 */
@AutoConfiguration
@ConditionalOnClass({ SpanExporter.class, ZipkinSpanExporter.class })
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	/**
	 * Probes and Prometheus' scrapes, several a second, are neither traced nor timed:
	 * they would bury the traces of real requests in the trace store and cost every probe
	 * a span (docs/adr/0022); Prometheus times its scrapes itself.
	 */
	@Bean
	ObservationPredicate actuatorRequestsUnobserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator/"));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty("ticketing.tracing.zipkin-endpoint")
	ZipkinSpanExporter zipkinSpanExporter(TracingProperties properties) {
		return ZipkinSpanExporter.builder()
			.setEndpoint(Objects.requireNonNull(properties.zipkinEndpoint()).toString())
			.build();
	}

}
