package dev.ticketing.auth.account;

import dev.ticketing.common.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The same answer for an unknown email and a wrong password, so that neither reveals
 * which accounts exist.
 */
public class InvalidCredentialsException extends ApiException {

	public InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The email or password is incorrect.");
	}

}
