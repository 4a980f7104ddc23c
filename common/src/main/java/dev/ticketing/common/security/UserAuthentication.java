package dev.ticketing.common.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authentication made from a verified access token. Each role is the authority
 * {@code ROLE_<role>}, which is what {@code hasRole(role)} looks for.
 */
final class UserAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	UserAuthentication(AuthenticatedUser user) {
		super(authorities(user));
		this.user = user;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(AuthenticatedUser user) {
		return user.roles()
			.stream()
			.sorted()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
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
