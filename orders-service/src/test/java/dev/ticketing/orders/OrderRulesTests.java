package dev.ticketing.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules about who makes and changes orders fail on the classes that break them on
 * purpose ({@code archfixture.OrderForger}, {@code order.OrderRebuilder}, test code that
 * {@link ArchitectureTests} does not import), and only on those.
 */
class OrderRulesTests {

	private static final JavaClasses WITH_FIXTURES = new ClassFileImporter().importPackages("dev.ticketing.orders");

	@Test
	void anOrderMadeOrChangedOutsideItsPackageBreaksTheRule() {
		assertThat(violations(ArchitectureTests.onlyTheOrderPackageMakesOrChangesOrders))
			.anyMatch((line) -> line.contains("OrderForger") && line.contains("<init>"))
			.anyMatch((line) -> line.contains("OrderForger") && line.contains("complete"))
			.allMatch((line) -> line.contains("OrderForger"));
	}

	@Test
	void anOrderBuiltInsteadOfTransitionedBreaksTheRule() {
		assertThat(violations(ArchitectureTests.onlyTheOrderAndItsStoreConstructOrders))
			.anyMatch((line) -> line.contains("OrderRebuilder"))
			.allMatch((line) -> line.contains("OrderRebuilder") || line.contains("OrderForger")
					|| line.contains("Tests"));
	}

	private static java.util.List<String> violations(ArchRule rule) {
		EvaluationResult result = rule.evaluate(WITH_FIXTURES);
		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		return result.getFailureReport().getDetails();
	}

}
