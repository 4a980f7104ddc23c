package dev.ticketing.common.testing;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.web.ProblemStatuses;

import static org.assertj.core.api.Assertions.assertThat;

class WebEdgeDeclarationsTests {

	private final MetadataReaderFactory readers = new SimpleMetadataReaderFactory();

	private final WebEdgeDeclarations filter = new WebEdgeDeclarations();

	@Test
	void includesAConfigurationThatMapsRefusalCodes() throws Exception {
		assertThat(matches(Statuses.class)).isTrue();
	}

	@Test
	void includesAConfigurationThatProtectsRoutes() throws Exception {
		assertThat(matches(Routes.class)).isTrue();
	}

	@Test
	void leavesEveryOtherConfigurationOut() throws Exception {
		assertThat(matches(Other.class)).isFalse();
		assertThat(matches(NotABean.class)).isFalse();
	}

	private boolean matches(Class<?> type) throws Exception {
		return this.filter.match(this.readers.getMetadataReader(type.getName()), this.readers);
	}

	static class Statuses {

		@Bean
		ProblemStatuses statuses() {
			return ProblemStatuses.builder().map(HttpStatus.CONFLICT, "taken").build();
		}

	}

	static class Routes {

		@Bean
		ProtectedRoutes routes() {
			return (routes) -> routes.anyRequest().authenticated();
		}

	}

	static class Other {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	static class NotABean {

		ProblemStatuses statuses() {
			return ProblemStatuses.builder().build();
		}

	}

}
