package dev.ticketing.auth.account;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code invalid_credentials}: the same answer for an unknown email and a wrong password,
 * so that neither reveals which accounts exist.
 */
public class InvalidCredentialsException extends DomainException {

	public InvalidCredentialsException() {
		super("invalid_credentials", "The email or password is incorrect.");
	}

}
