package io.github.authspec.support.auth;

import java.time.Duration;
import java.util.List;

/**
 * Windowed counters in Redis: one Lua script per count on one key (INCR, and the window's
 * expiry on the first count of a window), so parallel counts are exact and Cluster safe.
 */
public final class Counters {
  static final String INCREMENT = String.join("\n",
      "local n = redis.call('INCR', KEYS[1])",
      "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end",
      "return {n}");
  static final String READ = "return {tonumber(redis.call('GET', KEYS[1]) or '0')}";

  private final RedisScripts redis;
  private final Duration window;

  /**
   * Counters over a window.
   *
   * @param redis runs the scripts
   * @param window how long a count lives from its window's first event
   */
  public Counters(RedisScripts redis, Duration window) {
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be at least 1 ms");
    }
    this.redis = redis;
    this.window = window;
  }

  /**
   * Counts one event.
   *
   * @param key the counter's key
   * @return the count in the current window, this event included
   */
  public long increment(String key) {
    return redis.eval(INCREMENT, key, List.of(Long.toString(window.toMillis()))).get(0);
  }

  /**
   * The count in the current window.
   *
   * @param key the counter's key
   * @return the count
   */
  public long read(String key) {
    return redis.eval(READ, key, List.of()).get(0);
  }
}
