package dev.ticketing.tickets.pass;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.ticketing.common.keys.Ed25519KeySet;
import dev.ticketing.common.keys.KeySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PassCodes} (DESIGN §2, "Pass"): a code is a compact JWS, EdDSA with header
 * {@code kid}, over exactly {@code {pid, tid, iat}}; what reads is only what one of the
 * published pass keys signed, and anything else is {@code code_invalid}.
 */
class PassCodesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID PASS = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	private static final Instant ISSUED_AT = Instant.parse("2030-06-01T12:00:00.654321Z");

	private final KeyPair key = generate();

	private final Ed25519KeySet keys = keySet(this.key.getPrivate());

	private final PassCodes codes = new PassCodes(this.keys);

	@Test
	void aSignedCodeReadsAsItsPassAndTicket() {
		String code = this.codes.sign(PASS, TICKET, ISSUED_AT);

		assertThat(this.codes.read(code)).isEqualTo(new PassCodes.PassClaims(PASS, TICKET));
	}

	@Test
	void aCodeIsACompactJwsWhoseHeaderNamesTheSigningKeyAndEdDsa() {
		String[] parts = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.", -1);

		assertThat(parts).hasSize(3);
		assertThat(parts[2]).isNotEmpty();
		assertThat(decode(parts[0])).containsOnlyKeys("kid", "alg")
			.containsEntry("kid", this.keys.signingKeyId())
			.containsEntry("alg", "EdDSA");
	}

	@Test
	void aCodeSaysExactlyPidTidAndIatToTheSecond() {
		String[] parts = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.");

		Map<String, Object> payload = decode(parts[1]);
		assertThat(payload).containsOnlyKeys("pid", "tid", "iat")
			.containsEntry("pid", PASS.toString())
			.containsEntry("tid", TICKET.toString());
		assertThat(payload.get("iat")).isInstanceOfSatisfying(Number.class,
				(iat) -> assertThat(iat.longValue()).isEqualTo(ISSUED_AT.getEpochSecond()));
	}

	@Test
	void aCodeStaysFarShorterThanTheLongestCodeRead() {
		assertThat(this.codes.sign(PASS, TICKET, ISSUED_AT)).hasSizeLessThan(PassCodes.MAX_LENGTH / 2);
	}

	@Test
	void aCodeSignedByAnotherKeyUnderTheSameKidIsInvalid() {
		String forged = builder(this.keys.signingKeyId()).signWith(generate().getPrivate(), Jwts.SIG.EdDSA).compact();

		assertInvalid(forged);
	}

	@Test
	void aCodeWhosePayloadWasChangedIsInvalid() {
		String[] parts = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.");
		String otherPass = encode("{\"pid\":\"" + UUID.randomUUID() + "\",\"tid\":\"" + TICKET + "\",\"iat\":"
				+ ISSUED_AT.getEpochSecond() + "}");

		assertInvalid(parts[0] + "." + otherPass + "." + parts[2]);
	}

	@Test
	void aCodeWhoseSignatureWasChangedIsInvalid() {
		String[] parts = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.");
		byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
		signature[0] ^= 1;

		assertInvalid(
				parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
	}

	@Test
	void anUnsignedCodeIsInvalid() {
		String payload = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.")[1];
		String header = encode("{\"alg\":\"none\",\"kid\":\"" + this.keys.signingKeyId() + "\"}");

		assertInvalid(header + "." + payload + ".");
		assertInvalid(header + "." + payload);
	}

	@Test
	void aCodeWithAGenuineSignatureUnderAlgNoneIsInvalid() {
		String[] parts = this.codes.sign(PASS, TICKET, ISSUED_AT).split("\\.");
		String header = encode("{\"alg\":\"none\",\"kid\":\"" + this.keys.signingKeyId() + "\"}");

		assertInvalid(header + "." + parts[1] + "." + parts[2]);
	}

	@Test
	void anHmacCodeIsInvalid() {
		assertInvalid(builder(this.keys.signingKeyId()).signWith(Jwts.SIG.HS256.key().build()).compact());
	}

	@Test
	void anHmacCodeKeyedWithThePublicKeyIsInvalid() {
		byte[] publicKey = this.key.getPublic().getEncoded();
		byte[] secret = new byte[64];
		for (int i = 0; i < secret.length; i++) {
			secret[i] = publicKey[i % publicKey.length];
		}
		String hmac = builder(this.keys.signingKeyId())
			.signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256)
			.compact();

		assertInvalid(hmac);
	}

	@Test
	void anEncryptedCodeIsInvalid() {
		String jwe = builder(this.keys.signingKeyId()).encryptWith(Jwts.ENC.A128GCM.key().build(), Jwts.ENC.A128GCM)
			.compact();

		assertInvalid(jwe);
	}

	@Test
	void aCodeUnderAnotherEdDsaKeyWithItsOwnKidIsInvalid() {
		Ed25519KeySet other = keySet(generate().getPrivate());

		assertInvalid(new PassCodes(other).sign(PASS, TICKET, ISSUED_AT));
	}

	@Test
	void aCodeSignedWithThisKeyButAnUnknownKidOrNoneIsInvalid() {
		assertInvalid(builder("unknown").signWith(this.key.getPrivate(), Jwts.SIG.EdDSA).compact());
		assertInvalid(Jwts.builder()
			.claim("pid", PASS.toString())
			.claim("tid", TICKET.toString())
			.signWith(this.key.getPrivate(), Jwts.SIG.EdDSA)
			.compact());
	}

	@Test
	void aGenuinelySignedCodeWhosePidOrTidIsNotAUuidIsInvalid() {
		assertInvalid(signed((claims) -> claims.claim("pid", "not-a-uuid").claim("tid", TICKET.toString())));
		assertInvalid(signed((claims) -> claims.claim("pid", PASS.toString()).claim("tid", "not-a-uuid")));
		assertInvalid(signed((claims) -> claims.claim("pid", "").claim("tid", TICKET.toString())));
		assertInvalid(signed((claims) -> claims.claim("pid", 42).claim("tid", TICKET.toString())));
		assertInvalid(
				signed((claims) -> claims.claim("pid", PASS.toString()).claim("tid", List.of(TICKET.toString()))));
		assertInvalid(
				signed((claims) -> claims.claim("pid", Map.of("id", PASS.toString())).claim("tid", TICKET.toString())));
	}

	@Test
	void aGenuinelySignedCodeWithoutPidOrTidIsInvalid() {
		assertInvalid(signed((claims) -> claims.claim("tid", TICKET.toString())));
		assertInvalid(signed((claims) -> claims.claim("pid", PASS.toString())));
		assertInvalid(signed((claims) -> {
		}));
	}

	@Test
	void aGenuinelySignedCodeWhosePayloadIsNotClaimsIsInvalid() {
		assertInvalid(builderWithKid().content("not claims").signWith(this.key.getPrivate(), Jwts.SIG.EdDSA).compact());
	}

	@Test
	void theLongestCodeReadIs1024Characters() {
		String longest = signedOfLength(PassCodes.MAX_LENGTH);
		assertThat(longest).hasSize(1024);
		assertThat(this.codes.read(longest)).isEqualTo(new PassCodes.PassClaims(PASS, TICKET));

		assertInvalid(signedOfLength(PassCodes.MAX_LENGTH + 1));
	}

	@Test
	void anEmptyCodeIsInvalid() {
		assertInvalid("");
	}

	@Test
	void a1025CharacterStringIsInvalid() {
		assertInvalid("x".repeat(1025));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "a.b.c", "a.b", "..", "...", " ", "\u0000", "🎟️", "{\"pid\":1}",
			"eyJhbGciOiJFZERTQSJ9.e30.", "eyJhbGciOiJFZERTQSJ9.!!!.AAAA", "eyJraWQiOjEsImFsZyI6IkVkRFNBIn0.e30.AAAA",
			"eyJhbGciOjEsImtpZCI6IngifQ.e30.AAAA", "eyJ9.e30.AAAA" })
	void garbageIsInvalid(String garbage) {
		assertInvalid(garbage);
	}

	@Test
	void aGenuineCodeWithSomethingAppendedOrCutIsInvalid() {
		String code = this.codes.sign(PASS, TICKET, ISSUED_AT);

		assertInvalid(code + "x");
		assertInvalid(code + ".");
		assertInvalid(code.substring(0, code.length() - 1));
		assertInvalid(" " + code);
		assertInvalid(code.substring(0, code.lastIndexOf('.')));
	}

	@Test
	void aCodeSignedByAPreviousKeyStillPublishedStillReads() {
		String before = this.codes.sign(PASS, TICKET, ISSUED_AT);
		KeyPair next = generate();
		Ed25519KeySet rotated = Ed25519KeySet.load(new KeySource(pem(next.getPrivate()), null, null,
				List.of(Ed25519KeySet.pem("PUBLIC KEY", this.key.getPublic().getEncoded()))), "no key");
		PassCodes after = new PassCodes(rotated);

		assertThat(after.read(before)).isEqualTo(new PassCodes.PassClaims(PASS, TICKET));
		String signedAfter = after.sign(PASS, TICKET, ISSUED_AT);
		assertThat(decode(signedAfter.split("\\.")[0])).containsEntry("kid", rotated.signingKeyId());
		assertThat(rotated.signingKeyId()).isNotEqualTo(this.keys.signingKeyId());
		assertThat(after.read(signedAfter)).isEqualTo(new PassCodes.PassClaims(PASS, TICKET));
		assertInvalid(this.codes, signedAfter);
	}

	@Test
	void aCodeSignedByARetiredKeyNoLongerPublishedIsInvalid() {
		String before = this.codes.sign(PASS, TICKET, ISSUED_AT);
		PassCodes after = new PassCodes(keySet(generate().getPrivate()));

		assertInvalid(after, before);
	}

	@Test
	void theJwkSetPublishesTheSigningKeyWithoutItsPrivatePart() {
		List<Map<String, Object>> jwks = keysOf(this.codes.jwkSet());

		assertThat(jwks).hasSize(1);
		Map<String, Object> jwk = jwks.getFirst();
		assertThat(jwk).containsEntry("kid", this.keys.signingKeyId())
			.containsEntry("kty", "OKP")
			.containsEntry("crv", "Ed25519")
			.containsEntry("alg", "EdDSA")
			.containsEntry("use", "sig")
			.containsEntry("x", Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey(this.key)))
			.doesNotContainKey("d");
		assertThat(jwk.keySet()).containsOnly("kid", "kty", "crv", "alg", "use", "x");
	}

	@Test
	void theJwkSetPublishesPreviousKeysAfterTheSigningKeyAndNoPrivatePart() {
		KeyPair next = generate();
		Ed25519KeySet rotated = Ed25519KeySet.load(new KeySource(pem(next.getPrivate()), null, null,
				List.of(Ed25519KeySet.pem("PUBLIC KEY", this.key.getPublic().getEncoded()))), "no key");

		List<Map<String, Object>> jwks = keysOf(new PassCodes(rotated).jwkSet());

		assertThat(jwks).extracting((jwk) -> jwk.get("kid"))
			.containsExactly(rotated.signingKeyId(), this.keys.signingKeyId());
		assertThat(jwks).allSatisfy((jwk) -> assertThat(jwk).doesNotContainKeys("d", "p", "q", "k"));
	}

	private void assertInvalid(String code) {
		assertInvalid(this.codes, code);
	}

	private static void assertInvalid(PassCodes codes, String code) {
		assertThatThrownBy(() -> codes.read(code)).isInstanceOf(CodeInvalidException.class)
			.hasMessage("This is not a valid ticket code.")
			.satisfies((ex) -> assertThat(((CodeInvalidException) ex).code()).isEqualTo("code_invalid"));
	}

	/** A code signed with the pass key under its kid, with the claims given. */
	private String signed(Consumer<JwtBuilder> claims) {
		JwtBuilder builder = builderWithKid();
		claims.accept(builder);
		return builder.issuedAt(Date.from(ISSUED_AT)).signWith(this.key.getPrivate(), Jwts.SIG.EdDSA).compact();
	}

	/**
	 * A genuine code of exactly {@code length} characters, lengthened by an extra claim
	 * and, where base64 cannot reach the length through the payload alone, an extra
	 * header parameter.
	 */
	private String signedOfLength(int length) {
		for (int headerPadding = 0; headerPadding < 4; headerPadding++) {
			// Each 3 characters of padding add 4 to the code: start just short of the
			// length.
			int shortest = padded(headerPadding, 0).length();
			for (int padding = Math.max(0, (length - shortest) * 3 / 4 - 4);; padding++) {
				String code = padded(headerPadding, padding);
				if (code.length() == length) {
					return code;
				}
				if (code.length() > length) {
					break;
				}
			}
		}
		throw new AssertionError("No code of length " + length);
	}

	private String padded(int headerPadding, int padding) {
		JwtBuilder builder = builderWithKid();
		if (headerPadding > 0) {
			builder.header().add("x", "h".repeat(headerPadding)).and();
		}
		return builder.claim("pid", PASS.toString())
			.claim("tid", TICKET.toString())
			.claim("x", "p".repeat(padding))
			.signWith(this.key.getPrivate(), Jwts.SIG.EdDSA)
			.compact();
	}

	private JwtBuilder builderWithKid() {
		return Jwts.builder().header().keyId(this.keys.signingKeyId()).and();
	}

	private static JwtBuilder builder(String kid) {
		return Jwts.builder()
			.header()
			.keyId(kid)
			.and()
			.claim("pid", PASS.toString())
			.claim("tid", TICKET.toString())
			.issuedAt(Date.from(ISSUED_AT));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> keysOf(Map<String, Object> jwkSet) {
		assertThat(jwkSet).containsOnlyKeys("keys");
		return (List<Map<String, Object>>) jwkSet.get("keys");
	}

	/** The 32 bytes of an Ed25519 public key: the end of its SubjectPublicKeyInfo. */
	private static byte[] rawPublicKey(KeyPair pair) {
		byte[] spki = pair.getPublic().getEncoded();
		return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> decode(String part) {
		return JSON.readValue(Base64.getUrlDecoder().decode(part), Map.class);
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static Ed25519KeySet keySet(PrivateKey privateKey) {
		return Ed25519KeySet.load(new KeySource(pem(privateKey), null, null, List.of()), "no key");
	}

	private static String pem(PrivateKey privateKey) {
		return Ed25519KeySet.pem("PRIVATE KEY", privateKey.getEncoded());
	}

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
