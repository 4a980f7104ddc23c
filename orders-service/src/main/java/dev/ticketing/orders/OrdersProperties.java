package dev.ticketing.orders;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketing.orders.*}.
 *
 * @param holdWindow how long an order holds its ticket awaiting payment
 * ({@code ORDERS_HOLD_WINDOW}, an ISO-8601 duration such as {@code PT15M})
 * @param expiryInterval how often holds past their window are looked for
 * ({@code ORDERS_EXPIRY_INTERVAL})
 * @param expiryBatchSize holds expired per transaction
 */
@ConfigurationProperties("ticketing.orders")
@Validated
public record OrdersProperties(@DefaultValue("PT15M") @NotNull Duration holdWindow,
		@DefaultValue("PT1S") @NotNull Duration expiryInterval,
		@DefaultValue("100") @Min(1) @Max(1000) int expiryBatchSize) {

	public OrdersProperties {
		if (holdWindow != null && (holdWindow.isNegative() || holdWindow.isZero())) {
			throw new IllegalArgumentException("ticketing.orders.hold-window must be positive, was " + holdWindow);
		}
		if (expiryInterval != null && (expiryInterval.isNegative() || expiryInterval.isZero())) {
			throw new IllegalArgumentException(
					"ticketing.orders.expiry-interval must be positive, was " + expiryInterval);
		}
	}

}
