package io.github.authspec.support.auth;

import java.util.List;
import java.util.Objects;

/**
 * {@link AuthorizationCache}'s store in Redis through {@link RedisScripts}: each entry is one
 * field ({@code entry}) of a hash at the user's key, which the spec declares as a hash, and
 * lives for the TTL from its last write. One script per operation, on the one key.
 */
public final class RedisCacheStore implements AuthorizationCache.Store {
  private static final String GET = "local v = redis.call('HGET', KEYS[1], 'entry')"
      + " if v then return {v} end return {}";
  private static final String SET = "redis.call('HSET', KEYS[1], 'entry', ARGV[1])"
      + " redis.call('EXPIRE', KEYS[1], ARGV[2]) return {1}";
  private static final String DELETE = "return {redis.call('DEL', KEYS[1])}";

  private final RedisScripts redis;

  /**
   * A store over Redis.
   *
   * @param redis runs the scripts; it must answer {@link RedisScripts#evalText}
   */
  public RedisCacheStore(RedisScripts redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public String get(String key) {
    List<String> reply = redis.evalText(GET, key, List.of());
    return reply.isEmpty() ? null : reply.get(0);
  }

  @Override
  public void set(String key, String value, long ttlSeconds) {
    redis.eval(SET, key, List.of(value, Long.toString(Math.max(1, ttlSeconds))));
  }

  @Override
  public void delete(String key) {
    redis.eval(DELETE, key, List.of());
  }

  @Override
  public String toString() {
    return "RedisCacheStore";
  }
}
