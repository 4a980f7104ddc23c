package dev.ticketing.auth.account;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code email_in_use}: another account has this email, ignoring case.
 */
public class EmailInUseException extends DomainException {

	public EmailInUseException() {
		super("email_in_use", "An account with this email already exists.");
	}

}
