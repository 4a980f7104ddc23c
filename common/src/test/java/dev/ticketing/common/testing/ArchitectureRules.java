package dev.ticketing.common.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.domain.DomainException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service shares (STYLE.md), for a service's
 * {@code ArchitectureTests} to include with
 * {@code @ArchTest static final ArchTests shared = ArchTests.in(ArchitectureRules.class);}
 * next to its own rules. Each rule is shown to fail on a deliberate violation in common's
 * {@code ArchitectureRulesTests}.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/**
	 * No package depends, directly or through others, on a package that depends on it.
	 */
	@ArchTest
	public static final ArchRule noPackageCycles = slices().matching("dev.ticketing.(**)")
		.namingSlices("$1")
		.should()
		.beFreeOfCycles();

	/**
	 * Controllers translate HTTP and call services; they never reach storage themselves.
	 */
	@ArchTest
	public static final ArchRule controllersNeverTouchRepositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Repository.class)
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository");

	/**
	 * A refusal speaks the domain's words: the web edge gives its code a status
	 * ({@code ProblemStatuses}), so no domain exception knows HTTP.
	 */
	@ArchTest
	public static final ArchRule refusalsKnowNoHttp = noClasses().that()
		.areAssignableTo(DomainException.class)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..");

	/** DESIGN §3: events leave only through the outbox, never straight to NATS. */
	@ArchTest
	public static final ArchRule nothingTalksToNatsDirectly = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.nats..");

	/**
	 * DESIGN §2: no service but auth holds a key that signs sessions. Not part of the set
	 * every service includes: auth-service has a rule of its own. (tickets-service's pass
	 * key stays inside common's {@code Ed25519KeySet}, which it never takes apart.)
	 */
	public static final ArchRule noPrivateKeys = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.PrivateKey");

}
