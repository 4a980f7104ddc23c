package dev.ticketing.payments.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.escrow.EscrowService;
import dev.ticketing.payments.payout.PayoutService;

/**
 * Every payout interval: releases the escrows that are due, makes the payouts that are
 * due, and sends the pending ones. The schedule is the data in the payments database, so
 * what fell due while the service was down is done right after it starts, and several
 * instances share the work ({@code FOR UPDATE SKIP LOCKED}, a lock per seller and
 * currency, leases on sending) without doing anything twice.
 */
@Component
class MoneyJobs implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MoneyJobs.class);

	private final EscrowService escrows;

	private final PayoutService payouts;

	private final PaymentsProperties.Payout settings;

	private volatile @Nullable ScheduledExecutorService scheduler;

	MoneyJobs(EscrowService escrows, PayoutService payouts, PaymentsProperties properties) {
		this.escrows = escrows;
		this.payouts = payouts;
		this.settings = properties.payout();
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("money-jobs").daemon().factory());
		this.scheduler = started;
		started.scheduleWithFixedDelay(this::runOnce, 0, this.settings.interval().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
				running.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	private boolean stopping() {
		ScheduledExecutorService running = this.scheduler;
		return running == null || running.isShutdown();
	}

	void runOnce() {
		try {
			int batch = this.settings.batchSize();
			while (this.escrows.releaseDue() == batch && !stopping()) {
				// A backlog: keep going.
			}
			while (this.payouts.makeDue() == batch && !stopping()) {
				// Likewise.
			}
			while (this.payouts.sendDue() == batch && !stopping()) {
				// Likewise.
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Moving sellers' money failed; retrying in {}: {}", this.settings.interval(), ex.toString());
		}
	}

}
