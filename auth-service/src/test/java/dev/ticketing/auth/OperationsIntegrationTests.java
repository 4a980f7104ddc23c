package dev.ticketing.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes and Prometheus rely on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void livenessAndReadinessGroupsAreUp() {
		TestHttp http = new TestHttp(this.port);
		TestHttp.Response liveness = http.get("/actuator/health/liveness");
		TestHttp.Response readiness = http.get("/actuator/health/readiness");

		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsIncludeHttpAndDatabasePoolMetrics() {
		TestHttp http = new TestHttp(this.port);
		http.get("/api/users/currentuser");

		TestHttp.Response metrics = http.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count")
			.contains("hikaricp_connections_active")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void actuatorDoesNotExposeSensitiveEndpoints() {
		TestHttp http = new TestHttp(this.port);
		assertThat(http.get("/actuator/env").status()).isEqualTo(404);
		assertThat(http.get("/actuator/heapdump").status()).isEqualTo(404);
		assertThat(http.get("/actuator/configprops").status()).isEqualTo(404);
	}

}
