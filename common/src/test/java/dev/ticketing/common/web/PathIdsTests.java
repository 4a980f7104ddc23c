package dev.ticketing.common.web;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02", "5B1E4D7A-8C2F-4A9E-B3D6-7E8F9A0B1C02" })
	void readsCanonicalUuidsInEitherCase(String id) {
		assertThat(PathIds.parse(id)).contains(UUID.fromString("5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "1-1-1-1-1", "5b1e4d7a8c2f4a9eb3d67e8f9a0b1c02",
			"5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02x", " 5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02",
			"5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c0g" })
	void refusesAnythingElse(String id) {
		assertThat(PathIds.parse(id)).isEmpty();
	}

}
