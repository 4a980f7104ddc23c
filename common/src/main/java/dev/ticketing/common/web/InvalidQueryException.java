package dev.ticketing.common.web;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * 400 {@code validation_failed}: query parameters common reads itself (paging) are not
 * acceptable.
 */
final class InvalidQueryException extends DomainException {

	private final List<InvalidField> fields;

	InvalidQueryException(List<InvalidField> fields) {
		super("validation_failed", "The request has invalid fields.");
		this.fields = List.copyOf(fields);
	}

	@Override
	public List<InvalidField> invalidFields() {
		return this.fields;
	}

}
