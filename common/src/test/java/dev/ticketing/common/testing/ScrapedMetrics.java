package dev.ticketing.common.testing;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's {@code /actuator/prometheus} as Prometheus scrapes it: the value of one
 * series by its name and some of its labels, summed over the series that match (NaN when
 * none does). Reads the text format, so a test sees the metric names and labels the rules
 * in {@code infra/k8s/base/prometheus/rules.yml} rely on, not Micrometer's.
 */
public final class ScrapedMetrics {

	private static final Pattern SAMPLE = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");

	private final String text;

	private ScrapedMetrics(String text) {
		this.text = text;
	}

	/** Scrapes the service now. */
	public static ScrapedMetrics scrape(TestHttp http) {
		TestHttp.Response response = http.get("/actuator/prometheus");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return new ScrapedMetrics(response.body());
	}

	/** Scrapes the service now and returns one value, see {@link #value}. */
	public static double value(TestHttp http, String name, String... labels) {
		return scrape(http).value(name, labels);
	}

	/**
	 * The sum of the series named {@code name} whose labels include each
	 * {@code label="value"} pair given, or NaN if there is none.
	 */
	public double value(String name, String... labels) {
		double sum = 0;
		boolean found = false;
		for (String line : this.text.lines().toList()) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
				continue;
			}
			String all = (sample.group(2) != null) ? sample.group(2) : "";
			if (Arrays.stream(pairs(labels)).allMatch(all::contains)) {
				sum += Double.parseDouble(sample.group(3));
				found = true;
			}
		}
		return found ? sum : Double.NaN;
	}

	private static String[] pairs(String[] labels) {
		if (labels.length % 2 != 0) {
			throw new IllegalArgumentException("labels come in name-value pairs");
		}
		String[] pairs = new String[labels.length / 2];
		for (int i = 0; i < pairs.length; i++) {
			pairs[i] = labels[2 * i] + "=\"" + labels[2 * i + 1] + "\"";
		}
		return pairs;
	}

}
