package dev.ticketing.payments.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One movement of money: entries that sum to 0 in each currency. The factory methods are
 * the movements DESIGN §2 ("Money") names; an entry of 0 is left out, and a movement of
 * nothing (a free ticket) has no entries and is not journaled.
 *
 * @param kind what it records
 * @param reference the payment, order or payout it is about
 * @param entries its lines
 */
public record Journal(JournalKind kind, UUID reference, List<Entry> entries) {

	public Journal {
		entries = entries.stream().filter((entry) -> entry.amount() != 0).toList();
		Map<String, Long> sums = new TreeMap<>();
		for (Entry entry : entries) {
			sums.merge(entry.currency(), entry.amount(), Math::addExact);
		}
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				throw new IllegalArgumentException(
						kind.value() + " journal of " + reference + " is off by " + sum + " " + currency);
			}
		});
	}

	/** Whether it moves nothing. */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/** A charge: the buyer's money arrives at the provider and is held for the order. */
	public static Journal charge(UUID paymentId, UUID orderId, long amount, String currency) {
		return new Journal(JournalKind.CHARGE, paymentId,
				List.of(new Entry(Account.PROVIDER_CASH, null, currency, amount),
						new Entry(Account.ESCROW, orderId, currency, -amount)));
	}

	/** A release: the order's escrow goes to its seller, the fee to the platform. */
	public static Journal release(UUID orderId, UUID sellerId, long amount, long fee, String currency) {
		return new Journal(JournalKind.RELEASE, orderId,
				List.of(new Entry(Account.ESCROW, orderId, currency, amount),
						new Entry(Account.SELLER_PAYABLE, sellerId, currency, -(amount - fee)),
						new Entry(Account.PLATFORM_FEES, null, currency, -fee)));
	}

	/** A refund before the release: the money leaves the order's escrow. */
	public static Journal refundFromEscrow(UUID paymentId, UUID orderId, long amount, String currency) {
		return new Journal(JournalKind.REFUND, paymentId, List.of(new Entry(Account.ESCROW, orderId, currency, amount),
				new Entry(Account.PROVIDER_CASH, null, currency, -amount)));
	}

	/**
	 * A refund after the release: the money comes out of the seller's payable (which may
	 * go negative) and the platform's fees.
	 */
	public static Journal refundAfterRelease(UUID paymentId, UUID sellerId, long amount, long fee, String currency) {
		return new Journal(JournalKind.REFUND, paymentId,
				List.of(new Entry(Account.SELLER_PAYABLE, sellerId, currency, amount - fee),
						new Entry(Account.PLATFORM_FEES, null, currency, fee),
						new Entry(Account.PROVIDER_CASH, null, currency, -amount)));
	}

	/** A payout: the seller's payable leaves through the payout provider. */
	public static Journal payout(UUID payoutId, UUID sellerId, long amount, String currency) {
		return new Journal(JournalKind.PAYOUT, payoutId,
				List.of(new Entry(Account.SELLER_PAYABLE, sellerId, currency, amount),
						new Entry(Account.PROVIDER_CASH, null, currency, -amount)));
	}

	/** A failed payout undone: the money is the seller's to be paid again. */
	public static Journal payoutReversal(UUID payoutId, UUID sellerId, long amount, String currency) {
		return inverse(JournalKind.PAYOUT_REVERSAL, payout(payoutId, sellerId, amount, currency));
	}

	/** Money taken back from a seller's transfer: it no longer owes it. */
	public static Journal transferReversal(UUID paymentId, UUID sellerId, long amount, String currency) {
		return new Journal(JournalKind.TRANSFER_REVERSAL, paymentId,
				List.of(new Entry(Account.PROVIDER_CASH, null, currency, amount),
						new Entry(Account.SELLER_PAYABLE, sellerId, currency, -amount)));
	}

	private static Journal inverse(JournalKind kind, Journal journal) {
		List<Entry> inverted = new ArrayList<>();
		for (Entry entry : journal.entries()) {
			inverted.add(new Entry(entry.account(), entry.owner(), entry.currency(), -entry.amount()));
		}
		return new Journal(kind, journal.reference(), inverted);
	}

}
