package dev.ticketing.common.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shared rule fails on a class that breaks it and passes one that keeps it (the
 * classes in {@code fixtures}), so that a rule that silently stops checking anything is
 * found here.
 */
class ArchitectureRulesTests {

	private static final JavaClasses FIXTURES = new ClassFileImporter()
		.importPackages("dev.ticketing.common.testing.fixtures");

	@Test
	void noPackageCyclesFindsTwoPackagesThatDependOnEachOther() {
		String report = violations(ArchitectureRules.noPackageCycles);

		assertThat(report).contains("Left", "Right");
		assertThat(report).doesNotContain("ThingController", "LeakyController");
	}

	@Test
	void controllersNeverTouchRepositoriesFindsAControllerThatDoes() {
		String report = violations(ArchitectureRules.controllersNeverTouchRepositories);

		assertThat(report).contains("LeakyController").doesNotContain("ThingController");
	}

	@Test
	void refusalsKnowNoHttpFindsARefusalWithAStatus() {
		String report = violations(ArchitectureRules.refusalsKnowNoHttp);

		assertThat(report).contains("RefusalWithStatus").doesNotContain("PlainRefusal");
	}

	@Test
	void nothingTalksToNatsDirectlyFindsADirectPublisher() {
		assertThat(violations(ArchitectureRules.nothingTalksToNatsDirectly)).contains("DirectPublisher");
	}

	@Test
	void noPrivateKeysFindsAKeyHolder() {
		assertThat(violations(ArchitectureRules.noPrivateKeys)).contains("KeyHolder");
	}

	private static String violations(ArchRule rule) {
		EvaluationResult result = rule.evaluate(FIXTURES);
		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		return String.join("\n", result.getFailureReport().getDetails());
	}

}
