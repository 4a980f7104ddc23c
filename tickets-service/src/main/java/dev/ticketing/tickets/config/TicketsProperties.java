package dev.ticketing.tickets.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.ticketing.tickets.ticket.CountCap;
import dev.ticketing.tickets.ticket.PriceCap;

/**
 * {@code ticketing.tickets.*}.
 *
 * @param priceCapPercent every listing's price is at most this percentage of its face
 * value ({@code TICKETS_PRICE_CAP_PERCENT}, 100–1000, default 120)
 * @param countCap how many matching listings {@code GET /api/tickets} counts exactly
 * before its total becomes a lower bound ({@code TICKETS_COUNT_CAP}, 1–100000, default
 * 1000)
 * @param passKey the Ed25519 key that signs pass codes
 */
@ConfigurationProperties("ticketing.tickets")
@Validated
public record TicketsProperties(@DefaultValue("120") @Min(100) @Max(PriceCap.MAX_PERCENT) int priceCapPercent,
		@DefaultValue("1000") @Min(1) @Max(CountCap.MAX_LISTINGS) int countCap, @DefaultValue @Valid PassKey passKey) {

	/**
	 * Where the pass key comes from, as auth's signing key: {@code pem}
	 * ({@code TICKETING_TICKETS_PASS_KEY_PEM}), else {@code file} (a mounted Secret),
	 * else {@code generateFile} (local runs: generated on first start and kept there).
	 * {@code previousPublicKeys} stay in the JWKS after a rotation, so codes already
	 * issued keep verifying.
	 */
	public record PassKey(@Nullable String pem, @Nullable Path file, @Nullable Path generateFile,
			@DefaultValue List<String> previousPublicKeys) {
	}

}
