package dev.ticketing.payments.ledger;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JournalTests {

	private static final UUID ORDER = UUID.randomUUID();

	private static final UUID SELLER = UUID.randomUUID();

	private static final UUID PAYMENT = UUID.randomUUID();

	private static long sum(Journal journal) {
		return journal.entries().stream().mapToLong(Entry::amount).sum();
	}

	@Test
	void aChargeMovesTheMoneyFromTheProviderIntoTheOrdersEscrow() {
		Journal charge = Journal.charge(PAYMENT, ORDER, 12_500, "EUR");

		assertThat(charge.kind()).isEqualTo(JournalKind.CHARGE);
		assertThat(charge.reference()).isEqualTo(PAYMENT);
		assertThat(charge.entries()).containsExactly(new Entry(Account.PROVIDER_CASH, null, "EUR", 12_500),
				new Entry(Account.ESCROW, ORDER, "EUR", -12_500));
	}

	@Test
	void aReleaseSplitsTheEscrowBetweenTheSellerAndTheFees() {
		Journal release = Journal.release(ORDER, SELLER, 12_500, 625, "EUR");

		assertThat(release.entries()).containsExactly(new Entry(Account.ESCROW, ORDER, "EUR", 12_500),
				new Entry(Account.SELLER_PAYABLE, SELLER, "EUR", -11_875),
				new Entry(Account.PLATFORM_FEES, null, "EUR", -625));
		assertThat(sum(release)).isZero();
	}

	@Test
	void aReleaseWithoutAFeeHasNoFeeEntry() {
		assertThat(Journal.release(ORDER, SELLER, 9, 0, "JPY").entries()).hasSize(2);
	}

	@Test
	void aRefundAfterTheReleaseTakesTheMoneyFromTheSellerAndTheFees() {
		Journal refund = Journal.refundAfterRelease(PAYMENT, SELLER, 12_500, 625, "EUR");

		assertThat(refund.entries()).containsExactly(new Entry(Account.SELLER_PAYABLE, SELLER, "EUR", 11_875),
				new Entry(Account.PLATFORM_FEES, null, "EUR", 625),
				new Entry(Account.PROVIDER_CASH, null, "EUR", -12_500));
	}

	@Test
	void aFailedPayoutsReversalUndoesThePayout() {
		UUID payout = UUID.randomUUID();
		Journal paid = Journal.payout(payout, SELLER, 500, "BHD");
		Journal reversed = Journal.payoutReversal(payout, SELLER, 500, "BHD");

		assertThat(reversed.kind()).isEqualTo(JournalKind.PAYOUT_REVERSAL);
		assertThat(reversed.entries()).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(reversed.entries().get(i).amount()).isEqualTo(-paid.entries().get(i).amount());
		}
	}

	@Test
	void aMovementOfNothingIsEmpty() {
		assertThat(Journal.charge(PAYMENT, ORDER, 0, "EUR").isEmpty()).isTrue();
	}

	@Test
	void refusesEntriesThatDoNotBalance() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new Journal(JournalKind.CHARGE, PAYMENT,
							List.of(new Entry(Account.PROVIDER_CASH, null, "EUR", 100),
									new Entry(Account.ESCROW, ORDER, "EUR", -99))))
			.withMessageContaining("off by 1 EUR");
	}

	@Test
	void refusesEntriesThatBalanceOnlyAcrossCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Journal(JournalKind.CHARGE, PAYMENT, List
			.of(new Entry(Account.PROVIDER_CASH, null, "EUR", 100), new Entry(Account.ESCROW, ORDER, "USD", -100))));
	}

	@Test
	void refusesAnOwnerOnThePlatformsAccountsAndNoneOnOwnedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Entry(Account.PLATFORM_FEES, SELLER, "EUR", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Entry(Account.SELLER_PAYABLE, null, "EUR", 1));
	}

}
