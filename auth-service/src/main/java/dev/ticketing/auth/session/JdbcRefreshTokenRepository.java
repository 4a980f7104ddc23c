package dev.ticketing.auth.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRefreshTokenRepository implements RefreshTokenRepository {

	private final JdbcClient jdbc;

	JdbcRefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(RefreshToken token) {
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(token.id(), token.familyId(), token.userId(), token.tokenHash(), Timestamp.from(token.createdAt()),
					Timestamp.from(token.expiresAt()))
			.update();
	}

	@Override
	public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
		return this.jdbc.sql("""
				SELECT id, family_id, user_id, token_hash, created_at, expires_at, rotated_at, revoked_at
				FROM refresh_tokens WHERE token_hash = ? FOR UPDATE
				""").param(tokenHash).query(JdbcRefreshTokenRepository::map).optional();
	}

	@Override
	public void markRotated(UUID id, Instant at) {
		this.jdbc.sql("UPDATE refresh_tokens SET rotated_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	@Override
	public void revokeFamily(UUID familyId, Instant at) {
		this.jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(at), familyId)
			.update();
	}

	@Override
	public int deleteExpiredBefore(Instant instant) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < ?").param(Timestamp.from(instant)).update();
	}

	private static RefreshToken map(ResultSet rs, int row) throws SQLException {
		return new RefreshToken(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
				rs.getObject("user_id", UUID.class), rs.getBytes("token_hash"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				instant(rs, "rotated_at"), instant(rs, "revoked_at"));
	}

	/** A column that may be null: the token is not rotated or revoked yet. */
	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
