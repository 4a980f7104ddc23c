package dev.ticketing.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule controllersNeverTouchRepositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Repository.class)
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository");

	@ArchTest
	static final ArchRule onlyTheKeysPackageHoldsThePrivateKeyMaterial = noClasses().that()
		.resideOutsideOfPackages("dev.ticketing.auth.keys..", "dev.ticketing.auth.session..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.PrivateKey");

}
