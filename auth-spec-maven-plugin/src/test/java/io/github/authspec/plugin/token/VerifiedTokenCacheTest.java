package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.support.token.AccessToken;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.IssuedAccessToken;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.TokenException;
import io.github.authspec.support.token.TokenException.Reason;
import io.github.authspec.support.token.VerifiedTokenCache;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cache of verified access tokens: it never widens what the verifier accepts. */
class VerifiedTokenCacheTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final MutableClock clock = new MutableClock(T0);
  final AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example", "api");
  final KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.ES256, RANDOM), clock);
  final AccessTokenIssuer issuer = new AccessTokenIssuer(ring, settings, clock, RANDOM);
  final Set<String> denied = ConcurrentHashMap.newKeySet();
  final AccessTokenVerifier.RevocationCheck denyList = (jti, grant) -> denied.contains(jti)
      || grant.map(denied::contains).orElse(false);

  AccessTokenVerifier cached(VerifiedTokenCache cache) {
    return new AccessTokenVerifier(ring, settings, clock, denyList).withCache(Optional.of(cache));
  }

  IssuedAccessToken issue(String user) {
    return issuer.issue(user, Set.of("read"), Optional.empty(), Optional.of("fam-" + user));
  }

  @Test
  @DisplayName("a tampered token is refused even while the genuine one is cached")
  void tamperedNeverThroughTheCache() {
    VerifiedTokenCache cache = new VerifiedTokenCache(16);
    AccessTokenVerifier verifier = cached(cache);
    String token = issue("1").token();
    assertThat(verifier.verify(token).subject()).isEqualTo("1");
    assertThat(cache.size()).isEqualTo(1);
    int sig = token.lastIndexOf('.') + 1;
    String badSignature = token.substring(0, sig) + flip(token.charAt(sig))
        + token.substring(sig + 1);
    String otherClaims = token.substring(0, token.indexOf('.') + 1)
        + token.substring(token.indexOf('.') + 1, sig - 1).replace('A', 'B')
        + token.substring(sig - 1);
    String appended = token + "A";
    for (String forged : List.of(badSignature, otherClaims, appended)) {
      assertThat(forged).isNotEqualTo(token);
      assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(TokenException.class);
    }
    assertThat(cache.size()).as("a refusal is not cached").isEqualTo(1);
    assertThat(verifier.verify(token).subject()).isEqualTo("1");
  }

  @Test
  @DisplayName("a cached token is refused once expired, and only the full check decides the skew")
  void expiredEntryRefused() {
    AccessTokenVerifier verifier = cached(new VerifiedTokenCache(16));
    String token = issue("1").token();
    verifier.verify(token);
    Instant exp = T0.plus(AccessTokenSettings.DEFAULT_LIFETIME);
    clock.set(exp.minusSeconds(1));
    assertThat(verifier.verify(token).subject()).isEqualTo("1");
    clock.set(exp.plus(settings.skew()));
    assertRefused(verifier, token, Reason.EXPIRED);
    clock.set(exp.plus(Duration.ofHours(1)));
    assertRefused(verifier, token, Reason.EXPIRED);
  }

  @Test
  @DisplayName("a cached token revoked a moment ago is refused, by its id or its family")
  void revokedEntryRefused() {
    VerifiedTokenCache cache = new VerifiedTokenCache(16);
    AccessTokenVerifier verifier = cached(cache);
    IssuedAccessToken one = issue("1");
    IssuedAccessToken two = issue("2");
    verifier.verify(one.token());
    verifier.verify(two.token());
    assertThat(cache.size()).isEqualTo(2);
    denied.add(one.jti());
    assertRefused(verifier, one.token(), Reason.REVOKED);
    denied.add("fam-2");
    assertRefused(verifier, two.token(), Reason.REVOKED);
    IssuedAccessToken three = issue("3");
    denied.add(three.jti());
    assertRefused(verifier, three.token(), Reason.REVOKED);
    assertThat(cache.size()).as("a revoked token is not cached").isEqualTo(2);
  }

  @Test
  @DisplayName("a cached token whose key left the ring is refused")
  void retiredKeyRefused() {
    AccessTokenVerifier verifier = cached(new VerifiedTokenCache(16));
    String token = issue("1").token();
    verifier.verify(token);
    String kid = ring.active().kid();
    ring.rotate(SigningKey.generate(JwsAlgorithm.ES256, RANDOM), Duration.ZERO);
    ring.retire(kid);
    assertRefused(verifier, token, Reason.UNKNOWN_KEY);
  }

  @Test
  @DisplayName("the cache holds no more than its capacity, and evicted tokens still verify")
  void bounded() {
    VerifiedTokenCache cache = new VerifiedTokenCache(3);
    AccessTokenVerifier verifier = cached(cache);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tokens.add(issue(String.valueOf(i)).token());
      verifier.verify(tokens.get(i));
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(verifier.verify(tokens.get(0)).subject()).isEqualTo("0");
    assertThat(cache.size()).isEqualTo(3);
    assertThatThrownBy(() -> new VerifiedTokenCache(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("with or without the cache, every token gets the same answer at every moment")
  void sameAnswers() {
    AccessTokenVerifier with = cached(new VerifiedTokenCache(4));
    AccessTokenVerifier without = new AccessTokenVerifier(ring, settings, clock, denyList)
        .withCache(Optional.empty());
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tokens.add(issue(String.valueOf(i)).token());
    }
    String token = tokens.get(0);
    tokens.add(token.substring(0, token.length() - 2) + flip(token.charAt(token.length() - 2))
        + token.charAt(token.length() - 1));
    Instant exp = T0.plus(AccessTokenSettings.DEFAULT_LIFETIME);
    List<Instant> moments = List.of(T0.minusSeconds(31), T0.minusSeconds(30), T0,
        exp.minusSeconds(1), exp, exp.plusSeconds(29), exp.plusSeconds(30), T0);
    for (Instant moment : moments) {
      clock.set(moment);
      if (moment.equals(exp)) {
        denied.add("fam-3");
      }
      for (int round = 0; round < 2; round++) {
        for (String t : tokens) {
          assertThat(answer(with, t)).as("%s at %s", tokens.indexOf(t), moment)
              .isEqualTo(answer(without, t));
        }
      }
    }
  }

  @Test
  @DisplayName("the cache's text names no token and no claim")
  void toStringHasNoSecret() {
    VerifiedTokenCache cache = new VerifiedTokenCache(8);
    IssuedAccessToken issued = issue("1");
    AccessToken claims = cached(cache).verify(issued.token());
    assertThat(cache.toString()).isEqualTo("VerifiedTokenCache[size=1, capacity=8]")
        .doesNotContain(issued.jti()).doesNotContain(issued.token().substring(0, 20));
    assertThat(claims.subject()).isEqualTo("1");
  }

  static Object answer(AccessTokenVerifier verifier, String token) {
    try {
      return verifier.verify(token);
    } catch (TokenException e) {
      return e.reason();
    }
  }

  static char flip(char c) {
    return c == 'A' ? 'B' : 'A';
  }

  static void assertRefused(AccessTokenVerifier verifier, String token, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
