package dev.ticketing.common.tracing;

import java.util.Objects;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A Zipkin exporter beside Boot's OTLP one when {@code ticketing.tracing.zipkin-endpoint}
 * is set: Boot hands every {@link SpanExporter} bean the spans of its batch processor.
 */
@AutoConfiguration
@ConditionalOnClass({ SpanExporter.class, ZipkinSpanExporter.class })
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty("ticketing.tracing.zipkin-endpoint")
	ZipkinSpanExporter zipkinSpanExporter(TracingProperties properties) {
		return ZipkinSpanExporter.builder()
			.setEndpoint(Objects.requireNonNull(properties.zipkinEndpoint()).toString())
			.build();
	}

}
