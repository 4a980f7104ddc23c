package dev.ticketing.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
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
		return this.jdbc
			.sql("SELECT id, email, password_hash, created_at, roles FROM users WHERE lower(email) = lower(?)")
			.param(email)
			.query(JdbcUserRepository::map)
			.optional();
	}

	@Override
	public Optional<User> findById(UUID id) {
		return this.jdbc.sql("SELECT id, email, password_hash, created_at, roles FROM users WHERE id = ?")
			.param(id)
			.query(JdbcUserRepository::map)
			.optional();
	}

	@Override
	public boolean addRole(UUID id, String role) {
		// The condition is checked again on the locked row, so a concurrent grant of the
		// same role changes nothing instead of storing it twice.
		return this.jdbc
			.sql("UPDATE users SET roles = array_append(roles, ?::text) WHERE id = ? AND NOT (?::text = ANY (roles))")
			.params(role, id, role)
			.update() == 1;
	}

	@Override
	public boolean removeRole(UUID id, String role) {
		return this.jdbc
			.sql("UPDATE users SET roles = array_remove(roles, ?::text) WHERE id = ? AND ?::text = ANY (roles)")
			.params(role, id, role)
			.update() == 1;
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		String[] roles = (String[]) rs.getArray("roles").getArray();
		return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				rs.getTimestamp("created_at").toInstant(), Set.copyOf(Arrays.asList(roles)));
	}

}
