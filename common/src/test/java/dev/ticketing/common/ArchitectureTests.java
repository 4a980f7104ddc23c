package dev.ticketing.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.ticketing.common.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule jwtContractIsPlainJava = noClasses().that()
		.resideInAPackage("dev.ticketing.common.jwt..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.nats..");

	@ArchTest
	static final ArchRule eventContractsArePlainJava = noClasses().that()
		.resideInAPackage("dev.ticketing.common.events..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.nats..", "dev.ticketing.common.messaging..");

	@ArchTest
	static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles;

	@ArchTest
	static final ArchRule refusalsKnowNoHttp = ArchitectureRules.refusalsKnowNoHttp;

	/**
	 * Domain code of every service uses it: it depends on nothing of Spring's or NATS'.
	 */
	@ArchTest
	static final ArchRule theDomainBaseIsPlainJava = noClasses().that()
		.resideInAPackage("dev.ticketing.common.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.nats..", "jakarta..");

	@ArchTest
	static final ArchRule commonDependsOnNoService = noClasses().that()
		.resideInAPackage("dev.ticketing.common..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.ticketing.auth..", "dev.ticketing.tickets..", "dev.ticketing.orders..",
				"dev.ticketing.payments..");

}
