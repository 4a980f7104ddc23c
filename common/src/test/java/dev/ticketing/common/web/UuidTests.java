package dev.ticketing.common.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UuidTests {

	private final Uuid.Validator validator = new Uuid.Validator();

	@ParameterizedTest
	@ValueSource(strings = { "5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02", "5B1E4D7A-8C2F-4A9E-B3D6-7E8F9A0B1C02",
			"5b1E4d7A-8C2f-4a9E-b3D6-7e8F9a0B1c02", "00000000-0000-0000-0000-000000000000",
			"ffffffff-ffff-ffff-ffff-ffffffffffff" })
	void aCanonicalUuidInEitherCaseIsValid(String value) {
		assertThat(this.validator.isValid(value, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1-1-1-1-1", "0-0-0-0-0", "+1-1-1-1-1", "5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c2",
			"05b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c", "15b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c" })
	void aFormUuidFromStringAcceptsButThatIsNotCanonicalIsInvalid(String value) {
		assertThatNoException().isThrownBy(() -> UUID.fromString(value));
		assertThat(this.validator.isValid(value, null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "5b1e4d7a8c2f4a9eb3d67e8f9a0b1c02",
			"{5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02}", "5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02x",
			" 5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02", "5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c02 ",
			"5b1e4d7a-8c2f-4a9e-b3d6-7e8f9a0b1c0g", "5b1e4d7a_8c2f_4a9e_b3d6_7e8f9a0b1c02" })
	void anythingElseIsInvalid(String value) {
		assertThat(this.validator.isValid(value, null)).isFalse();
	}

	@Test
	void anAbsentValueIsValid() {
		assertThat(this.validator.isValid(null, null)).isTrue();
	}

}
