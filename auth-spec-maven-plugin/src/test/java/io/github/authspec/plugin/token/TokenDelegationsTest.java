package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.ApiKeys;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.KeyRotation;
import io.github.authspec.support.token.Pkce;
import io.github.authspec.support.token.RedisDenyListCommands;
import io.github.authspec.support.token.RefreshTokens;
import io.github.authspec.support.token.RememberMe;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.TokenDenyList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The support methods the generated token services delegate to in one line: what the services
 * used to write as statements (real redis-server and PostgreSQL).
 */
class TokenDelegationsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static DataSource db;
  static RedisClient redis;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example", "api");

  @BeforeAll
  static void servers() {
    db = SeedDatabase.fresh("delegations", 2);
    redis = RedisServerSupport.client();
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  static List<Long> eval(String script, String key, List<String> args) {
    Object reply = redis.eval(script, List.of(key), args);
    return ((List<?>) reply).stream().map(Long.class::cast).toList();
  }

  @Test
  @DisplayName("the deny-list's commands over a script runner: SET with PX (the TTL Redis keeps) and EXISTS, each one script on one key")
  void redisDenyListCommands() {
    RedisDenyListCommands commands = new RedisDenyListCommands(TokenDenyListsEval::run);
    commands.setWithTtl("delegations:deny:a", "1", 60_000);
    assertThat(redis.get("delegations:deny:a")).isEqualTo("1");
    assertThat(redis.pttl("delegations:deny:a")).isBetween(59_000L, 60_000L);
    assertThat(commands.exists("delegations:deny:a")).isTrue();
    assertThat(commands.exists("delegations:deny:b")).isFalse();

    TokenDenyList list = new TokenDenyList(commands, h -> "delegations:list:" + h, clock);
    list.revoke("jti-1", clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(list.isRevoked("jti-1")).isTrue();
    assertThat(list.isRevoked("jti-2", Optional.of("family"))).isFalse();
    list.revokeGrant("family", Duration.ofMinutes(5));
    assertThat(list.isRevoked("jti-2", Optional.of("family"))).isTrue();
    assertThatThrownBy(() -> new RedisDenyListCommands(null))
        .isInstanceOf(NullPointerException.class);
  }

  /** The runner as an application passes its {@code RedisScripts}: {@code redis::eval}. */
  static final class TokenDenyListsEval {
    static List<Long> run(String script, String key, List<String> args) {
      return eval(script, key, args);
    }
  }

  @Test
  @DisplayName("a subject becomes the users' id type: Long, Integer, Short, UUID, String; anything else is refused")
  void parseUserId() {
    UUID uuid = UUID.randomUUID();
    assertThat(AccessTokenVerifier.parseUserId("42", Long.class)).isEqualTo(42L);
    assertThat(AccessTokenVerifier.parseUserId("42", Integer.class)).isEqualTo(42);
    assertThat(AccessTokenVerifier.parseUserId("42", Short.class)).isEqualTo((short) 42);
    assertThat(AccessTokenVerifier.parseUserId(uuid.toString(), UUID.class)).isEqualTo(uuid);
    assertThat(AccessTokenVerifier.parseUserId("alice", String.class)).isEqualTo("alice");
    assertThatThrownBy(() -> AccessTokenVerifier.parseUserId("alice", Long.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokenVerifier.parseUserId("1", Double.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a verified token's user and scopes; a refused token or a subject that is no id gives none")
  void verifiedUserAndScopes() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    AccessTokenIssuer issuer = new AccessTokenIssuer(ring, settings, clock, RANDOM);
    AccessTokenVerifier verifier = new AccessTokenVerifier(ring, settings, clock,
        AccessTokenVerifier.RevocationCheck.NONE);
    String token = issuer.issue("7", Set.of("read"), Optional.empty(), Optional.empty()).token();
    String named = issuer.issue("alice", Set.of(), Optional.empty(), Optional.empty()).token();
    assertThat(verifier.userId(token, Long.class)).contains(7L);
    assertThat(verifier.userId(named, Long.class)).isEmpty();
    assertThat(verifier.userId(named, String.class)).contains("alice");
    assertThat(verifier.userId(token + "x", Long.class)).isEmpty();
    assertThat(verifier.scopesOf(token)).containsExactly("read");
    assertThat(verifier.scopesOf(token + "x")).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(verifier.userId(token, Long.class)).as("expired").isEmpty();
    assertThat(verifier.scopesOf(token)).isEmpty();
  }

  @Test
  @DisplayName("key rotation: only purpose signing; the published next key first, else a fresh key of the pinned algorithm; the active key does not retire")
  void keyRotation() {
    SigningKey first = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    KeyRing ring = new KeyRing(first, clock);
    KeyRotation rotation = new KeyRotation(ring, settings.keyOverlap(), RANDOM);
    assertThatThrownBy(() -> rotation.rotate("encryption"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signing");
    SigningKey next = SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM);
    ring.publishNext(next);
    assertThat(rotation.rotate(KeyRotation.PURPOSE)).isEqualTo(next.kid());
    assertThat(ring.active().kid()).isEqualTo(next.kid());
    String fresh = rotation.rotate("signing");
    assertThat(fresh).isNotIn(first.kid(), next.kid());
    assertThat(ring.active().kid()).isEqualTo(fresh);
    assertThat(ring.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
    assertThat(rotation.publishedKeyIds()).contains(fresh, next.kid());
    assertThatThrownBy(() -> rotation.retire(fresh))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotate");
    rotation.retire(next.kid());
    assertThat(rotation.publishedKeyIds()).doesNotContain(next.kid());
    assertThatThrownBy(() -> new KeyRotation(ring, null, RANDOM))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("reuse revokes the presented token's family; a null, unknown or overlong token changes nothing")
  void revokeFamilyOf() {
    RefreshTokens store = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock,
        RANDOM);
    RefreshTokens.Issued first = store.issue(1L);
    RefreshTokens.Issued other = store.issue(1L);
    assertThat(store.revokeFamilyOf(null)).isFalse();
    assertThat(store.revokeFamilyOf("x".repeat(513))).isFalse();
    assertThat(store.revokeFamilyOf("no-such-token")).isFalse();
    assertThat(store.activeFamilies(1L)).contains(first.familyId(), other.familyId());
    assertThat(store.revokeFamilyOf(first.token())).isTrue();
    assertThat(store.activeFamilies(1L)).contains(other.familyId())
        .doesNotContain(first.familyId());
  }

  @Test
  @DisplayName("an API key revoked by its id as text; text that is no id revokes nothing")
  void apiKeyRevokeByText() {
    ApiKeys keys = new ApiKeys(db, ApiKeys.Table.conventional(), clock, RANDOM);
    ApiKeys.Created created = keys.create(2L, "ci", Set.of("read"), Optional.empty());
    assertThat(keys.revoke(2L, "not-a-number")).isFalse();
    assertThat(keys.authenticate(created.secret())).isPresent();
    assertThat(keys.revoke(1L, Long.toString(created.id()))).as("not the owner").isFalse();
    assertThat(keys.revoke(2L, Long.toString(created.id()))).isTrue();
    assertThat(keys.authenticate(created.secret())).isEmpty();
  }

  @Test
  @DisplayName("a remember-me result signs in only when VALID; PKCE checks nullable request values")
  void rememberMeAndPkce() throws Exception {
    Optional<Object> user = Optional.of(3L);
    assertThat(new RememberMe.Result(RememberMe.Outcome.VALID, user, Optional.of("c"))
        .signedIn()).isEqualTo(user);
    assertThat(new RememberMe.Result(RememberMe.Outcome.THEFT, user, Optional.empty())
        .signedIn()).isEmpty();

    String verifier = "a".repeat(43);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
        .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Pkce pkce = new Pkce(false);
    assertThat(pkce.isValid(verifier, challenge, "S256")).isTrue();
    assertThat(pkce.isValid("b".repeat(43), challenge, "S256")).isFalse();
    assertThat(pkce.isValid(null, challenge, "S256")).isFalse();
    assertThat(pkce.isValid(verifier, null, null)).isFalse();
    assertThat(pkce.isValid(verifier, verifier, "plain")).as("plain not allowed").isFalse();
    assertThat(new Pkce(true).isValid(verifier, verifier, "plain")).isTrue();
  }
}
