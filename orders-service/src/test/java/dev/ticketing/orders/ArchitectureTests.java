package dev.ticketing.orders;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import dev.ticketing.common.testing.ArchitectureRules;
import dev.ticketing.orders.order.Order;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.ticketing.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * No package cycles, controllers away from storage, refusals without HTTP, no NATS.
	 */
	@ArchTest
	static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

	@ArchTest
	static final ArchRule noPrivateKeys = ArchitectureRules.noPrivateKeys;

	/**
	 * Orders are made and changed only where their rules are: outside the {@code order}
	 * package nothing calls an order's constructor or a transition (a method that returns
	 * an order, or an optional one). Whatever fields or transitions {@link Order} gains,
	 * this keeps checking.
	 */
	@ArchTest
	static final ArchRule onlyTheOrderPackageMakesOrChangesOrders = noClasses().that()
		.resideOutsideOfPackage("dev.ticketing.orders.order..")
		.should()
		.callConstructorWhere(target(owner(isOrder())))
		.orShould()
		.callMethodWhere(target(owner(isOrder())).and(target(returnsAnOrder())));

	/**
	 * Inside the package, every change is one of the order's own transitions: only the
	 * order and its store (reading rows back) call its constructor.
	 */
	@ArchTest
	static final ArchRule onlyTheOrderAndItsStoreConstructOrders = noClasses().that()
		.doNotHaveFullyQualifiedName(Order.class.getName())
		.and()
		.doNotHaveSimpleName("JdbcOrderRepository")
		.should()
		.callConstructorWhere(target(owner(isOrder())));

	private static DescribedPredicate<JavaClass> isOrder() {
		return JavaClass.Predicates.equivalentTo(Order.class);
	}

	private static DescribedPredicate<CodeUnitCallTarget> returnsAnOrder() {
		return DescribedPredicate.describe("returns an order",
				(target) -> target.getReturnType()
					.getAllInvolvedRawTypes()
					.stream()
					.anyMatch((type) -> type.isEquivalentTo(Order.class)));
	}

}
