package dev.ticketing.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Map;

import dev.ticketing.auth.config.AuthProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@TempDir
	Path dir;

	@Test
	void loadsAPkcs8PemAndDerivesItsPublicKey() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String pem = SigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());

		SigningKeys keys = SigningKeys.load(new AuthProperties.SigningKey(pem, null, null, List.of()));

		assertThat(keys.find(keys.signingKeyId())).hasValue(pair.getPublic());
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(keys.signingKey());
		signer.update(new byte[] { 1, 2, 3 });
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(keys.find(keys.signingKeyId()).orElseThrow());
		verifier.update(new byte[] { 1, 2, 3 });
		assertThat(verifier.verify(signature)).isTrue();
	}

	@Test
	void loadsTheKeyFromAFile() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path file = this.dir.resolve("key.pem");
		Files.writeString(file, SigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		SigningKeys keys = SigningKeys.load(new AuthProperties.SigningKey(null, file, null, List.of()));

		assertThat(keys.find(keys.signingKeyId())).hasValue(pair.getPublic());
	}

	@Test
	void generatesALocalKeyOnceAndKeepsItAcrossRestarts() throws Exception {
		Path file = this.dir.resolve("state/auth/signing-key.pem");
		AuthProperties.SigningKey config = new AuthProperties.SigningKey(null, null, file, List.of());

		SigningKeys first = SigningKeys.load(config);
		SigningKeys afterRestart = SigningKeys.load(config);

		assertThat(file).exists();
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
		assertThat(afterRestart.signingKeyId()).isEqualTo(first.signingKeyId());
		assertThat(afterRestart.signingKey()).isEqualTo(first.signingKey());
	}

	@Test
	void publishesPreviousKeysForRotationButSignsWithTheCurrentOne() throws Exception {
		KeyPair current = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		KeyPair previous = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		SigningKeys keys = SigningKeys
			.load(new AuthProperties.SigningKey(SigningKeys.pem("PRIVATE KEY", current.getPrivate().getEncoded()), null,
					null, List.of(SigningKeys.pem("PUBLIC KEY", previous.getPublic().getEncoded()))));

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> published = (List<Map<String, Object>>) keys.jwkSet().get("keys");

		assertThat(published).hasSize(2);
		assertThat(published).allSatisfy((jwk) -> assertThat(jwk).doesNotContainKey("d"));
		assertThat(published.get(0).get("kid")).isEqualTo(keys.signingKeyId());
		String previousKid = (String) published.get(1).get("kid");
		assertThat(keys.find(previousKid)).hasValue(previous.getPublic());
		assertThat(keys.signingKey()).isEqualTo(current.getPrivate());
	}

	@Test
	void keyIdIsTheStableThumbprintOfThePublicKey() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String pem = SigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
		AuthProperties.SigningKey config = new AuthProperties.SigningKey(pem, null, null, List.of());
		assertThat(SigningKeys.load(config).signingKeyId()).isEqualTo(SigningKeys.load(config).signingKeyId())
			.hasSize(43);
	}

	@Test
	void refusesToStartWithoutAKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.load(new AuthProperties.SigningKey(null, null, null, List.of())))
			.withMessageContaining("TICKETING_AUTH_SIGNING_KEY_PEM");
	}

	@Test
	void refusesAKeyThatIsNotEd25519() throws Exception {
		KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String pem = SigningKeys.pem("PRIVATE KEY", rsa.getPrivate().getEncoded());
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.load(new AuthProperties.SigningKey(pem, null, null, List.of())))
			.withMessageContaining("Ed25519");
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.load(new AuthProperties.SigningKey("garbage", null, null, List.of())))
			.withMessageContaining("PEM");
	}

}
