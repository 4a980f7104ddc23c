package dev.ticketing.orders;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.orders.order.Order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule controllersNeverTouchRepositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleName("TicketReplicas");

	/** DESIGN §3: events leave only through the outbox, never straight to NATS. */
	@ArchTest
	static final ArchRule nothingTalksToNatsDirectly = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.nats..");

	/**
	 * Transitions are decided by the order itself: nothing else builds a changed order.
	 */
	@ArchTest
	static final ArchRule onlyTheOrderAndItsStoreCreateOrders = noClasses().that()
		.doNotHaveSimpleName("Order")
		.and()
		.doNotHaveSimpleName("JdbcOrderRepository")
		.should()
		.callConstructor(Order.class, java.util.UUID.class, java.util.UUID.class,
				dev.ticketing.orders.order.OrderedTicket.class, dev.ticketing.orders.order.OrderStatus.class,
				dev.ticketing.orders.order.CancelReason.class, java.util.UUID.class, java.time.Instant.class,
				long.class, java.time.Instant.class, java.time.Instant.class);

	/** DESIGN §2: no service but auth holds a private key. */
	@ArchTest
	static final ArchRule noPrivateKeys = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.PrivateKey");

}
