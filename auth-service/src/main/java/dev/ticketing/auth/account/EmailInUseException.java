package dev.ticketing.auth.account;

import dev.ticketing.common.web.ApiException;

import org.springframework.http.HttpStatus;

public class EmailInUseException extends ApiException {

	public EmailInUseException() {
		super(HttpStatus.CONFLICT, "email_in_use", "An account with this email already exists.");
	}

}
