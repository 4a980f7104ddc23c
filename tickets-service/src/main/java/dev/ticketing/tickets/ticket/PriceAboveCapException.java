package dev.ticketing.tickets.ticket;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * {@code price_above_cap}: the price is above what the cap allows for the ticket's face
 * value; the detail names the highest price allowed.
 */
public class PriceAboveCapException extends DomainException {

	public PriceAboveCapException(long highest, long faceValue, String currency, int percent) {
		super("price_above_cap", "The price may be at most " + highest + " (" + currency + " minor units): " + percent
				+ " % of the face value " + faceValue + ".");
	}

	@Override
	public List<InvalidField> invalidFields() {
		return List.of(new InvalidField("price", "must not be above the price cap"));
	}

}
