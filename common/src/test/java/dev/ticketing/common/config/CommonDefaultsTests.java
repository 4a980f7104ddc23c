package dev.ticketing.common.config;

import java.util.Map;

import dev.ticketing.common.web.WebIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CommonDefaultsTests extends WebIntegrationTest {

	@Test
	void exposesTheLivenessProbe() {
		TestHttp.Response response = this.http.get("/actuator/health/liveness");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesTheReadinessProbe() {
		TestHttp.Response response = this.http.get("/actuator/health/readiness");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		TestHttp.Response response = this.http.get("/actuator/prometheus");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.body()).contains("jvm_");
		// The alert rules group and describe by the service every series names.
		assertThat(response.body()).containsPattern("jvm_\\w+\\{[^}]*application=\"");
	}

	@Test
	void hidesHealthDetails() {
		TestHttp.Response response = this.http.get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("components")).isFalse();
		assertThat(response.json().has("details")).isFalse();
	}

	@Test
	void exposesNoOtherActuatorEndpoint() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"mappings" }) {
			this.http.get("/actuator/" + endpoint).assertProblem(404, "not_found");
		}
	}

	@Test
	void waitsSecondsNotHalfAMinuteForAPooledConnection() {
		StandardEnvironment environment = new StandardEnvironment();

		new CommonDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class)).isEqualTo(5000L);
	}

	@Test
	void givesWayToTheServicesOwnConfiguration() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yaml",
					Map.of("management.endpoints.web.exposure.include", "health")));

		new CommonDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(CommonDefaults.NAME);
	}

}
