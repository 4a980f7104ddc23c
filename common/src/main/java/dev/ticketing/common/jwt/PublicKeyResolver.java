package dev.ticketing.common.jwt;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Finds the public key that verifies tokens signed under a key id ({@code kid}).
 */
@FunctionalInterface
public interface PublicKeyResolver {

	/**
	 * @param keyId the {@code kid} header of a token
	 * @return the Ed25519 public key published under that id, or empty when none is known
	 */
	Optional<PublicKey> find(String keyId);

}
