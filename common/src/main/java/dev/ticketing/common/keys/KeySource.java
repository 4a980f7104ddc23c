package dev.ticketing.common.keys;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an Ed25519 private key comes from: {@code pem} (a PKCS#8 PEM, e.g. from a Secret
 * in an environment variable), else {@code file} (a mounted PEM file), else
 * {@code generateFile} (local runs only: generated on first start and kept there).
 * {@code previousPublicKeys} (SPKI PEMs) stay published after a rotation, so what the
 * retired keys signed keeps verifying.
 *
 * @param pem the private key as PEM text
 * @param file a file holding the private key
 * @param generateFile a file to keep a generated key in
 * @param previousPublicKeys public keys of retired private keys
 */
public record KeySource(@Nullable String pem, @Nullable Path file, @Nullable Path generateFile,
		List<String> previousPublicKeys) {

	public KeySource {
		previousPublicKeys = (previousPublicKeys != null) ? List.copyOf(previousPublicKeys) : List.of();
	}

}
