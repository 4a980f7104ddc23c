package dev.ticketing.auth.roles;

/**
 * No account has the email given.
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String email) {
		super("no account has the email " + email);
	}

}
