package dev.ticketing.tickets.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a search text becomes SQL: which texts the trigram indexes can serve, and the ILIKE
 * pattern with its wildcards escaped. The queries themselves are proven against the
 * database by {@code TicketsApiIntegrationTests} and
 * {@code TicketsCountCapIntegrationTests}.
 */
class JdbcTicketRepositoryTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "abc", "jazz", "Coldplay live", "a bcd", "100%", "row_a", "x1y", "Élan", "東京ドーム", "ab-cde" })
	void aRunOfThreeLettersOrDigitsHasATrigram(String text) {
		assertThat(JdbcTicketRepository.hasTrigram(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "ab", "50%", "%", "_", "\\", "a b", "ab cd", "a_b", "é", "東京", "ab\\c", "a%b_c" })
	void shorterRunsHaveNone(String text) {
		assertThat(JdbcTicketRepository.hasTrigram(text)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "jazz|%jazz%", "50%|%50\\%%", "row_a|%row\\_a%",
			"back\\slash|%back\\\\slash%", "\\%_|%\\\\\\%\\_%", "Ünïcödé|%Ünïcödé%" })
	void aPatternMatchesTheTextAnywhereWithItsWildcardsLiteral(String text, String pattern) {
		assertThat(JdbcTicketRepository.containing(text)).isEqualTo(pattern);
	}

}
