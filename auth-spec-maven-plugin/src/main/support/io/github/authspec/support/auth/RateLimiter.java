package io.github.authspec.support.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A GCRA rate limit (the algorithm of redis-cell): {@code limit} requests per {@code period},
 * all of them available at once, refilled evenly. One Lua script per decision on one key holds
 * the bucket's theoretical arrival time, so parallel requests pass exactly {@code limit} times
 * and a Redis Cluster routes it to one slot. Times come from the injected clock, in the
 * script's arguments, so tests can fix them.
 */
public final class RateLimiter {
  /**
   * The GCRA step. The stored value counts in units of 1/limit ms, so the emission interval
   * (period/limit ms) is exactly {@code period} units and all arithmetic stays integral.
   * ARGV: now (ms), limit, period (ms), commit (1) or peek (0). Reply: allowed (1/0),
   * remaining, retry after (ms).
   */
  static final String SCRIPT = String.join("\n",
      "local now = tonumber(ARGV[1]) * tonumber(ARGV[2])",
      "local period = tonumber(ARGV[3])",
      "local horizon = now + period * tonumber(ARGV[2])",
      "local tat = tonumber(redis.call('GET', KEYS[1]) or '0')",
      "if tat < now then tat = now end",
      "local new = tat + period",
      "if new > horizon then",
      "  return {0, 0, math.ceil((new - horizon) / tonumber(ARGV[2]))}",
      "end",
      "if ARGV[4] == '1' then",
      "  redis.call('SET', KEYS[1], string.format('%.0f', new), 'PX',",
      "    math.ceil((new - now) / tonumber(ARGV[2])))",
      "end",
      "return {1, math.floor((horizon - new) / period), 0}");

  /**
   * One decision.
   *
   * @param allowed whether the request may proceed
   * @param remaining how many more would pass now
   * @param retryAfter how long until one would pass (zero when allowed)
   */
  public record Result(boolean allowed, long remaining, Duration retryAfter) {
  }

  /** Times count from 2020, so now × limit stays an exact integer in Lua's doubles. */
  private static final long EPOCH_MS = 1_577_836_800_000L;

  private final RedisScripts redis;
  private final int limit;
  private final Duration period;

  /**
   * A limit.
   *
   * @param redis runs the script
   * @param limit requests per period, 1 to 10,000
   * @param period the period
   */
  public RateLimiter(RedisScripts redis, int limit, Duration period) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1 to 10000");
    }
    if (period.toMillis() < 1) {
      throw new IllegalArgumentException("period must be at least 1 ms");
    }
    this.redis = redis;
    this.limit = limit;
    this.period = period;
  }

  /**
   * Consumes one request from the bucket at {@code key}, if one is left.
   *
   * @param key the bucket's key
   * @param now the time
   * @return the decision
   */
  public Result acquire(String key, Instant now) {
    return run(key, now, "1");
  }

  /**
   * What {@link #acquire} would decide, without consuming.
   *
   * @param key the bucket's key
   * @param now the time
   * @return the decision it would make
   */
  public Result peek(String key, Instant now) {
    return run(key, now, "0");
  }

  private Result run(String key, Instant now, String commit) {
    List<Long> r = redis.eval(SCRIPT, key, List.of(Long.toString(now.toEpochMilli() - EPOCH_MS),
        Integer.toString(limit), Long.toString(period.toMillis()), commit));
    return new Result(r.get(0) == 1L, r.get(1), Duration.ofMillis(r.get(2)));
  }

  @Override
  public String toString() {
    return "RateLimiter[" + limit + " per " + period + "]";
  }
}
