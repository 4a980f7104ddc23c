package dev.ticketing.common.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ticketing.common.jwt.PublicKeyResolver;

/**
 * An Ed25519 key that signs, and every public key its JWKS publishes (the signing key's
 * and those of previous keys still being retired). Key ids are RFC 7638 thumbprints, so
 * the same key always has the same {@code kid}. auth-service signs access tokens with
 * one, tickets-service pass codes with another; no other service holds a private key.
 */
public final class Ed25519KeySet implements PublicKeyResolver {

	private static final Logger log = LoggerFactory.getLogger(Ed25519KeySet.class);

	/** DER of an Ed25519 SubjectPublicKeyInfo up to the 32 key bytes (RFC 8410). */
	private static final byte[] ED25519_SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
			0x21, 0x00 };

	private final PrivateKey signingKey;

	private final String signingKeyId;

	private final Map<String, PublicJwk<PublicKey>> publishedKeys;

	Ed25519KeySet(PrivateKey signingKey, PublicKey signingPublicKey, List<PublicKey> previousKeys) {
		this.signingKey = signingKey;
		Map<String, PublicJwk<PublicKey>> published = new LinkedHashMap<>();
		PublicJwk<PublicKey> current = toJwk(signingPublicKey);
		published.put(current.getId(), current);
		for (PublicKey previous : previousKeys) {
			PublicJwk<PublicKey> jwk = toJwk(previous);
			published.putIfAbsent(jwk.getId(), jwk);
		}
		this.signingKeyId = current.getId();
		this.publishedKeys = Collections.unmodifiableMap(published);
	}

	/**
	 * Loads the key the source names.
	 * @param missing what to say when the source names none: which settings to set
	 */
	public static Ed25519KeySet load(KeySource source, String missing) {
		List<PublicKey> previous = new ArrayList<>();
		for (String pem : source.previousPublicKeys()) {
			previous.add(publicKeyFromPem(pem));
		}
		PrivateKey privateKey;
		if (source.pem() != null && !source.pem().isBlank()) {
			privateKey = privateKeyFromPem(source.pem());
		}
		else if (source.file() != null) {
			privateKey = privateKeyFromPem(read(source.file()));
		}
		else if (source.generateFile() != null) {
			privateKey = loadOrGenerate(source.generateFile());
		}
		else {
			throw new IllegalStateException(missing + " (create a key with: openssl genpkey -algorithm ed25519)");
		}
		return new Ed25519KeySet(privateKey, publicKeyOf(privateKey), previous);
	}

	/** The private key that signs. */
	public PrivateKey signingKey() {
		return this.signingKey;
	}

	/** The {@code kid} of the signing key. */
	public String signingKeyId() {
		return this.signingKeyId;
	}

	@Override
	public Optional<PublicKey> find(String keyId) {
		return Optional.ofNullable(this.publishedKeys.get(keyId)).map(PublicJwk::toKey);
	}

	/** The JWK set of every published public key, as JSON members. */
	public Map<String, Object> jwkSet() {
		List<Map<String, Object>> keys = new ArrayList<>();
		for (PublicJwk<PublicKey> jwk : this.publishedKeys.values()) {
			keys.add(new LinkedHashMap<>(jwk));
		}
		return Map.of("keys", keys);
	}

	private static PublicJwk<PublicKey> toJwk(PublicKey key) {
		return Jwks.builder().key(key).algorithm("EdDSA").publicKeyUse("sig").idFromThumbprint().build();
	}

	/**
	 * The key in {@code file}, generated there first if there is none. Several instances
	 * of a service may start at once on one state directory (bin/run --scaled): the key
	 * is written whole to a file of this process's own and then linked into place, which
	 * fails if another process got there first, so every instance ends up with the one
	 * key that was published and none reads a half-written file.
	 */
	private static PrivateKey loadOrGenerate(Path file) {
		if (Files.exists(file)) {
			return privateKeyFromPem(read(file));
		}
		Path written = null;
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			written = Files.createTempFile(directory, "." + file.getFileName() + "-", ".tmp");
			try {
				Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system; nothing more to restrict.
			}
			Files.writeString(written, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII,
					StandardOpenOption.WRITE, StandardOpenOption.SYNC);
			try {
				Files.createLink(file, written);
			}
			catch (FileAlreadyExistsException ex) {
				// Another instance published its key first: that one is the service's.
				return privateKeyFromPem(read(file));
			}
			log.info("Generated a new Ed25519 key in {}", file);
			return pair.getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available in this JDK", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the key to " + file, ex);
		}
		finally {
			if (written != null) {
				try {
					Files.deleteIfExists(written);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}: {}", written, ex.toString());
				}
			}
		}
	}

	public static PrivateKey privateKeyFromPem(String pem) {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(derFromPem(pem, "PRIVATE KEY")));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The key is not a PKCS#8 Ed25519 private key in PEM form", ex);
		}
	}

	public static PublicKey publicKeyFromPem(String pem) {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(derFromPem(pem, "PUBLIC KEY")));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A previous public key is not an Ed25519 public key in PEM form", ex);
		}
	}

	/**
	 * The JDK cannot derive an Ed25519 public key from a private one, so Bouncy Castle's
	 * lightweight API does the point multiplication; the result is a plain JDK key.
	 */
	public static PublicKey publicKeyOf(PrivateKey privateKey) {
		try {
			byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
				.orElseThrow(() -> new IllegalStateException("The private key does not expose its seed"));
			byte[] publicBytes = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
			byte[] spki = new byte[ED25519_SPKI_PREFIX.length + publicBytes.length];
			System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
			System.arraycopy(publicBytes, 0, spki, ED25519_SPKI_PREFIX.length, publicBytes.length);
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not derive the public key of the private key", ex);
		}
	}

	/** PEM text of DER bytes, e.g. {@code pem("PRIVATE KEY", key.getEncoded())}. */
	public static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static byte[] derFromPem(String pem, String type) {
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("no " + type + " block");
		}
		String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the key from " + file, ex);
		}
	}

}
