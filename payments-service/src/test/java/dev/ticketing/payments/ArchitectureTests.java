package dev.ticketing.payments;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import dev.ticketing.common.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * No package cycles, controllers away from storage, refusals without HTTP, no NATS.
	 */
	@ArchTest
	static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

	@ArchTest
	static final ArchRule noPrivateKeys = ArchitectureRules.noPrivateKeys;

	/** Only the provider adapters know a provider's SDK. */
	@ArchTest
	static final ArchRule onlyTheStripeAdapterKnowsStripe = noClasses().that()
		.resideOutsideOfPackage("dev.ticketing.payments.stripe..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.stripe..");

}
