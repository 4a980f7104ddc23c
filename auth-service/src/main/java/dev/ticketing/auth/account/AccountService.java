package dev.ticketing.auth.account;

import java.time.Clock;
import java.util.UUID;

import dev.ticketing.auth.session.Session;
import dev.ticketing.auth.session.SessionService;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up and sign-in. Password hashing (deliberately slow) runs before any transaction
 * opens.
 */
@Service
class AccountService {

	private final UserRepository users;

	private final SessionService sessions;

	private final PasswordEncoder passwords;

	private final SigninThrottle throttle;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * Verified against when the email is unknown, so both failures cost the same time.
	 */
	private final String decoyHash;

	AccountService(UserRepository users, SessionService sessions, PasswordEncoder passwords, SigninThrottle throttle,
			TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.passwords = passwords;
		this.throttle = throttle;
		this.transactions = transactions;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	Session signup(Credentials credentials) {
		User user = new User(UUID.randomUUID(), credentials.email(), this.passwords.encode(credentials.password()),
				this.clock.instant());
		return this.transactions.execute((status) -> {
			this.users.insert(user);
			return this.sessions.start(user.asSessionUser());
		});
	}

	Session signin(Credentials credentials, String clientAddress) {
		this.throttle.admit(credentials.email(), clientAddress);
		User user = this.users.findByEmail(credentials.email()).orElse(null);
		String hash = (user != null) ? user.passwordHash() : this.decoyHash;
		boolean matches = this.passwords.matches(credentials.password(), hash);
		if (user == null || !matches) {
			this.throttle.failed(credentials.email(), clientAddress);
			throw new InvalidCredentialsException();
		}
		this.throttle.succeeded(credentials.email(), clientAddress);
		return this.sessions.start(user.asSessionUser());
	}

}
