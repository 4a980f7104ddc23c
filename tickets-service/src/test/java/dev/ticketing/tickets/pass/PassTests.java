package dev.ticketing.tickets.pass;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.ticketing.common.domain.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of {@link Pass} (DESIGN §2, "Pass"): issued valid (or void for an order
 * already refunded), listed for resale only while valid, valid again only when its own
 * resale listing is withdrawn, void for good, and each status but valid refused at the
 * door with its own problem code.
 */
class PassTests {

	private static final UUID PASS = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	private static final UUID ORIGIN = UUID.fromString("00000000-0000-0000-0000-0000000000d0");

	private static final UUID HOLDER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID RESALE = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

	private static final UUID OTHER_RESALE = UUID.fromString("00000000-0000-0000-0000-0000000000d3");

	private static final String CODE = "header.payload.signature";

	private static final Instant ISSUED_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant LISTED_AT = ISSUED_AT.plus(Duration.ofHours(1));

	private static final Instant CHECKED_IN_AT = Instant.parse("2030-09-01T19:31:02.123456Z");

	private static final Instant CHANGED_AT = ISSUED_AT.plus(Duration.ofDays(1));

	@Test
	void aPassIsIssuedValidToTheBuyerWithItsCode() {
		Pass pass = valid();

		assertThat(pass.id()).isEqualTo(PASS);
		assertThat(pass.ticketId()).isEqualTo(TICKET);
		assertThat(pass.originId()).isEqualTo(ORIGIN);
		assertThat(pass.holderId()).isEqualTo(HOLDER);
		assertThat(pass.orderId()).isEqualTo(ORDER);
		assertThat(pass.status()).isEqualTo(PassStatus.VALID);
		assertThat(pass.code()).isEqualTo(CODE);
		assertThat(pass.resaleId()).isNull();
		assertThat(pass.voidReason()).isNull();
		assertThat(pass.issuedAt()).isEqualTo(ISSUED_AT);
		assertThat(pass.checkedInAt()).isNull();
		assertThat(pass.voidedAt()).isNull();
		assertThat(pass.updatedAt()).isEqualTo(ISSUED_AT);
	}

	@Test
	void aPassForAnOrderAlreadyRefundedIsIssuedVoidForTheRefund() {
		Pass pass = Pass.issue(PASS, TICKET, ORIGIN, HOLDER, ORDER, CODE, true, ISSUED_AT);

		assertThat(pass.status()).isEqualTo(PassStatus.VOID);
		assertThat(pass.voidReason()).isEqualTo(VoidReason.REFUNDED);
		assertThat(pass.voidedAt()).isEqualTo(ISSUED_AT);
		assertThat(pass.updatedAt()).isEqualTo(ISSUED_AT);
		assertThat(pass.issuedAt()).isEqualTo(ISSUED_AT);
		assertThat(pass.holderId()).isEqualTo(HOLDER);
		assertThat(pass.orderId()).isEqualTo(ORDER);
		assertThat(pass.checkedInAt()).isNull();
	}

	@Test
	void aPassIsHeldByItsHolderOnly() {
		assertThat(valid().isHeldBy(HOLDER)).isTrue();
		assertThat(valid().isHeldBy(SOMEONE_ELSE)).isFalse();
	}

	@Test
	void aValidPassIsListableAndListingItRemembersTheResaleListing() {
		Pass pass = valid();
		pass.requireListable();

		Pass listed = pass.listAs(RESALE, LISTED_AT);

		assertThat(listed.status()).isEqualTo(PassStatus.LISTED);
		assertThat(listed.resaleId()).isEqualTo(RESALE);
		assertThat(listed.updatedAt()).isEqualTo(LISTED_AT);
		assertThat(listed.voidReason()).isNull();
		assertThat(listed.checkedInAt()).isNull();
		assertThat(listed.voidedAt()).isNull();
		assertCarriedOver(listed);
		assertThat(pass.status()).as("the original is unchanged").isEqualTo(PassStatus.VALID);
	}

	@Test
	void listingAListedPassAgainIsAlreadyListed() {
		Pass listed = listed();

		assertThatThrownBy(() -> listed.listAs(OTHER_RESALE, CHANGED_AT)).isInstanceOf(AlreadyListedException.class)
			.hasMessage("You have already listed this ticket for resale.")
			.satisfies((ex) -> assertThat(((DomainException) ex).code()).isEqualTo("already_listed"));
		assertThatThrownBy(listed::requireListable).isInstanceOf(AlreadyListedException.class);
	}

	@Test
	void listingAUsedPassIsAlreadyCheckedInAndSaysWhen() {
		Pass used = used();

		assertThatThrownBy(() -> used.listAs(RESALE, CHANGED_AT))
			.isInstanceOfSatisfying(AlreadyCheckedInException.class, (ex) -> assertAlreadyCheckedIn(ex, CHECKED_IN_AT));
		assertThatThrownBy(used::requireListable).isInstanceOf(AlreadyCheckedInException.class);
	}

	@ParameterizedTest
	@EnumSource(VoidReason.class)
	void listingAVoidPassIsPassVoid(VoidReason reason) {
		Pass voided = valid().voidFor(reason, CHANGED_AT);

		assertThatThrownBy(() -> voided.listAs(RESALE, CHANGED_AT)).isInstanceOf(PassVoidException.class)
			.hasMessage("This pass is void: the ticket was resold or refunded.")
			.satisfies((ex) -> assertThat(((DomainException) ex).code()).isEqualTo("pass_void"));
		assertThatThrownBy(voided::requireListable).isInstanceOf(PassVoidException.class);
	}

	@Test
	void unlistingByItsOwnResaleListingMakesTheListedPassValidAgain() {
		Pass valid = listed().unlist(RESALE, CHANGED_AT);

		assertThat(valid).isNotNull();
		assertThat(valid.status()).isEqualTo(PassStatus.VALID);
		assertThat(valid.resaleId()).as("kept after").isEqualTo(RESALE);
		assertThat(valid.updatedAt()).isEqualTo(CHANGED_AT);
		assertThat(valid.voidReason()).isNull();
		assertThat(valid.checkedInAt()).isNull();
		assertThat(valid.voidedAt()).isNull();
		assertCarriedOver(valid);
		assertThat(valid.listAs(OTHER_RESALE, CHANGED_AT).resaleId()).as("and it can be listed again")
			.isEqualTo(OTHER_RESALE);
	}

	@Test
	void unlistingByAnotherResaleListingChangesNothing() {
		assertThat(listed().unlist(OTHER_RESALE, CHANGED_AT)).isNull();
	}

	@Test
	void unlistingAPassThatIsNotListedChangesNothing() {
		assertThat(valid().unlist(RESALE, CHANGED_AT)).isNull();
		assertThat(listed().unlist(RESALE, CHANGED_AT).unlist(RESALE, CHANGED_AT)).as("valid again, resaleId kept")
			.isNull();
		assertThat(used().unlist(RESALE, CHANGED_AT)).as("used, resaleId kept").isNull();
		assertThat(listed().voidFor(VoidReason.RESOLD, CHANGED_AT).unlist(RESALE, CHANGED_AT)).as("void, resaleId kept")
			.isNull();
		assertThat(listed().voidFor(VoidReason.REFUNDED, CHANGED_AT).unlist(RESALE, CHANGED_AT)).isNull();
	}

	@ParameterizedTest
	@EnumSource(VoidReason.class)
	void voidingAValidPassRecordsWhyAndWhen(VoidReason reason) {
		Pass voided = valid().voidFor(reason, CHANGED_AT);

		assertThat(voided.status()).isEqualTo(PassStatus.VOID);
		assertThat(voided.voidReason()).isEqualTo(reason);
		assertThat(voided.voidedAt()).isEqualTo(CHANGED_AT);
		assertThat(voided.updatedAt()).isEqualTo(CHANGED_AT);
		assertThat(voided.resaleId()).isNull();
		assertThat(voided.checkedInAt()).isNull();
		assertCarriedOver(voided);
	}

	@Test
	void voidingAListedPassKeepsItsResaleListing() {
		Pass voided = listed().voidFor(VoidReason.RESOLD, CHANGED_AT);

		assertThat(voided.status()).isEqualTo(PassStatus.VOID);
		assertThat(voided.voidReason()).isEqualTo(VoidReason.RESOLD);
		assertThat(voided.resaleId()).isEqualTo(RESALE);
		assertThat(voided.voidedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(voided);
	}

	@Test
	void voidingAUsedPassKeepsWhenItWasCheckedIn() {
		Pass voided = used().voidFor(VoidReason.REFUNDED, CHANGED_AT);

		assertThat(voided.status()).isEqualTo(PassStatus.VOID);
		assertThat(voided.voidReason()).isEqualTo(VoidReason.REFUNDED);
		assertThat(voided.checkedInAt()).isEqualTo(CHECKED_IN_AT);
		assertThat(voided.voidedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(voided);
	}

	@ParameterizedTest
	@EnumSource(VoidReason.class)
	void voidingAVoidPassKeepsItAsItIs(VoidReason again) {
		Pass voided = valid().voidFor(VoidReason.RESOLD, LISTED_AT);

		assertThat(voided.voidFor(again, CHANGED_AT)).isSameAs(voided);
		assertThat(voided.voidReason()).isEqualTo(VoidReason.RESOLD);
		assertThat(voided.voidedAt()).isEqualTo(LISTED_AT);
	}

	@Test
	void aVoidUsedPassStaysAsItIsWithItsCheckInTime() {
		Pass voided = used().voidFor(VoidReason.RESOLD, LISTED_AT);

		Pass again = voided.voidFor(VoidReason.REFUNDED, CHANGED_AT);

		assertThat(again).isSameAs(voided);
		assertThat(again.checkedInAt()).isEqualTo(CHECKED_IN_AT);
	}

	@Test
	void aListedPassIsRefusedAtTheDoorAsTicketListed() {
		RuntimeException refusal = listed().refusal();

		assertThat(refusal).isInstanceOf(TicketListedException.class)
			.hasMessage("The ticket is listed for resale; its holder must withdraw the listing to use it.");
		assertThat(((DomainException) refusal).code()).isEqualTo("ticket_listed");
	}

	@Test
	void aUsedPassIsRefusedAtTheDoorAsAlreadyCheckedInWithItsCheckInTime() {
		RuntimeException refusal = used().refusal();

		assertThat(refusal).isInstanceOfSatisfying(AlreadyCheckedInException.class,
				(ex) -> assertAlreadyCheckedIn(ex, CHECKED_IN_AT));
	}

	@ParameterizedTest
	@EnumSource(VoidReason.class)
	void aVoidPassIsRefusedAtTheDoorAsPassVoid(VoidReason reason) {
		RuntimeException refusal = valid().voidFor(reason, CHANGED_AT).refusal();

		assertThat(refusal).isInstanceOf(PassVoidException.class);
		assertThat(((DomainException) refusal).code()).isEqualTo("pass_void");
	}

	@Test
	void aVoidPassThatWasUsedIsRefusedAsPassVoid() {
		assertThat(used().voidFor(VoidReason.REFUNDED, CHANGED_AT).refusal()).isInstanceOf(PassVoidException.class);
	}

	@Test
	void aValidPassHasNoRefusal() {
		assertThatIllegalStateException().isThrownBy(() -> valid().refusal());
	}

	@Test
	void aUsedPassWithoutACheckInTimeIsAnInconsistencyNotARefusal() {
		Pass broken = new Pass(PASS, TICKET, ORIGIN, HOLDER, ORDER, PassStatus.USED, CODE, null, null, ISSUED_AT, null,
				null, CHANGED_AT);

		assertThatIllegalStateException().isThrownBy(broken::refusal).withMessageContaining(PASS.toString());
	}

	@Test
	void theCheckInTimeIsAProblemMemberInFullAndTheDetailToTheSecond() {
		AlreadyCheckedInException ex = new AlreadyCheckedInException(CHECKED_IN_AT);

		assertThat(ex.getMessage()).isEqualTo("This ticket was already checked in at 2030-09-01T19:31:02Z.");
		assertThat(ex.members()).isEqualTo(Map.of("checkedInAt", "2030-09-01T19:31:02.123456Z"));
	}

	@Test
	void everyRefusalHasTheCodeDesignNames() {
		assertThat(new AlreadyListedException().code()).isEqualTo("already_listed");
		assertThat(new AlreadyCheckedInException(CHECKED_IN_AT).code()).isEqualTo("already_checked_in");
		assertThat(new TicketListedException().code()).isEqualTo("ticket_listed");
		assertThat(new PassVoidException().code()).isEqualTo("pass_void");
		assertThat(new PassNotFoundException().code()).isEqualTo("pass_not_found");
		assertThat(new NotHolderException().code()).isEqualTo("not_holder");
		assertThat(new CodeInvalidException().code()).isEqualTo("code_invalid");
	}

	private static void assertAlreadyCheckedIn(AlreadyCheckedInException ex, Instant checkedInAt) {
		assertThat(ex.code()).isEqualTo("already_checked_in");
		assertThat(ex.members()).containsExactly(Map.entry("checkedInAt", checkedInAt.toString()));
	}

	/** What no transition changes. */
	private static void assertCarriedOver(Pass pass) {
		assertThat(pass.id()).isEqualTo(PASS);
		assertThat(pass.ticketId()).isEqualTo(TICKET);
		assertThat(pass.originId()).isEqualTo(ORIGIN);
		assertThat(pass.holderId()).isEqualTo(HOLDER);
		assertThat(pass.orderId()).isEqualTo(ORDER);
		assertThat(pass.code()).isEqualTo(CODE);
		assertThat(pass.issuedAt()).isEqualTo(ISSUED_AT);
	}

	private static Pass valid() {
		return Pass.issue(PASS, TICKET, ORIGIN, HOLDER, ORDER, CODE, false, ISSUED_AT);
	}

	private static Pass listed() {
		return valid().listAs(RESALE, LISTED_AT);
	}

	/**
	 * As the database marks a pass checked in (no transition of {@link Pass} does), after
	 * a resale listing of it was withdrawn: its resale id is kept.
	 */
	private static Pass used() {
		return new Pass(PASS, TICKET, ORIGIN, HOLDER, ORDER, PassStatus.USED, CODE, RESALE, null, ISSUED_AT,
				CHECKED_IN_AT, null, CHECKED_IN_AT);
	}

}
