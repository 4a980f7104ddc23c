package dev.ticketing.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.auth.config.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions: an access token plus a refresh token that is rotated on every use. Presenting
 * a refresh token that was already rotated means it was copied, so the whole family
 * (every token descended from the same sign-in) is revoked and both holders must sign in
 * again.
 */
@Service
public class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final RefreshTokenRepository refreshTokens;

	private final SessionUsers users;

	private final AccessTokens accessTokens;

	private final Duration refreshTtl;

	private final Clock clock;

	SessionService(RefreshTokenRepository refreshTokens, SessionUsers users, AccessTokens accessTokens,
			AuthProperties properties, Clock clock) {
		this.refreshTokens = refreshTokens;
		this.users = users;
		this.accessTokens = accessTokens;
		this.refreshTtl = properties.refreshTokenTtl();
		this.clock = clock;
	}

	/**
	 * Starts a new session (a new refresh token family) for a user who just proved who
	 * they are.
	 */
	@Transactional
	public Session start(SessionUser user) {
		return issue(user, UUID.randomUUID(), this.clock.instant());
	}

	/**
	 * Exchanges a refresh token for a new session in the same family.
	 * @return empty when the token is unknown, expired, revoked or a reused (already
	 * rotated) one
	 */
	@Transactional
	public Optional<Session> refresh(String presentedToken) {
		Instant now = this.clock.instant();
		Optional<RefreshToken> found = this.refreshTokens.findByHashForUpdate(hash(presentedToken));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RefreshToken token = found.get();
		if (token.isRevoked() || token.isExpiredAt(now)) {
			return Optional.empty();
		}
		if (token.isRotated()) {
			log.warn("Refresh token reuse detected; revoking token family {} of user {}", token.familyId(),
					token.userId());
			this.refreshTokens.revokeFamily(token.familyId(), now);
			return Optional.empty();
		}
		this.refreshTokens.markRotated(token.id(), now);
		return this.users.find(token.userId()).map((user) -> issue(user, token.familyId(), now));
	}

	/** Ends the session the refresh token belongs to, if any. */
	@Transactional
	public void end(String presentedToken) {
		Instant now = this.clock.instant();
		this.refreshTokens.findByHashForUpdate(hash(presentedToken))
			.ifPresent((token) -> this.refreshTokens.revokeFamily(token.familyId(), now));
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void deleteExpiredTokens() {
		int deleted = this.refreshTokens.deleteExpiredBefore(this.clock.instant().minus(Duration.ofDays(1)));
		if (deleted > 0) {
			log.info("Deleted {} expired refresh tokens", deleted);
		}
	}

	private Session issue(SessionUser user, UUID familyId, Instant now) {
		byte[] value = new byte[TOKEN_BYTES];
		this.random.nextBytes(value);
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
		Instant expiresAt = now.plus(this.refreshTtl);
		this.refreshTokens.insert(new RefreshToken(UUID.randomUUID(), familyId, user.id(), hash(refreshToken), now,
				expiresAt, null, null));
		return new Session(user, this.accessTokens.issue(user), refreshToken);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
