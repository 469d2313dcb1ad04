package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.support.token.AccessToken;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.IssuedAccessToken;
import io.github.authspec.support.token.Json;
import io.github.authspec.support.token.Jws;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.TokenException.Reason;
import io.github.authspec.support.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issuing and verifying at+jwt access tokens with a fixed clock: the happy path and every refusal. */
class AccessTokenTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final MutableClock clock = new MutableClock(T0);
  final AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example", "api");

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "ES256", "RS256"})
  @DisplayName("a token issued with each selectable algorithm verifies, with its claims and header")
  void roundTrip(JwsAlgorithm algorithm) {
    KeyRing ring = new KeyRing(SigningKey.generate(algorithm, RANDOM), clock);
    IssuedAccessToken issued = issuer(ring).issue("42", Set.of("read", "write"),
        Optional.of("web"), Optional.of("fam-1"));
    AccessToken token = verifier(ring).verify(issued.token());
    assertThat(token.subject()).isEqualTo("42");
    assertThat(token.audience()).containsExactly("api");
    assertThat(token.scopes()).containsExactlyInAnyOrder("read", "write");
    assertThat(token.hasScope("read")).isTrue();
    assertThat(token.hasScope("admin")).isFalse();
    assertThat(token.grantId()).contains("fam-1");
    assertThat(token.clientId()).contains("web");
    assertThat(token.jti()).isEqualTo(issued.jti()).hasSize(43);
    assertThat(token.expiresAt()).isEqualTo(T0.plus(AccessTokenSettings.DEFAULT_LIFETIME));
    Jws.Parsed parsed = Jws.parse(issued.token());
    assertThat(parsed.header()).containsExactly(Map.entry("alg", algorithm.name()),
        Map.entry("typ", "at+jwt"), Map.entry("kid", ring.active().kid()));
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  @DisplayName("one token, one text: a signature spelled with set unused bits in its last "
      + "character (same bytes to a lenient decoder) is refused as malformed")
  void nonCanonicalSignature() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    String token = issuer(ring).issue("42", Set.of("read"), Optional.empty(), Optional.empty())
        .token();
    // 64 signature bytes are 86 characters; the last carries 2 bits, its low 4 are unused.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    String twin = token.substring(0, token.length() - 1) + alphabet.charAt(last | 1);
    assertThat(twin).isNotEqualTo(token);
    assertThat(java.util.Base64.getUrlDecoder().decode(twin.substring(twin.lastIndexOf('.') + 1)))
        .as("the same bytes to the JDK's decoder")
        .isEqualTo(java.util.Base64.getUrlDecoder().decode(
            token.substring(token.lastIndexOf('.') + 1)));
    assertThatThrownBy(() -> verifier(ring).verify(twin)).isInstanceOf(TokenException.class)
        .extracting(e -> ((TokenException) e).reason()).isEqualTo(Reason.MALFORMED);
    assertThatThrownBy(() -> Secrets.fromBase64Url("AR")).isInstanceOf(
        IllegalArgumentException.class);
    assertThat(Secrets.fromBase64Url("AQ")).containsExactly(1);
  }

  @Test
  @DisplayName("expiry, not-before and iat honour exactly the configured skew (30 s by default)")
  void skewBoundaries() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    String token = issuer(ring).issue("1", Set.of(), Optional.empty(), Optional.empty()).token();
    AccessTokenVerifier verifier = verifier(ring);
    Instant exp = T0.plus(AccessTokenSettings.DEFAULT_LIFETIME);
    clock.set(exp.plusSeconds(29));
    assertThat(verifier.verify(token).subject()).isEqualTo("1");
    clock.set(exp.plusSeconds(30));
    assertRefused(verifier, token, Reason.EXPIRED);
    // issued in the future (the issuer's clock runs ahead): 30 s tolerated, 31 s not
    clock.set(T0.minusSeconds(30));
    assertThat(verifier.verify(token).subject()).isEqualTo("1");
    clock.set(T0.minusSeconds(31));
    assertRefused(verifier, token, Reason.NOT_YET_VALID);
    // an explicit nbf beyond iat
    clock.set(T0);
    String nbf = forge(ring.active(), header(ring.active()), claims(c -> c.put("nbf", T0.getEpochSecond() + 100)));
    assertRefused(verifier, nbf, Reason.NOT_YET_VALID);
    clock.set(T0.plusSeconds(70));
    assertThat(verifier.verify(nbf).subject()).isEqualTo("7");
  }

  @Test
  @DisplayName("refused: alg none, HS256 keyed with the public key, another algorithm, foreign or zero signatures, bad header, wrong iss/aud")
  void refusals() throws Exception {
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256, RANDOM);
    KeyRing ring = new KeyRing(key, clock);
    AccessTokenVerifier verifier = verifier(ring);
    Map<String, Object> claims = claims(c -> { });
    String body = b64(Json.write(claims));

    // RFC 7519 §6.1: an unsecured JWT, with and without a trailing empty signature
    String none = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + key.kid() + "\"}") + "." + body;
    assertRefused(verifier, none + ".", Reason.MALFORMED);
    assertRefused(verifier, none + ".AAAA", Reason.ALGORITHM);
    // key confusion: HS256 with the public key's encoding as the HMAC secret
    String hsInput = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + key.kid() + "\"}") + "." + body;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.publicKey().getEncoded(), "HmacSHA256"));
    assertRefused(verifier, hsInput + "." + Secrets.base64Url(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII))),
        Reason.ALGORITHM);
    // a valid token of another algorithm (EdDSA) under the same kid
    SigningKey ed = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    Map<String, Object> edHeader = header(key);
    edHeader.put("alg", "EdDSA");
    assertRefused(verifier, forge(ed, edHeader, claims), Reason.ALGORITHM);
    // psychic signatures (CVE-2022-21449): all-zero R||S, and DER MAYCAQACAQA
    String input = b64(Json.write(header(key))) + "." + body;
    assertRefused(verifier, input + "." + Secrets.base64Url(new byte[64]), Reason.SIGNATURE);
    assertRefused(verifier, input + ".MAYCAQACAQA", Reason.SIGNATURE);
    // r = s = n (the group order) is outside [1, n-1]
    byte[] n = java.util.Arrays.copyOfRange(new java.math.BigInteger(
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray(), 1, 33);
    byte[] rs = new byte[64];
    System.arraycopy(n, 0, rs, 0, 32);
    System.arraycopy(n, 0, rs, 32, 32);
    assertRefused(verifier, input + "." + Secrets.base64Url(rs), Reason.SIGNATURE);
    // stripped signature, a signature by another key of the same algorithm
    assertRefused(verifier, input + ".", Reason.MALFORMED);
    assertRefused(verifier, forge(SigningKey.generate(JwsAlgorithm.ES256, RANDOM), header(key), claims),
        Reason.SIGNATURE);
    // header: unknown kid, a wrong typ, a jku or crit member
    Map<String, Object> h = header(key);
    h.put("kid", "nope");
    assertRefused(verifier, forge(key, h, claims), Reason.UNKNOWN_KEY);
    h = header(key);
    h.put("typ", "JWT");
    assertRefused(verifier, forge(key, h, claims), Reason.TYPE);
    h = header(key);
    h.put("jku", "https://evil.example/jwks");
    assertRefused(verifier, forge(key, h, claims), Reason.HEADER);
    // claims: wrong issuer, wrong audience, missing sub, string exp
    assertRefused(verifier, forge(key, header(key), claims(c -> c.put("iss", "https://evil.example"))), Reason.ISSUER);
    assertRefused(verifier, forge(key, header(key), claims(c -> c.put("aud", List.of("other")))), Reason.AUDIENCE);
    assertRefused(verifier, forge(key, header(key), claims(c -> c.remove("sub"))), Reason.MISSING_CLAIM);
    assertRefused(verifier, forge(key, header(key), claims(c -> c.put("exp", "soon"))), Reason.MALFORMED);
    // the genuine article passes, so the refusals above are not a broken verifier
    assertThat(verifier.verify(forge(key, header(key), claims)).subject()).isEqualTo("7");
    // too long, not base64url, garbage
    assertRefused(verifier, "a".repeat(9000), Reason.MALFORMED);
    assertRefused(verifier, "e30.e30.+/==", Reason.MALFORMED);
    assertRefused(verifier, "not a token", Reason.MALFORMED);
  }

  @Test
  @DisplayName("key rotation: old tokens verify until lifetime + skew after rotation; the JWKS follows; retire drops a key at once")
  void rotationOverlap() {
    SigningKey first = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    SigningKey second = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    KeyRing ring = new KeyRing(first, clock);
    AccessTokenIssuer issuer = issuer(ring);
    AccessTokenVerifier verifier = verifier(ring);
    String old = issuer.issue("1", Set.of(), Optional.empty(), Optional.empty()).token();

    ring.publishNext(second);
    assertThat(ring.jwks()).contains(first.kid()).contains(second.kid());
    assertThat(ring.jwks()).doesNotContain("\"d\"");
    assertThat(ring.rotateToNext(settings.keyOverlap())).isEqualTo(second.kid());
    String fresh = issuer.issue("2", Set.of(), Optional.empty(), Optional.empty()).token();
    assertThat(Jws.parse(fresh).header().get("kid")).isEqualTo(second.kid());

    clock.advance(settings.keyOverlap().minusSeconds(1));
    assertThat(verifier.verify(old).subject()).isEqualTo("1");
    clock.advance(Duration.ofSeconds(1));
    assertRefused(verifier, old, Reason.UNKNOWN_KEY);
    assertThat(ring.jwks()).doesNotContain(first.kid()).contains(second.kid());
    clock.set(T0.plusSeconds(60));
    assertThat(verifier.verify(old).subject()).isEqualTo("1");
    ring.retire(first.kid());
    assertRefused(verifier, old, Reason.UNKNOWN_KEY);
    assertThat(verifier.verify(fresh).subject()).isEqualTo("2");
    assertThatThrownBy(() -> ring.rotate(SigningKey.generate(JwsAlgorithm.ES256, RANDOM), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinned to EdDSA");
  }

  @Test
  @DisplayName("a revoked jti or grant is refused")
  void revocation() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    IssuedAccessToken issued = issuer(ring).issue("1", Set.of(), Optional.empty(), Optional.of("fam"));
    AccessTokenVerifier byJti = new AccessTokenVerifier(ring, settings, clock,
        (jti, grant) -> jti.equals(issued.jti()));
    AccessTokenVerifier byGrant = new AccessTokenVerifier(ring, settings, clock,
        (jti, grant) -> grant.equals(Optional.of("fam")));
    assertRefused(byJti, issued.token(), Reason.REVOKED);
    assertRefused(byGrant, issued.token(), Reason.REVOKED);
  }

  @Test
  @DisplayName("claims that are not valid UTF-8 are malformed even when the signature verifies")
  void claimsMustBeUtf8() {
    SigningKey key = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    KeyRing ring = new KeyRing(key, clock);
    byte[] claims = Json.write(claims(c -> c.put("sub", "7?"))).getBytes(StandardCharsets.UTF_8);
    String text = new String(claims, StandardCharsets.US_ASCII);
    claims[text.indexOf("7?") + 1] = (byte) 0xff;
    String token = Jws.sign(Json.write(header(key)).getBytes(StandardCharsets.UTF_8), claims,
        key.algorithm(), privateKeyOf(key));
    assertRefused(verifier(ring), token, Reason.MALFORMED);
  }

  AccessTokenIssuer issuer(KeyRing ring) {
    return new AccessTokenIssuer(ring, settings, clock, RANDOM);
  }

  AccessTokenVerifier verifier(KeyRing ring) {
    return new AccessTokenVerifier(ring, settings, clock, AccessTokenVerifier.RevocationCheck.NONE);
  }

  static Map<String, Object> header(SigningKey key) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", key.algorithm().name());
    h.put("typ", "at+jwt");
    h.put("kid", key.kid());
    return h;
  }

  Map<String, Object> claims(java.util.function.Consumer<Map<String, Object>> edit) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", "https://auth.example");
    c.put("sub", "7");
    c.put("aud", "api");
    c.put("exp", T0.getEpochSecond() + 600);
    c.put("iat", T0.getEpochSecond());
    c.put("jti", "j1");
    edit.accept(c);
    return c;
  }

  static String forge(SigningKey key, Map<String, Object> header, Map<String, Object> claims) {
    return Jws.sign(Json.write(header).getBytes(StandardCharsets.UTF_8),
        Json.write(claims).getBytes(StandardCharsets.UTF_8), key.algorithm(), privateKeyOf(key));
  }

  /** The test reaches the private key the way an application holding the key store would. */
  static java.security.PrivateKey privateKeyOf(SigningKey key) {
    try {
      java.lang.reflect.Method m = SigningKey.class.getDeclaredMethod("privateKey");
      m.setAccessible(true);
      return ((Optional<?>) m.invoke(key)).map(java.security.PrivateKey.class::cast).orElseThrow();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static String b64(String s) {
    return Secrets.base64Url(s.getBytes(StandardCharsets.UTF_8));
  }

  static void assertRefused(AccessTokenVerifier verifier, String token, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenException.class,
        e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).doesNotContain(token.length() > 20 ? token.substring(0, 20) : "\u0000");
        });
  }
}
