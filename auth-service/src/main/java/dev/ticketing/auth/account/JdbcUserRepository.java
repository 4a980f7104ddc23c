package dev.ticketing.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserRepository implements UserRepository {

	private final JdbcClient jdbc;

	JdbcUserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(User user) {
		try {
			this.jdbc.sql("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")
				.params(user.id(), user.email(), user.passwordHash(), Timestamp.from(user.createdAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Besides the random id, the email is the only unique key.
			throw new EmailInUseException();
		}
	}

	@Override
	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("SELECT id, email, password_hash, created_at FROM users WHERE lower(email) = lower(?)")
			.param(email)
			.query(JdbcUserRepository::map)
			.optional();
	}

	@Override
	public Optional<User> findById(UUID id) {
		return this.jdbc.sql("SELECT id, email, password_hash, created_at FROM users WHERE id = ?")
			.param(id)
			.query(JdbcUserRepository::map)
			.optional();
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				rs.getTimestamp("created_at").toInstant());
	}

}
