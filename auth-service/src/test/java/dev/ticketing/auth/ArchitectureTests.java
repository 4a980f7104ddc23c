package dev.ticketing.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import dev.ticketing.common.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * No package cycles, controllers away from storage, refusals without HTTP, no NATS.
	 */
	@ArchTest
	static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

	/**
	 * DESIGN §2: auth holds the signing key; only the key store and the token signer
	 * touch it.
	 */
	@ArchTest
	static final ArchRule onlyTheKeysPackageHoldsThePrivateKeyMaterial = noClasses().that()
		.resideOutsideOfPackages("dev.ticketing.auth.keys..", "dev.ticketing.auth.session..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.PrivateKey");

	/**
	 * Sessions know accounts only through {@code SessionUsers}, which accounts implement.
	 */
	@ArchTest
	static final ArchRule sessionsDependOnNoAccountCode = noClasses().that()
		.resideInAPackage("dev.ticketing.auth.session..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.ticketing.auth.account..");

}
