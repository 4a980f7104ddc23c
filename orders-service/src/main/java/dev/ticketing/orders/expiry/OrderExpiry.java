package dev.ticketing.orders.expiry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ticketing.orders.OrdersProperties;
import dev.ticketing.orders.order.OrderService;

/**
 * Cancels holds that ran out (reason {@code expired}) every expiry interval. The schedule
 * is the data: {@code created} orders past {@code expires_at} in the orders database, so
 * holds that ran out while the service was down are cancelled right after it starts, and
 * several instances share the work without cancelling an order twice
 * ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
public class OrderExpiry implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OrderExpiry.class);

	private final OrderService orders;

	private final OrdersProperties properties;

	/** Running from {@link #start()} to {@link #stop()}. */
	private volatile @Nullable ScheduledExecutorService scheduler;

	OrderExpiry(OrderService orders, OrdersProperties properties) {
		this.orders = orders;
		this.properties = properties;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("order-expiry").daemon().factory());
		this.scheduler = started;
		long interval = this.properties.expiryInterval().toMillis();
		started.scheduleWithFixedDelay(this::expireDue, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			running.awaitTermination(10, TimeUnit.SECONDS);
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

	void expireDue() {
		try {
			int expired;
			do {
				expired = this.orders.expireDue();
				if (expired > 0) {
					logger.info("Cancelled {} expired orders", expired);
				}
			}
			while (expired == this.properties.expiryBatchSize() && !stopping());
		}
		catch (RuntimeException ex) {
			logger.warn("Expiring orders failed; retrying in {}: {}", this.properties.expiryInterval(), ex.toString());
		}
	}

}
