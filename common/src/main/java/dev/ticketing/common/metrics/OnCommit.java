package dev.ticketing.common.metrics;

import io.micrometer.core.instrument.Counter;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts a change when the transaction that makes it commits, so a rolled-back order, a
 * retried event or a batch applied again one event at a time counts once or not at all.
 * Outside a transaction the counter is incremented at once.
 */
public final class OnCommit {

	private OnCommit() {
	}

	/** Adds 1 to {@code counter} once the current transaction commits. */
	public static void increment(Counter counter) {
		increment(counter, 1);
	}

	/** Adds {@code amount} to {@code counter} once the current transaction commits. */
	public static void increment(Counter counter, double amount) {
		if (amount == 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(amount);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment(amount);
			}
		});
	}

}
