package dev.ticketing.tickets.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTests {

	private static final PriceCap CAP = new PriceCap(120);

	private static final Instant LISTED_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant HELD_AT = LISTED_AT.plus(Duration.ofMinutes(5));

	private static final Instant CHANGED_AT = LISTED_AT.plus(Duration.ofMinutes(10));

	private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID OTHER_ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	private static final UUID RESALE = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

	private static final Listing LISTING = new Listing("Concert", 4_500, "EUR", "Front row", "Arena",
			Instant.parse("2030-09-01T19:30:00Z"));

	private static final Listing CHANGED_LISTING = new Listing("Concert, night two", 5_000, "USD", null, null, null);

	@Test
	void aNewListingIsAvailableAtVersionOne() {
		Ticket ticket = available();
		assertThat(ticket.id()).isEqualTo(TICKET);
		assertThat(ticket.listing()).isEqualTo(LISTING);
		assertThat(ticket.sellerId()).isEqualTo(SELLER);
		assertThat(ticket.status()).isEqualTo(TicketStatus.AVAILABLE);
		assertThat(ticket.orderId()).isNull();
		assertThat(ticket.version()).isEqualTo(1);
		assertThat(ticket.createdAt()).isEqualTo(LISTED_AT);
		assertThat(ticket.updatedAt()).isEqualTo(LISTED_AT);
	}

	@Test
	void aTicketIsSoldByItsSellerOnly() {
		assertThat(available().isSoldBy(SELLER)).isTrue();
		assertThat(available().isSoldBy(SOMEONE_ELSE)).isFalse();
	}

	@Test
	void editingAnAvailableTicketChangesItsListingOneVersionHigher() {
		Ticket edited = available().edit(CHANGED_LISTING, CAP, CHANGED_AT);
		assertThat(edited.listing()).isEqualTo(CHANGED_LISTING);
		assertThat(edited.status()).isEqualTo(TicketStatus.AVAILABLE);
		assertThat(edited.orderId()).isNull();
		assertThat(edited.version()).isEqualTo(2);
		assertThat(edited.updatedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(edited);
	}

	@ParameterizedTest
	@EnumSource(names = { "RESERVED", "SOLD", "WITHDRAWN" })
	void editingATicketThatIsNotAvailableIsRefused(TicketStatus status) {
		Ticket ticket = inStatus(status);
		assertThatThrownBy(() -> ticket.edit(CHANGED_LISTING, CAP, CHANGED_AT))
			.isInstanceOf(TicketReservedException.class)
			.hasMessage("The ticket is " + status.value() + " and cannot be changed.")
			.extracting((ex) -> ((TicketReservedException) ex).code())
			.isEqualTo("ticket_reserved");
	}

	@Test
	void withdrawingAnAvailableTicketTakesItOffTheMarketOneVersionHigher() {
		Ticket withdrawn = available().withdraw(CHANGED_AT);
		assertThat(withdrawn.status()).isEqualTo(TicketStatus.WITHDRAWN);
		assertThat(withdrawn.orderId()).isNull();
		assertThat(withdrawn.listing()).isEqualTo(LISTING);
		assertThat(withdrawn.version()).isEqualTo(2);
		assertThat(withdrawn.updatedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(withdrawn);
	}

	@Test
	void withdrawingAWithdrawnTicketLeavesItAsItIs() {
		Ticket withdrawn = inStatus(TicketStatus.WITHDRAWN);
		Ticket again = withdrawn.withdraw(CHANGED_AT);
		assertThat(again).isSameAs(withdrawn);
		assertThat(again.version()).isEqualTo(2);
		assertThat(again.updatedAt()).isEqualTo(HELD_AT);
	}

	@ParameterizedTest
	@EnumSource(names = { "RESERVED", "SOLD" })
	void withdrawingATicketAnOrderHoldsIsRefused(TicketStatus status) {
		Ticket ticket = inStatus(status);
		assertThatThrownBy(() -> ticket.withdraw(CHANGED_AT)).isInstanceOf(TicketReservedException.class)
			.hasMessage("The ticket is " + status.value() + " and cannot be changed.")
			.extracting((ex) -> ((TicketReservedException) ex).code())
			.isEqualTo("ticket_reserved");
	}

	@Test
	void reservingAnAvailableTicketHoldsItForTheOrderOneVersionHigher() {
		assertThat(available().reserve(ORDER, HELD_AT)).hasValueSatisfying((reserved) -> {
			assertThat(reserved.status()).isEqualTo(TicketStatus.RESERVED);
			assertThat(reserved.orderId()).isEqualTo(ORDER);
			assertThat(reserved.listing()).isEqualTo(LISTING);
			assertThat(reserved.version()).isEqualTo(2);
			assertThat(reserved.updatedAt()).isEqualTo(HELD_AT);
			assertCarriedOver(reserved);
		});
	}

	@ParameterizedTest
	@EnumSource(names = { "RESERVED", "SOLD", "WITHDRAWN" })
	void aTicketThatIsNotAvailableIsNotReservedForItsOwnOrder(TicketStatus status) {
		assertThat(inStatus(status).reserve(ORDER, CHANGED_AT)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "RESERVED", "SOLD", "WITHDRAWN" })
	void aTicketThatIsNotAvailableIsNotReservedForAnotherOrder(TicketStatus status) {
		assertThat(inStatus(status).reserve(OTHER_ORDER, CHANGED_AT)).isEmpty();
	}

	@Test
	void releasingATicketReservedByTheOrderMakesItAvailableAgainOneVersionHigher() {
		assertThat(inStatus(TicketStatus.RESERVED).release(ORDER, CHANGED_AT)).hasValueSatisfying((released) -> {
			assertThat(released.status()).isEqualTo(TicketStatus.AVAILABLE);
			assertThat(released.orderId()).isNull();
			assertThat(released.listing()).isEqualTo(LISTING);
			assertThat(released.version()).isEqualTo(3);
			assertThat(released.updatedAt()).isEqualTo(CHANGED_AT);
			assertCarriedOver(released);
		});
	}

	@Test
	void aTicketReservedByAnotherOrderIsNotReleased() {
		assertThat(inStatus(TicketStatus.RESERVED).release(OTHER_ORDER, CHANGED_AT)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "AVAILABLE", "SOLD", "WITHDRAWN" })
	void aTicketThatIsNotReservedIsNotReleasedEvenForItsOrder(TicketStatus status) {
		assertThat(inStatus(status).release(ORDER, CHANGED_AT)).isEmpty();
		assertThat(inStatus(status).release(OTHER_ORDER, CHANGED_AT)).isEmpty();
	}

	@Test
	void sellingATicketReservedByTheOrderSellsItToThatOrderOneVersionHigher() {
		assertThat(inStatus(TicketStatus.RESERVED).sell(ORDER, CHANGED_AT)).hasValueSatisfying((sold) -> {
			assertThat(sold.status()).isEqualTo(TicketStatus.SOLD);
			assertThat(sold.orderId()).isEqualTo(ORDER);
			assertThat(sold.listing()).isEqualTo(LISTING);
			assertThat(sold.version()).isEqualTo(3);
			assertThat(sold.updatedAt()).isEqualTo(CHANGED_AT);
			assertCarriedOver(sold);
		});
	}

	@Test
	void sellingAnAvailableTicketSellsItToTheOrderWhoseCompletionOvertookItsCreation() {
		assertThat(available().sell(OTHER_ORDER, CHANGED_AT)).hasValueSatisfying((sold) -> {
			assertThat(sold.status()).isEqualTo(TicketStatus.SOLD);
			assertThat(sold.orderId()).isEqualTo(OTHER_ORDER);
			assertThat(sold.listing()).isEqualTo(LISTING);
			assertThat(sold.version()).isEqualTo(2);
			assertThat(sold.updatedAt()).isEqualTo(CHANGED_AT);
			assertCarriedOver(sold);
		});
	}

	@Test
	void aTicketReservedByAnotherOrderIsNotSold() {
		assertThat(inStatus(TicketStatus.RESERVED).sell(OTHER_ORDER, CHANGED_AT)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "SOLD", "WITHDRAWN" })
	void aSoldOrWithdrawnTicketIsNotSoldToAnyOrder(TicketStatus status) {
		assertThat(inStatus(status).sell(ORDER, CHANGED_AT)).isEmpty();
		assertThat(inStatus(status).sell(OTHER_ORDER, CHANGED_AT)).isEmpty();
	}

	@Test
	void aFirstListingsFaceValueIsItsPriceUnlessGiven() {
		assertThat(available().faceValue()).isEqualTo(4_500);
		assertThat(Ticket.list(TICKET, SELLER, LISTING, 4_000L, CAP, LISTED_AT).faceValue()).isEqualTo(4_000);
		assertThat(available().resoldFrom()).isNull();
	}

	@Test
	void aListingMayAskTheCapExactlyButNotOneMore() {
		Listing atCap = new Listing("Concert", 5_400, "EUR", null, null, null);
		Listing aboveCap = new Listing("Concert", 5_401, "EUR", null, null, null);

		assertThat(Ticket.list(TICKET, SELLER, atCap, 4_500L, CAP, LISTED_AT).listing().price()).isEqualTo(5_400);
		assertThatThrownBy(() -> Ticket.list(TICKET, SELLER, aboveCap, 4_500L, CAP, LISTED_AT))
			.isInstanceOf(PriceAboveCapException.class)
			.hasMessageContaining("at most 5400");
		assertThat(available().edit(atCap, CAP, CHANGED_AT).listing().price()).isEqualTo(5_400);
		assertThatThrownBy(() -> available().edit(aboveCap, CAP, CHANGED_AT))
			.isInstanceOf(PriceAboveCapException.class);
	}

	@Test
	void theCapRoundsDownToTheMinorUnit() {
		assertThat(new PriceCap(120).highestPrice(999)).isEqualTo(1_198);
		assertThat(new PriceCap(100).highestPrice(999)).isEqualTo(999);
		assertThat(new PriceCap(1000).highestPrice(100_000_000)).isEqualTo(1_000_000_000);
	}

	@Test
	void aCapBelowFaceValueOrAboveTenTimesIsNotASetting() {
		assertThatThrownBy(() -> new PriceCap(99)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PriceCap(1001)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void editingKeepsTheFaceValue() {
		Ticket ticket = Ticket.list(TICKET, SELLER, LISTING, 4_600L, CAP, LISTED_AT);
		assertThat(ticket.edit(CHANGED_LISTING, CAP, CHANGED_AT).faceValue()).isEqualTo(4_600);
	}

	@Test
	void aResaleCopiesWhatDescribesTheTicketAndTakesTheResellersPriceAndDescription() {
		Ticket resale = sold().resell(RESALE, SOMEONE_ELSE, 5_000, "Can't go", CAP, CHANGED_AT);

		assertThat(resale.id()).isEqualTo(RESALE);
		assertThat(resale.resoldFrom()).isEqualTo(TICKET);
		assertThat(resale.isResale()).isTrue();
		assertThat(resale.sellerId()).isEqualTo(SOMEONE_ELSE);
		assertThat(resale.faceValue()).isEqualTo(4_500);
		assertThat(resale.status()).isEqualTo(TicketStatus.AVAILABLE);
		assertThat(resale.version()).isEqualTo(1);
		assertThat(resale.listing())
			.isEqualTo(new Listing("Concert", 5_000, "EUR", "Can't go", "Arena", LISTING.eventAt()));
	}

	@Test
	void aResaleIsHeldToTheCapOfTheOriginalFaceValue() {
		assertThat(sold().resell(RESALE, SOMEONE_ELSE, 5_400, null, CAP, CHANGED_AT).listing().price())
			.isEqualTo(5_400);
		assertThatThrownBy(() -> sold().resell(RESALE, SOMEONE_ELSE, 5_401, null, CAP, CHANGED_AT))
			.isInstanceOf(PriceAboveCapException.class);
	}

	@Test
	void aTicketWhoseEventHasTakenPlaceCannotBeResold() {
		Instant eventAt = LISTING.eventAt();
		assertThatThrownBy(() -> sold().resell(RESALE, SOMEONE_ELSE, 4_500, null, CAP, eventAt))
			.isInstanceOf(EventOverException.class);
		assertThat(sold().resell(RESALE, SOMEONE_ELSE, 4_500, null, CAP, eventAt.minusMillis(1))).isNotNull();
	}

	@Test
	void aResaleListingChangesOnlyItsPriceAndDescription() {
		Ticket resale = sold().resell(RESALE, SOMEONE_ELSE, 5_000, null, CAP, CHANGED_AT);
		Listing repriced = new Listing("Concert", 4_800, "EUR", "Now cheaper", "Arena", LISTING.eventAt());

		assertThat(resale.edit(repriced, CAP, CHANGED_AT).listing()).isEqualTo(repriced);
		assertThatThrownBy(() -> resale.edit(CHANGED_LISTING, CAP, CHANGED_AT)).isInstanceOf(ResaleFixedException.class)
			.hasMessageContaining("title, currency, venue, eventAt")
			.extracting((ex) -> ((ResaleFixedException) ex).invalidFields().size())
			.isEqualTo(4);
	}

	private static Ticket sold() {
		return available().sell(ORDER, HELD_AT).orElseThrow();
	}

	private static void assertCarriedOver(Ticket ticket) {
		assertThat(ticket.id()).isEqualTo(TICKET);
		assertThat(ticket.sellerId()).isEqualTo(SELLER);
		assertThat(ticket.createdAt()).isEqualTo(LISTED_AT);
	}

	private static Ticket available() {
		return Ticket.list(TICKET, SELLER, LISTING, null, CAP, LISTED_AT);
	}

	/** A ticket in {@code status}, reached through its transitions (sold to ORDER). */
	private static Ticket inStatus(TicketStatus status) {
		return switch (status) {
			case AVAILABLE -> available();
			case RESERVED -> available().reserve(ORDER, HELD_AT).orElseThrow();
			case SOLD -> available().reserve(ORDER, HELD_AT).orElseThrow().sell(ORDER, HELD_AT).orElseThrow();
			case WITHDRAWN -> available().withdraw(HELD_AT);
		};
	}

}
