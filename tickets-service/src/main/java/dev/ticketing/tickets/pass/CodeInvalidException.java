package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code code_invalid}: the text presented is not a pass code: malformed, badly signed,
 * signed by an unknown key, or for no pass.
 */
public class CodeInvalidException extends DomainException {

	public CodeInvalidException() {
		super("code_invalid", "This is not a valid ticket code.");
	}

}
