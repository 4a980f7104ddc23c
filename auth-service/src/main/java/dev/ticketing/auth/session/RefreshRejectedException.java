package dev.ticketing.auth.session;

import dev.ticketing.common.web.ApiException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refresh without a usable refresh token. The response also clears both cookies: they
 * can no longer be used.
 */
class RefreshRejectedException extends ApiException {

	private final HttpHeaders clearCookies;

	RefreshRejectedException(HttpHeaders clearCookies) {
		super(HttpStatus.UNAUTHORIZED, "unauthenticated", "The refresh token is missing, expired or revoked.");
		this.clearCookies = clearCookies;
	}

	@Override
	public HttpHeaders headers() {
		return this.clearCookies;
	}

}
