package dev.ticketing.common.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtVerifierTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final TestKeys keys = TestKeys.generate();

	private final Map<String, PublicKey> published = Map.of(this.keys.keyId(), this.keys.pair().getPublic());

	private final JwtVerifier verifier = verifierAt(NOW);

	@Test
	void acceptsAValidTokenAndReturnsItsClaims() {
		UUID userId = UUID.randomUUID();
		String token = this.keys.builder(userId, NOW).id("token-1").compact();

		VerifiedToken verified = this.verifier.verify(token);

		assertThat(verified.userId()).isEqualTo(userId);
		assertThat(verified.email()).isEqualTo("ada@example.com");
		assertThat(verified.tokenId()).isEqualTo("token-1");
		assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	void acceptsAHandBuiltEdDsaToken() throws GeneralSecurityException {
		// The control for the hand-built forgeries below: the same header and payload,
		// signed properly, are accepted, so those are refused for their algorithm alone.
		assertThat(this.verifier.verify(signed(validPayload())).tokenId()).isEqualTo("token-1");
	}

	@Test
	void rejectsAlgNone() {
		String header = "{\"alg\":\"none\",\"kid\":\"" + this.keys.keyId() + "\"}";
		String token = base64url(header) + "." + base64url(validPayload()) + ".";

		assertRejected(token);
	}

	@Test
	void rejectsHs256KeyedWithThePublicKey() throws GeneralSecurityException {
		String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + this.keys.keyId() + "\"}";
		String signingInput = base64url(header) + "." + base64url(validPayload());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.keys.pair().getPublic().getEncoded(), "HmacSHA256"));
		byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
		String token = signingInput + "." + BASE64URL.encodeToString(signature);

		assertRejected(token);
	}

	@Test
	void rejectsUnknownKid() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).header().keyId("someone-else").and().compact();

		assertRejected(token);
	}

	@Test
	void rejectsMissingKid() {
		String token = Jwts.builder()
			.issuer(TokenClaims.ISSUER)
			.audience()
			.add(TokenClaims.AUDIENCE)
			.and()
			.subject(UUID.randomUUID().toString())
			.claim(TokenClaims.EMAIL, "ada@example.com")
			.id("token-1")
			.expiration(Date.from(NOW.plusSeconds(900)))
			.signWith(this.keys.pair().getPrivate(), Jwts.SIG.EdDSA)
			.compact();

		assertRejected(token);
	}

	@Test
	void rejectsWrongAudience() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).claim("aud", "another-system").compact();

		assertRejected(token);
	}

	@Test
	void rejectsWrongIssuer() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).issuer("someone-else").compact();

		assertRejected(token);
	}

	@Test
	void rejectsTokenExpiredBeyondTheClockSkew() {
		String token = this.keys.builder(UUID.randomUUID(), NOW.minus(Duration.ofMinutes(20)))
			.expiration(Date.from(NOW.minusSeconds(61)))
			.compact();

		assertRejected(token);
	}

	@Test
	void acceptsTokenExpiredWithinTheClockSkew() {
		String token = this.keys.builder(UUID.randomUUID(), NOW.minus(Duration.ofMinutes(20)))
			.expiration(Date.from(NOW.minusSeconds(30)))
			.compact();

		assertThat(this.verifier.verify(token).expiresAt()).isEqualTo(NOW.minusSeconds(30));
	}

	@Test
	void rejectsTokenNotYetValid() {
		String token = this.keys.builder(UUID.randomUUID(), NOW)
			.notBefore(Date.from(NOW.plus(Duration.ofMinutes(2))))
			.compact();

		assertRejected(token);
	}

	@Test
	void acceptsTheSameTokenOnceItsNotBeforeHasPassed() {
		String token = this.keys.builder(UUID.randomUUID(), NOW)
			.notBefore(Date.from(NOW.plus(Duration.ofMinutes(2))))
			.compact();

		assertThatNoException().isThrownBy(() -> verifierAt(NOW.plus(Duration.ofMinutes(3))).verify(token));
	}

	@Test
	void rejectsTokenWithAFlippedSignatureByte() {
		String token = this.keys.token(NOW);
		int dot = token.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		signature[signature.length / 2] ^= 0x01;
		String tampered = token.substring(0, dot + 1) + BASE64URL.encodeToString(signature);

		assertRejected(tampered);
	}

	@Test
	void rejectsTokenWithATamperedPayload() {
		String token = this.keys.token(NOW);
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("ada@example.com", "eve@example.com");
		String tampered = parts[0] + "." + base64url(payload) + "." + parts[2];

		assertRejected(tampered);
	}

	@Test
	void rejectsTokenSignedByAnotherKeyUnderAKnownKid() {
		TestKeys impostor = new TestKeys(this.keys.keyId(), TestKeys.generate().pair());

		assertRejected(impostor.token(NOW));
	}

	@Test
	void rejectsTokenWhoseKidResolvesToANonEd25519Key() throws GeneralSecurityException {
		PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
		JwtVerifier verifier = new JwtVerifier((kid) -> Optional.of(rsa), 60, Clock.fixed(NOW, ZoneOffset.UTC));

		assertThatThrownBy(() -> verifier.verify(this.keys.token(NOW))).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void rejectsNonUuidSubject() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).subject("ada").compact();

		assertRejected(token);
	}

	@Test
	void rejectsTokenWithoutEmail() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).claim(TokenClaims.EMAIL, null).compact();

		assertRejected(token);
	}

	@Test
	void rejectsTokenWithoutJti() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).id(null).compact();

		assertRejected(token);
	}

	@Test
	void rejectsTokenWithoutExpiry() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).expiration(null).compact();

		assertRejected(token);
	}

	@Test
	void readsAnAbsentRolesClaimAsNoRoles() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).compact();

		assertThat(this.verifier.verify(token).roles()).isEmpty();
	}

	@Test
	void readsAnEmptyRolesArrayAsNoRoles() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).claim(TokenClaims.ROLES, List.of()).compact();

		assertThat(this.verifier.verify(token).roles()).isEmpty();
	}

	@Test
	void readsOneRole() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).claim(TokenClaims.ROLES, List.of("door")).compact();

		assertThat(this.verifier.verify(token).roles()).containsExactly("door");
	}

	@Test
	void readsSeveralRoles() {
		String token = this.keys.builder(UUID.randomUUID(), NOW)
			.claim(TokenClaims.ROLES, List.of("support", "door"))
			.compact();

		assertThat(this.verifier.verify(token).roles()).containsExactlyInAnyOrder("door", "support");
	}

	@Test
	void readsRolesFromAHandBuiltPayload() throws GeneralSecurityException {
		String payload = validPayload().replace("}", ",\"roles\":[\"door\",\"support\"]}");

		assertThat(this.verifier.verify(signed(payload)).roles()).containsExactlyInAnyOrder("door", "support");
	}

	@Test
	void readsARolesClaimOfNullAsNoRoles() throws GeneralSecurityException {
		String payload = validPayload().replace("}", ",\"roles\":null}");

		assertThat(this.verifier.verify(signed(payload)).roles()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"door\"", "\"\"", "42", "true", "{\"door\":true}", "[42]", "[\"door\",7]",
			"[[\"door\"]]", "[{\"role\":\"door\"}]", "[\"door\",null]", "[null]", "[true]" })
	void rejectsARolesClaimThatIsNotAnArrayOfStrings(String roles) throws GeneralSecurityException {
		String payload = validPayload().replace("}", ",\"roles\":" + roles + "}");

		assertRejected(signed(payload));
	}

	@Test
	void rejectsARolesClaimThatIsNotAnArrayOfStringsWhenBuiltWithTheLibrary() {
		String token = this.keys.builder(UUID.randomUUID(), NOW).claim(TokenClaims.ROLES, "door").compact();

		assertRejected(token);
	}

	@Test
	void rejectsEncryptedTokens() {
		String header = "{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"kid\":\"" + this.keys.keyId() + "\"}";
		String token = base64url(header) + "..AAAAAAAAAAAAAAAA." + base64url(validPayload())
				+ ".AAAAAAAAAAAAAAAAAAAAAA";

		assertRejected(token);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "garbage", "a.b.c", "a.b", "..", "eyJhbGciOiJFZERTQSJ9.e30." })
	void rejectsGarbage(String token) {
		assertRejected(token);
	}

	@Test
	void servesATokenVerifiedBeforeFromTheCache() {
		String token = this.keys.token(NOW);

		VerifiedToken first = this.verifier.verify(token);
		VerifiedToken second = this.verifier.verify(token);

		assertThat(second).isEqualTo(first);
		assertThat(this.verifier.cacheStats().hitCount()).isEqualTo(1);
	}

	@Test
	void neverServesAnAlteredTokenFromTheCache() {
		String token = this.keys.token(NOW);
		this.verifier.verify(token);
		int dot = token.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		signature[0] ^= 0x01;

		assertRejected(token.substring(0, dot + 1) + BASE64URL.encodeToString(signature));
		assertRejected(token + "x");
		assertThat(this.verifier.cacheStats().hitCount()).isZero();
	}

	@Test
	void doesNotCacheARefusedToken() {
		String expired = this.keys.token(NOW.minus(Duration.ofHours(1)));

		assertRejected(expired);
		assertRejected(expired);

		assertThat(this.verifier.cacheStats().hitCount()).isZero();
	}

	@Test
	void refusesACachedTokenOnceItExpires() {
		AtomicReference<Instant> now = new AtomicReference<>(NOW);
		JwtVerifier verifier = new JwtVerifier(this::find, 0, new MovableClock(now));
		String token = this.keys.token(NOW);
		verifier.verify(token);

		now.set(NOW.plus(Duration.ofMinutes(15)).minusSeconds(1));
		assertThatNoException().isThrownBy(() -> verifier.verify(token));
		now.set(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1));
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void refusesACachedTokenOnceItsKeyIsNoLongerPublished() {
		Map<String, PublicKey> keys = new ConcurrentHashMap<>(this.published);
		JwtVerifier verifier = new JwtVerifier((kid) -> Optional.ofNullable(keys.get(kid)), 60,
				Clock.fixed(NOW, ZoneOffset.UTC));
		String token = this.keys.token(NOW);
		verifier.verify(token);

		keys.put(this.keys.keyId(), TestKeys.generate().pair().getPublic());
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
		keys.clear();
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	@Test
	void refusesAClockSkewAboveSixtySeconds() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

		assertThatIllegalArgumentException().isThrownBy(() -> new JwtVerifier(this::find, 61, clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new JwtVerifier(this::find, -1, clock));
		assertThatNoException().isThrownBy(() -> new JwtVerifier(this::find, 60, clock));
	}

	/** A clock a test moves. */
	private static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(AtomicReference<Instant> now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	private JwtVerifier verifierAt(Instant now) {
		return new JwtVerifier(this::find, JwtVerifier.MAX_CLOCK_SKEW_SECONDS, Clock.fixed(now, ZoneOffset.UTC));
	}

	private Optional<PublicKey> find(String keyId) {
		return Optional.ofNullable(this.published.get(keyId));
	}

	private void assertRejected(String token) {
		assertThatThrownBy(() -> this.verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
	}

	/** A token of exactly this payload, signed properly under the published key. */
	private String signed(String payload) throws GeneralSecurityException {
		String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + this.keys.keyId() + "\"}";
		String signingInput = base64url(header) + "." + base64url(payload);
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(this.keys.pair().getPrivate());
		signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + BASE64URL.encodeToString(signer.sign());
	}

	private String validPayload() {
		return "{\"iss\":\"" + TokenClaims.ISSUER + "\",\"aud\":\"" + TokenClaims.AUDIENCE + "\",\"sub\":\""
				+ UUID.randomUUID() + "\",\"email\":\"ada@example.com\",\"jti\":\"token-1\",\"iat\":"
				+ NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(900).getEpochSecond() + "}";
	}

	private static String base64url(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
