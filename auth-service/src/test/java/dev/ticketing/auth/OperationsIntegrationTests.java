package dev.ticketing.auth;

import dev.ticketing.common.testing.TestHttp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes and Prometheus rely on.
 */
class OperationsIntegrationTests extends AuthIntegrationTest {

	@Test
	void livenessAndReadinessGroupsAreUp() {
		TestHttp.Response liveness = this.http.get("/actuator/health/liveness");
		TestHttp.Response readiness = this.http.get("/actuator/health/readiness");

		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsIncludeHttpAndDatabasePoolMetrics() {
		this.http.get("/api/users/currentuser");

		TestHttp.Response metrics = this.http.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count")
			.contains("hikaricp_connections_active")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void actuatorDoesNotExposeSensitiveEndpoints() {
		assertThat(this.http.get("/actuator/env").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/heapdump").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/configprops").status()).isEqualTo(404);
	}

}
