package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code already_checked_in}: the pass was used at the door; the problem's
 * {@code checkedInAt} says when.
 */
public class AlreadyCheckedInException extends DomainException {

	private final Instant checkedInAt;

	public AlreadyCheckedInException(Instant checkedInAt) {
		super("already_checked_in",
				"This ticket was already checked in at " + checkedInAt.truncatedTo(ChronoUnit.SECONDS) + ".");
		this.checkedInAt = checkedInAt;
	}

	@Override
	public Map<String, Object> members() {
		return Map.of("checkedInAt", this.checkedInAt.toString());
	}

}
