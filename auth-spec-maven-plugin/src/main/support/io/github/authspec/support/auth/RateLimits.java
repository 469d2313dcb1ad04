package io.github.authspec.support.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rate limits per bucket over {@link RateLimiter} (GCRA, one Lua script per decision on the
 * bucket's one key). A bucket is named {@code <scope>:<value>}; each scope turns its value into
 * the Redis key of the spec's key pattern ({@code ip:203.0.113.7} →
 * {@code rate_limit:ip:203.0.113.7}).
 */
public final class RateLimits {
  /**
   * A bucket scope.
   *
   * @param name the scope's name, the bucket's part before the colon
   * @param resolve a value's Redis key; a {@link NumberFormatException} means a bad value
   */
  public record Scope(String name, Function<String, String> resolve) {
  }

  private final RateLimiter limiter;
  private final Clock clock;
  private final Map<String, Function<String, String>> scopes = new LinkedHashMap<>();
  private final String known;

  /**
   * Limits over Redis.
   *
   * @param redis runs the scripts
   * @param clock the time of requests
   * @param limit requests per period per bucket
   * @param period the period
   * @param scopes the bucket scopes, in the order errors list them
   */
  public RateLimits(RedisScripts redis, Clock clock, int limit, Duration period,
      List<Scope> scopes) {
    this.limiter = new RateLimiter(redis, limit, period);
    this.clock = Objects.requireNonNull(clock, "clock");
    scopes.forEach(s -> this.scopes.put(s.name(), s.resolve()));
    this.known = String.join(", ", this.scopes.keySet());
  }

  /**
   * Consumes one request from a bucket, if one is left.
   *
   * @param bucket {@code <scope>:<value>}
   * @return the decision
   * @throws IllegalArgumentException for a malformed bucket or an unknown scope
   */
  public RateLimiter.Result acquire(String bucket) {
    return limiter.acquire(key(bucket), clock.instant());
  }

  /**
   * How long until the bucket allows a request, consuming nothing.
   *
   * @param bucket {@code <scope>:<value>}
   * @return zero when one would pass now
   */
  public Duration retryAfter(String bucket) {
    return limiter.peek(key(bucket), clock.instant()).retryAfter();
  }

  /**
   * A decision's reason: what is left, or the whole seconds to send as {@code Retry-After}.
   *
   * @param r the decision
   * @return the reason text
   */
  public static String reason(RateLimiter.Result r) {
    long seconds = (r.retryAfter().toMillis() + 999) / 1000;
    return r.allowed() ? r.remaining() + " left" : "rate limited; Retry-After: " + seconds + " s";
  }

  String key(String bucket) {
    int colon = bucket == null ? -1 : bucket.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a bucket is <scope>:<value>, the scope one of "
          + known);
    }
    Function<String, String> scope = scopes.get(bucket.substring(0, colon));
    if (scope == null) {
      throw new IllegalArgumentException("unknown bucket scope; use one of " + known);
    }
    try {
      return scope.apply(bucket.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("this bucket scope takes a number");
    }
  }

  @Override
  public String toString() {
    return "RateLimits[" + limiter + ", scopes " + known + "]";
  }
}
