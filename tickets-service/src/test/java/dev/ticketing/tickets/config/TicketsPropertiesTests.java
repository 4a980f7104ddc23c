package dev.ticketing.tickets.config;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import dev.ticketing.tickets.pass.PassCodes;
import dev.ticketing.tickets.ticket.CountCap;
import dev.ticketing.tickets.ticket.PriceCap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ticketing.tickets.*} is typed and validated at start-up: a price cap outside
 * 100–1000 or not a number, a count cap outside 1–100000, or no pass key, stops the
 * service with a message saying what to set.
 */
class TicketsPropertiesTests {

	@TempDir
	Path state;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(TicketsConfiguration.class)
			.withPropertyValues("ticketing.tickets.pass-key.generate-file=" + this.state.resolve("pass-key.pem"));
	}

	@Test
	void theCapIs120PercentByDefault() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PriceCap.class)).isEqualTo(new PriceCap(120));
			assertThat(context).hasSingleBean(PassCodes.class);
		});
	}

	@Test
	void theCapMayBeFaceValueOnlyOrUpToTenTimes() {
		runner().withPropertyValues("ticketing.tickets.price-cap-percent=100")
			.run((context) -> assertThat(context.getBean(PriceCap.class).percent()).isEqualTo(100));
		runner().withPropertyValues("ticketing.tickets.price-cap-percent=1000")
			.run((context) -> assertThat(context.getBean(PriceCap.class).percent()).isEqualTo(1000));
	}

	@Test
	void aCapOutsideTheRangeOrNotANumberStopsTheService() {
		for (String value : new String[] { "99", "1001", "-5", "abc", "12.5" }) {
			runner().withPropertyValues("ticketing.tickets.price-cap-percent=" + value)
				.run((context) -> assertThat(context).as(value)
					.getFailure()
					.hasStackTraceContaining("ticketing.tickets.price-cap-percent"));
		}
	}

	@Test
	void theCountCapIs1000ListingsByDefaultAndMayBeSet() {
		runner().run((context) -> assertThat(context.getBean(CountCap.class)).isEqualTo(new CountCap(1000)));
		runner().withPropertyValues("ticketing.tickets.count-cap=1")
			.run((context) -> assertThat(context.getBean(CountCap.class).listings()).isEqualTo(1));
		runner().withPropertyValues("ticketing.tickets.count-cap=100000")
			.run((context) -> assertThat(context.getBean(CountCap.class).listings()).isEqualTo(100_000));
	}

	@Test
	void aCountCapOutsideTheRangeOrNotANumberStopsTheService() {
		for (String value : new String[] { "0", "-1", "100001", "abc", "2.5" }) {
			runner().withPropertyValues("ticketing.tickets.count-cap=" + value)
				.run((context) -> assertThat(context).as(value)
					.getFailure()
					.hasStackTraceContaining("ticketing.tickets.count-cap"));
		}
	}

	@Test
	void noPassKeyStopsTheServiceSayingWhatToSet() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(TicketsConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("TICKETING_TICKETS_PASS_KEY_PEM"));
	}

}
