package dev.ticketing.tickets.ticket;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * {@code resale_fixed}: an edit of a resale listing changes what describes the ticket
 * itself; only the price and the description are the reseller's to change.
 */
public class ResaleFixedException extends DomainException {

	private final List<String> fields;

	public ResaleFixedException(List<String> fields) {
		super("resale_fixed", "A resale listing's " + String.join(", ", fields)
				+ " must stay as the original listing's; only price and description can change.");
		this.fields = List.copyOf(fields);
	}

	@Override
	public List<InvalidField> invalidFields() {
		return this.fields.stream()
			.map((field) -> new InvalidField(field, "must stay as the original listing's"))
			.toList();
	}

}
