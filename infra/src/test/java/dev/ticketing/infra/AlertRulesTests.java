package dev.ticketing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules ({@value #RULES}) checked by Prometheus's own promtool: that they load
 * ({@code promtool check rules}), and that their unit tests ({@value #TESTS}) pass
 * ({@code promtool test rules}), with a test per alert that makes it fire and one that
 * does not. promtool is the one {@code ensure_prometheus} (infra/local/lib.sh) unpacked,
 * found through {@code TICKETING_PROMTOOL}, which bin/test sets, or in
 * {@code .run/tools}; without it these tests fail rather than skip.
 */
class AlertRulesTests {

	static final String RULES = "infra/k8s/base/monitoring/rules.yml";

	static final String TESTS = "infra/observability/rules-tests.yml";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@Test
	void promtoolAcceptsTheRules() {
		Result result = promtool("check", "rules", Repository.path(RULES).toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + alerts().size() + " rules found");
	}

	@Test
	void theRulesPassTheirUnitTests() {
		Result result = promtool("test", "rules", Repository.path(TESTS).toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void everyAlertHasATestThatMakesItFireAndOneThatDoesNot() {
		Set<String> firing = new TreeSet<>();
		Set<String> quiet = new TreeSet<>();
		for (JsonNode test : read(TESTS).path("tests")) {
			for (JsonNode check : test.path("alert_rule_test")) {
				String alert = check.path("alertname").asString();
				(check.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
			}
		}

		assertThat(firing).as("alerts some test makes fire").containsExactlyInAnyOrderElementsOf(alerts());
		assertThat(quiet).as("alerts some test expects not to fire").containsExactlyInAnyOrderElementsOf(alerts());
	}

	@Test
	void everyAlertHasASeverityASummaryAndADescription() {
		for (JsonNode group : read(RULES).path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				String alert = rule.path("alert").asString();
				assertThat(rule.path("labels").path("severity").asString()).as(alert).isIn("critical", "warning");
				assertThat(rule.path("annotations").path("summary").asString()).as(alert).isNotBlank();
				assertThat(rule.path("annotations").path("description").asString()).as(alert).isNotBlank();
			}
		}
	}

	private static List<String> alerts() {
		List<String> alerts = new ArrayList<>();
		for (JsonNode group : read(RULES).path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				alerts.add(rule.path("alert").asString());
			}
		}
		return alerts;
	}

	private static JsonNode read(String file) {
		return YAML.readTree(Repository.read(file));
	}

	/** promtool as bin/test and bin/run --observe have it. */
	static Path promtool() {
		String configured = System.getenv("TICKETING_PROMTOOL");
		Path promtool = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Repository.path(".run/tools/prometheus/usr/bin/promtool");
		if (!Files.isExecutable(promtool)) {
			throw new AssertionError("No promtool at " + promtool + " (TICKETING_PROMTOOL or .run/tools): run these "
					+ "tests through bin/test, which unpacks Debian's prometheus package first, or run "
					+ "'source infra/local/lib.sh && ensure_prometheus' once.");
		}
		return promtool;
	}

	private static Result promtool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(promtool().toString());
		command.addAll(List.of(arguments));
		try {
			Path output = Files.createTempFile("promtool-", ".out");
			try {
				Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {

	}

}
