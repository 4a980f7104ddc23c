package dev.ticketing.common.security;

/**
 * The roles an account may have (DESIGN §2, "Roles"), as carried in the access token's
 * {@code roles} claim. Require one on a route with Spring Security's {@code hasRole}.
 */
public final class Roles {

	/** May check tickets in at the door. */
	public static final String DOOR = "door";

	/** May refund a completed order and read ledger balances. */
	public static final String SUPPORT = "support";

	private Roles() {
	}

}
