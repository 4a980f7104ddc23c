package dev.ticketing.auth.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

import dev.ticketing.auth.config.AuthProperties;
import dev.ticketing.common.jwt.PublicKeyResolver;
import dev.ticketing.common.keys.Ed25519KeySet;
import dev.ticketing.common.keys.KeySource;

/**
 * The Ed25519 key that signs access tokens, and every public key the JWKS publishes (the
 * signing key's and those of previous keys still being retired). Only auth-service holds
 * a key that signs sessions.
 */
public final class SigningKeys implements PublicKeyResolver {

	private final Ed25519KeySet keys;

	private SigningKeys(Ed25519KeySet keys) {
		this.keys = keys;
	}

	/**
	 * Loads the key the configuration names; fails with a message saying what to set when
	 * there is none.
	 */
	public static SigningKeys load(AuthProperties.SigningKey config) {
		KeySource source = new KeySource(config.pem(), config.file(), config.generateFile(),
				config.previousPublicKeys());
		return new SigningKeys(Ed25519KeySet.load(source,
				"No signing key configured: set ticketing.auth.signing-key.pem (TICKETING_AUTH_SIGNING_KEY_PEM) to a "
						+ "PKCS#8 Ed25519 PEM, or ticketing.auth.signing-key.file to a file holding one"));
	}

	/** The private key that signs new tokens. */
	public PrivateKey signingKey() {
		return this.keys.signingKey();
	}

	/** The {@code kid} of the signing key. */
	public String signingKeyId() {
		return this.keys.signingKeyId();
	}

	@Override
	public Optional<PublicKey> find(String keyId) {
		return this.keys.find(keyId);
	}

	/** The JWK set of every published public key, as JSON members. */
	public Map<String, Object> jwkSet() {
		return this.keys.jwkSet();
	}

	static String pem(String type, byte[] der) {
		return Ed25519KeySet.pem(type, der);
	}

}
