package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccountCredentials;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.IssuedAccessToken;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.RefreshTokens;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.TokenDenyList;
import io.github.authspec.support.token.TokenException;
import io.github.authspec.support.token.TokenRevocation;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** RFC 7009 revocation and the Redis deny-list (real redis-server and PostgreSQL). */
class RevocationTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static DataSource db;
  static RedisClient redis;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example", "api");

  @BeforeAll
  static void servers() {
    db = SeedDatabase.fresh("revocation", 2);
    redis = RedisServerSupport.client();
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  static TokenDenyList.Commands jedis() {
    return new TokenDenyList.Commands() {
      @Override
      public void setWithTtl(String key, String value, long ttlMillis) {
        redis.set(key, value, SetParams.setParams().px(ttlMillis));
      }

      @Override
      public boolean exists(String key) {
        return redis.exists(key);
      }
    };
  }

  TokenDenyList denyList() {
    return new TokenDenyList(jedis(), hash -> "revocation-test:blacklist:token:" + hash, clock);
  }

  @Test
  @DisplayName("a denied jti lives in Redis the token's remaining life plus the largest skew (one SET ... PX), under its hash")
  void ttlIsRemainingLife() {
    TokenDenyList list = denyList();
    list.revoke("jti-1", clock.instant().plus(Duration.ofMinutes(7)));
    String key = "revocation-test:blacklist:token:" + Secrets.sha256("jti:jti-1");
    long pttl = redis.pttl(key);
    long life = Duration.ofMinutes(7).plus(AccessTokenSettings.MAX_SKEW).toMillis();
    assertThat(pttl).isBetween(life - 1000, life);
    assertThat(list.isRevoked("jti-1")).isTrue();
    assertThat(list.isRevoked("jti-2")).isFalse();
    list.revoke("jti-old", clock.instant().minus(AccessTokenSettings.MAX_SKEW));
    assertThat(list.isRevoked("jti-old")).as("a token no verifier accepts needs no entry").isFalse();
    list.revokeGrant("family-1", settings.lifetime());
    long grant = settings.lifetime().plus(AccessTokenSettings.MAX_SKEW).toMillis();
    assertThat(redis.pttl("revocation-test:blacklist:token:" + Secrets.sha256("fid:family-1")))
        .isBetween(grant - 1000, grant);
  }

  @Test
  @DisplayName("fixed clock: an access token revoked after its exp but inside a verifier's skew is denied until no verifier accepts it")
  void revokedInsideTheSkew() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    TokenDenyList list = denyList();
    AccessTokenIssuer issuer = new AccessTokenIssuer(ring, settings, clock, RANDOM);
    AccessTokenSettings lenient = new AccessTokenSettings(settings.issuer(), settings.audience(),
        settings.lifetime(), AccessTokenSettings.MAX_SKEW);
    AccessTokenVerifier strict = new AccessTokenVerifier(ring, settings, clock, list);
    AccessTokenVerifier tolerant = new AccessTokenVerifier(ring, lenient, clock, list);
    TokenRevocation revocation = new TokenRevocation(
        new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM), list,
        new AccessTokenVerifier(ring, settings, clock, AccessTokenVerifier.RevocationCheck.NONE), settings);

    IssuedAccessToken access = issuer.issue("1", Set.of("read"), Optional.empty(), Optional.empty());
    clock.set(access.expiresAt().plusSeconds(10));
    assertThat(strict.verify(access.token()).subject()).as("past exp, inside the skew").isEqualTo("1");
    assertThat(revocation.revoke(access.token(), Optional.of("access_token")))
        .isEqualTo(TokenRevocation.Revoked.ACCESS_TOKEN);
    assertThatThrownBy(() -> strict.verify(access.token())).isInstanceOfSatisfying(TokenException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.REVOKED));

    IssuedAccessToken other = issuer.issue("1", Set.of("read"), Optional.empty(), Optional.empty());
    clock.set(other.expiresAt().plusSeconds(60));
    assertThat(tolerant.verify(other.token()).subject()).as("a verifier with the largest skew").isEqualTo("1");
    list.revoke(other.jti(), other.expiresAt());
    assertThatThrownBy(() -> tolerant.verify(other.token())).isInstanceOfSatisfying(TokenException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.REVOKED));
    long pttl = redis.pttl("revocation-test:blacklist:token:" + Secrets.sha256("jti:" + other.jti()));
    assertThat(pttl).as("until exp + the largest skew")
        .isBetween(AccessTokenSettings.MAX_SKEW.minusSeconds(61).toMillis(), AccessTokenSettings.MAX_SKEW.minusSeconds(60).toMillis());
  }

  @Test
  @DisplayName("RFC 7009: revoking a refresh token revokes its family and denies the grant's access tokens; an access token denies its jti; unknown is fine")
  void revokeCascades() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    TokenDenyList list = denyList();
    AccessTokenIssuer issuer = new AccessTokenIssuer(ring, settings, clock, RANDOM);
    AccessTokenVerifier verifier = new AccessTokenVerifier(ring, settings, clock, list);
    RefreshTokens refresh = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM);
    TokenRevocation revocation = new TokenRevocation(refresh, list,
        new AccessTokenVerifier(ring, settings, clock, AccessTokenVerifier.RevocationCheck.NONE), settings);

    RefreshTokens.Issued login = refresh.issue(1L);
    IssuedAccessToken access = issuer.issue("1", Set.of("read"), Optional.empty(), Optional.of(login.familyId()));
    IssuedAccessToken unrelated = issuer.issue("1", Set.of("read"), Optional.empty(), Optional.of("other-family"));
    assertThat(verifier.verify(access.token()).subject()).isEqualTo("1");

    assertThat(revocation.revoke(login.token(), Optional.of("refresh_token")))
        .isEqualTo(TokenRevocation.Revoked.REFRESH_TOKEN);
    assertThat(refresh.rotate(login.token()).outcome()).isEqualTo(RefreshTokens.Outcome.REVOKED);
    assertThatThrownBy(() -> verifier.verify(access.token())).isInstanceOfSatisfying(TokenException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.REVOKED));
    assertThat(verifier.verify(unrelated.token()).subject()).isEqualTo("1");

    assertThat(revocation.revoke(unrelated.token(), Optional.empty())).isEqualTo(TokenRevocation.Revoked.ACCESS_TOKEN);
    assertThatThrownBy(() -> verifier.verify(unrelated.token())).isInstanceOf(TokenException.class);
    assertThat(revocation.revoke("whatever", Optional.empty())).isEqualTo(TokenRevocation.Revoked.NOTHING);

    RefreshTokens.Issued a = refresh.issue(2L);
    IssuedAccessToken accessA = issuer.issue("2", Set.of(), Optional.empty(), Optional.of(a.familyId()));
    revocation.revokeUser(2L);
    assertThat(refresh.rotate(a.token()).outcome()).isEqualTo(RefreshTokens.Outcome.REVOKED);
    assertThatThrownBy(() -> verifier.verify(accessA.token())).isInstanceOf(TokenException.class);
  }

  @Test
  @DisplayName("a credential change through AccountCredentials over TokenRevocation revokes the "
      + "user's families and denies their access tokens; another user's stay valid")
  void credentialChangeDeniesAccessTokens() {
    KeyRing ring = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, RANDOM), clock);
    TokenDenyList list = denyList();
    AccessTokenIssuer issuer = new AccessTokenIssuer(ring, settings, clock, RANDOM);
    AccessTokenVerifier verifier = new AccessTokenVerifier(ring, settings, clock, list);
    RefreshTokens refresh = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM);
    AccountCredentials credentials = AccountCredentials.builder().refreshTokens(
        new TokenRevocation(refresh, list, verifier, settings)).build();
    RefreshTokens.Issued mine = refresh.issue(1L);
    RefreshTokens.Issued theirs = refresh.issue(2L);
    IssuedAccessToken access = issuer.issue("1", Set.of(), Optional.empty(), Optional.of(mine.familyId()));
    IssuedAccessToken other = issuer.issue("2", Set.of(), Optional.empty(), Optional.of(theirs.familyId()));

    assertThat(credentials.end(1L, AccountCredentials.Change.PASSWORD_RESET))
        .containsEntry("refresh-tokens", 1);
    assertThat(refresh.rotate(mine.token()).outcome()).isEqualTo(RefreshTokens.Outcome.REVOKED);
    assertThatThrownBy(() -> verifier.verify(access.token())).isInstanceOfSatisfying(TokenException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.REVOKED));
    assertThat(verifier.verify(other.token()).subject()).isEqualTo("2");
    assertThat(refresh.rotate(theirs.token()).outcome()).isEqualTo(RefreshTokens.Outcome.ROTATED);
  }
}
