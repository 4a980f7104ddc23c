package dev.ticketing.auth.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.auth.session.SessionUser;

import static org.assertj.core.api.Assertions.assertThat;

class UserTests {

	private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	@Test
	void aSessionKnowsTheAccountByItsIdAndEmailAsTyped() {
		User user = new User(ID, "Ada.Lovelace@Example.COM", "{bcrypt}$2a$10$hash",
				Instant.parse("2030-06-01T12:00:00Z"));
		assertThat(user.asSessionUser()).isEqualTo(new SessionUser(ID, "Ada.Lovelace@Example.COM", Set.of()));
	}

	@Test
	void aNewAccountHasNoRoles() {
		User user = new User(ID, "ada@example.com", "hash", Instant.parse("2030-06-01T12:00:00Z"));

		assertThat(user.roles()).isEmpty();
	}

	@Test
	void aSessionKnowsTheAccountsRoles() {
		User user = new User(ID, "ada@example.com", "hash", Instant.parse("2030-06-01T12:00:00Z"),
				Set.of("support", "door"));

		assertThat(user.asSessionUser().roles()).containsExactlyInAnyOrder("door", "support");
	}

}
