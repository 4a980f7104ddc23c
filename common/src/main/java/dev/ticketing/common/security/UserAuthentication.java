package dev.ticketing.common.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authentication made from a verified access token, remembering whether the token came
 * from the {@code session} cookie (ambient, so subject to the CSRF rule) or a Bearer
 * header.
 */
final class UserAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	private final boolean viaCookie;

	UserAuthentication(AuthenticatedUser user, boolean viaCookie) {
		super(List.of());
		this.user = user;
		this.viaCookie = viaCookie;
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

	boolean viaCookie() {
		return this.viaCookie;
	}

}
