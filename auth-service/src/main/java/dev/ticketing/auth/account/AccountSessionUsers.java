package dev.ticketing.auth.account;

import java.util.Optional;
import java.util.UUID;

import dev.ticketing.auth.session.SessionUser;
import dev.ticketing.auth.session.SessionUsers;

import org.springframework.stereotype.Component;

/**
 * Sessions find their accounts here.
 */
@Component
class AccountSessionUsers implements SessionUsers {

	private final UserRepository users;

	AccountSessionUsers(UserRepository users) {
		this.users = users;
	}

	@Override
	public Optional<SessionUser> find(UUID id) {
		return this.users.findById(id).map(User::asSessionUser);
	}

}
