package dev.ticketing.common.tracing;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where spans are sent besides OTLP, {@code ticketing.tracing.*}. OTLP itself is Boot's:
 * {@code management.opentelemetry.tracing.export.otlp.endpoint}, or the SDK's
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}.
 *
 * @param zipkinEndpoint a Zipkin server's span endpoint
 * ({@code http://127.0.0.1:9411/api/v2/spans}), to which spans are also sent in Zipkin's
 * own format; none when unset. Zipkin's server takes no OTLP (docs/adr/0022).
 */
@ConfigurationProperties("ticketing.tracing")
@Validated
public record TracingProperties(@Nullable URI zipkinEndpoint) {

}
