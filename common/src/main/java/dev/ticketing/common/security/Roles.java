package dev.ticketing.common.security;

/**
 * The roles an account can hold (DESIGN §2, "Roles"), as the access token's {@code roles}
 * claim names them. A route requires one with Spring Security's {@code hasRole}, for
 * example {@code routes.requestMatchers(HttpMethod.POST, "/api/tickets/checkins")
 * .hasRole(Roles.DOOR)}: a signed-in user without it gets 403 {@code forbidden}.
 */
public final class Roles {

	/** May check tickets in at the door. */
	public static final String DOOR = "door";

	/** May refund a completed order and read the ledger's balances. */
	public static final String SUPPORT = "support";

	private Roles() {
	}

}
