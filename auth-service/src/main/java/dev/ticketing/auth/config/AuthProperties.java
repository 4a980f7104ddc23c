package dev.ticketing.auth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * auth-service's settings ({@code ticketing.auth.*}), checked at start-up.
 *
 * @param accessTokenTtl lifetime of an access token and its {@code session} cookie
 * @param refreshTokenTtl lifetime of a refresh token and its {@code refresh} cookie
 * @param cookieSecure whether cookies carry {@code Secure} (on behind TLS, off for
 * plain-http local runs)
 * @param signingKey the signing key
 * @param signinLimits sign-in rate limits
 */
@Validated
@ConfigurationProperties("ticketing.auth")
public record AuthProperties(@DefaultValue("15m") @NotNull Duration accessTokenTtl,
		@DefaultValue("7d") @NotNull Duration refreshTokenTtl, @DefaultValue("false") boolean cookieSecure,
		@DefaultValue @Valid SigningKey signingKey, @DefaultValue @Valid SigninLimits signinLimits) {

	/**
	 * Where the Ed25519 signing key comes from: {@code pem} (a PKCS#8 PEM, e.g. from a
	 * Secret in an environment variable), else {@code file} (a mounted PEM file), else
	 * {@code generateFile} (local runs only: generated on first start and kept there).
	 * {@code previousPublicKeys} (SPKI PEMs) stay published in the JWKS after a rotation
	 * so tokens they signed keep working until they expire.
	 */
	public record SigningKey(String pem, Path file, Path generateFile, @DefaultValue List<String> previousPublicKeys) {
	}

	/**
	 * Sign-in limits. {@code perAddress}: attempts from one client address, whatever the
	 * account. {@code perAccountAndAddress}: failed attempts on one account from one
	 * address; an attacker exhausting it does not lock the real user, who signs in from
	 * another address. {@code perAccount}: failed attempts on one account from anywhere,
	 * a circuit breaker against distributed guessing. All three refill continuously, so
	 * no lock lasts longer than its window once the failures stop.
	 */
	public record SigninLimits(@DefaultValue("30/5m") @NotNull Limit perAddress,
			@DefaultValue("5/15m") @NotNull Limit perAccountAndAddress,
			@DefaultValue("50/1h") @NotNull Limit perAccount) {
	}

	/**
	 * {@code capacity} attempts per {@code window}, written {@code "5/15m"}.
	 */
	public record Limit(@Min(1) long capacity, @NotNull Duration window) {

		public static Limit parse(String text) {
			int slash = text.indexOf('/');
			if (slash < 1) {
				throw new IllegalArgumentException("a limit is written capacity/window, e.g. 5/15m: " + text);
			}
			long capacity = Long.parseLong(text.substring(0, slash).trim());
			String window = text.substring(slash + 1).trim();
			return new Limit(capacity, DurationStyle.detectAndParse(window));
		}

	}

}
