package dev.ticketing.payments;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule controllersNeverTouchRepositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleName("OrderReplicas")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleName("IdempotencyKeys");

	/** DESIGN §3: events leave only through the outbox, never straight to NATS. */
	@ArchTest
	static final ArchRule nothingTalksToNatsDirectly = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.nats..");

	/** Only the provider adapters know a provider's SDK. */
	@ArchTest
	static final ArchRule onlyTheStripeAdapterKnowsStripe = noClasses().that()
		.resideOutsideOfPackage("dev.ticketing.payments.stripe..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.stripe..");

	/** DESIGN §2: no service but auth holds a private key. */
	@ArchTest
	static final ArchRule noPrivateKeys = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.PrivateKey");

}
