package io.github.authspec.support.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The deny-list of access tokens revoked before verifiers stop accepting them (RFC 7009 §2.1,
 * RFC 7519 jti), in Redis: one {@code SET key 1 PX <ttl>} per entry, so Redis removes it itself;
 * keys hold SHA-256 digests of the ids, never tokens. A verifier accepts a token until its exp
 * plus its skew, and {@link AccessTokenSettings} caps every skew at
 * {@link AccessTokenSettings#MAX_SKEW}: an entry lives until exp plus that cap, so no verifier
 * accepts a revoked token again, whatever its settings. A grant (refresh-token family) is denied
 * the same way, for the longest life an access token of it can still have. Each check touches
 * one key, so it works on Redis Cluster.
 */
public final class TokenDenyList implements AccessTokenVerifier.RevocationCheck {
  /** The two Redis commands the deny-list needs; adapt Lettuce, Jedis or Spring Data Redis. */
  public interface Commands {
    /**
     * {@code SET key value PX ttlMillis}.
     *
     * @param key the key
     * @param value the value
     * @param ttlMillis the time to live in milliseconds (positive)
     */
    void setWithTtl(String key, String value, long ttlMillis);

    /**
     * {@code EXISTS key}.
     *
     * @param key the key
     * @return whether it exists
     */
    boolean exists(String key);
  }

  private final Commands redis;
  private final UnaryOperator<String> keyOf;
  private final Clock clock;

  /**
   * A deny-list.
   *
   * @param redis the commands
   * @param keyOf the key of a digest, from the spec's key pattern
   *     ({@code hash -> "blacklist:token:" + hash})
   * @param clock the clock
   */
  public TokenDenyList(Commands redis, UnaryOperator<String> keyOf, Clock clock) {
    this.redis = redis;
    this.keyOf = keyOf;
    this.clock = clock;
  }

  /**
   * Denies a token id until no verifier accepts the token any more (its exp plus the largest
   * skew); a token past that needs no entry.
   *
   * @param jti the token id
   * @param expiresAt the token's exp
   */
  public void revoke(String jti, Instant expiresAt) {
    long ttl = Duration.between(clock.instant(), expiresAt.plus(AccessTokenSettings.MAX_SKEW))
        .toMillis();
    if (ttl > 0) {
      redis.setWithTtl(keyOf.apply(Secrets.sha256("jti:" + jti)), "1", ttl);
    }
  }

  /**
   * Denies every access token of a grant still alive: the entry lives for the access token
   * lifetime plus the largest skew.
   *
   * @param grantId the refresh-token family
   * @param lifetime the access token lifetime
   */
  public void revokeGrant(String grantId, Duration lifetime) {
    redis.setWithTtl(keyOf.apply(Secrets.sha256("fid:" + grantId)), "1",
        lifetime.plus(AccessTokenSettings.MAX_SKEW).toMillis());
  }

  /**
   * Whether a token id is denied.
   *
   * @param jti the token id
   * @return whether it is revoked
   */
  public boolean isRevoked(String jti) {
    return redis.exists(keyOf.apply(Secrets.sha256("jti:" + jti)));
  }

  @Override
  public boolean isRevoked(String jti, Optional<String> grantId) {
    return isRevoked(jti)
        || grantId.isPresent() && redis.exists(keyOf.apply(Secrets.sha256("fid:" + grantId.get())));
  }
}
