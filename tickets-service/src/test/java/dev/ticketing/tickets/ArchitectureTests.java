package dev.ticketing.tickets;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import dev.ticketing.common.testing.ArchitectureRules;

@AnalyzeClasses(packages = "dev.ticketing.tickets", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * No package cycles, controllers away from storage, refusals without HTTP, no NATS.
	 */
	@ArchTest
	static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

	@ArchTest
	static final ArchRule noPrivateKeys = ArchitectureRules.noPrivateKeys;

}
