package dev.ticketing.common.domain;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WireValueTests {

	enum Signal implements WireValue {

		GREEN, AMBER_FLASHING, INFO

	}

	enum Light implements WireValue {

		GREEN

	}

	@ParameterizedTest
	@CsvSource({ "GREEN, green", "AMBER_FLASHING, amber_flashing", "INFO, info" })
	void aConstantTravelsAsItsLowerCaseName(Signal signal, String value) {
		assertThat(signal.value()).isEqualTo(value);
	}

	@Test
	void theValueDoesNotDependOnTheDefaultLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(Signal.INFO.value()).isEqualTo("info");
			assertThat(WireValue.find(Signal.class, "info")).contains(Signal.INFO);
		}
		finally {
			Locale.setDefault(previous);
		}
	}

	@ParameterizedTest
	@EnumSource(Signal.class)
	void everyConstantIsFoundByItsValue(Signal signal) {
		assertThat(WireValue.find(Signal.class, signal.value())).contains(signal);
	}

	@Test
	void aValueIsFoundAmongTheConstantsOfTheTypeAskedFor() {
		assertThat(WireValue.find(Light.class, "green")).contains(Light.GREEN);
		assertThat(WireValue.find(Signal.class, "green")).contains(Signal.GREEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "red", "amber", "amber-flashing", "amberflashing", "" })
	void anUnknownValueFindsNothing(String value) {
		assertThat(WireValue.find(Signal.class, value)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GREEN", "Green", "AMBER_FLASHING", "Info" })
	void aValueInAnotherCaseFindsNothing(String value) {
		assertThat(WireValue.find(Signal.class, value)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { " green", "green ", "\tgreen", "green\n" })
	void aValueWithSurroundingSpaceFindsNothing(String value) {
		assertThat(WireValue.find(Signal.class, value)).isEmpty();
	}

	@Test
	void aNullValueFindsNothingRatherThanFailing() {
		assertThat(WireValue.find(Signal.class, null)).isEmpty();
	}

}
