package dev.ticketing.common.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class));

	@Test
	void sendsSpansToZipkinOnlyWhenItsEndpointIsSet() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(ZipkinSpanExporter.class));
		this.contexts.withPropertyValues("ticketing.tracing.zipkin-endpoint=http://127.0.0.1:9411/api/v2/spans")
			.run((context) -> assertThat(context).hasSingleBean(ZipkinSpanExporter.class));
	}

	@Test
	void refusesAnEndpointThatIsNoUri() {
		this.contexts.withPropertyValues("ticketing.tracing.zipkin-endpoint=http://[nope")
			.run((context) -> assertThat(context).hasFailed());
	}

}
