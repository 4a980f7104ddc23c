package dev.ticketing.common.jwt;

import java.security.Key;
import java.security.PublicKey;

import io.jsonwebtoken.Header;
import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;

/**
 * Chooses the public key of a compact JWS by its {@code kid}, accepting only EdDSA over
 * Ed25519: for access tokens here, and for any other JWS a service verifies (pass codes).
 * Every refusal is an {@link InvalidTokenException}.
 */
public final class EdDsaKeyLocator extends LocatorAdapter<Key> {

	private final PublicKeyResolver keys;

	public EdDsaKeyLocator(PublicKeyResolver keys) {
		this.keys = keys;
	}

	@Override
	protected Key locate(ProtectedHeader header) {
		// Checked before any key is chosen, so neither "none" nor an HMAC algorithm
		// keyed with a public key can get as far as a signature check.
		if (!TokenClaims.ALGORITHM.equals(header.getAlgorithm())) {
			throw new InvalidTokenException("algorithm " + header.getAlgorithm() + " is not accepted");
		}
		String keyId = header.getKeyId();
		if (keyId == null) {
			throw new InvalidTokenException("token has no kid");
		}
		PublicKey key = this.keys.find(keyId).orElseThrow(() -> new InvalidTokenException("no key with kid " + keyId));
		if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
			throw new InvalidTokenException("key " + keyId + " is not an Ed25519 key");
		}
		return key;
	}

	@Override
	protected Key locate(JweHeader header) {
		throw new InvalidTokenException("encrypted tokens are not accepted");
	}

	@Override
	protected Key doLocate(Header header) {
		throw new InvalidTokenException("unsigned tokens are not accepted");
	}

}
