package dev.ticketing.common.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authentication made from a verified access token.
 */
final class UserAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	UserAuthentication(AuthenticatedUser user) {
		super(List.of());
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return this.user;
	}

}
