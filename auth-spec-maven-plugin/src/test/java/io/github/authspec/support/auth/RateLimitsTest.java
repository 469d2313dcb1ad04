package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.StartGun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Rate limits per bucket on a real Redis, with a fixed clock. */
class RateLimitsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private final RedisClient jedis = RedisServerSupport.client();
  private final MutableClock clock = new MutableClock(T0);
  private final String run = UUID.randomUUID().toString();
  private final RateLimits limits = new RateLimits(new JedisScripts(jedis), clock, 5,
      Duration.ofMinutes(1), List.of(
          new RateLimits.Scope("user", v -> "rl:" + run + ":user:" + Long.parseLong(v)),
          new RateLimits.Scope("ip", v -> "rl:" + run + ":ip:" + v)));

  @Test
  @DisplayName("start gun: 12 parallel requests on one bucket pass exactly 5 times; the refusal "
      + "says when to retry; peeking consumes nothing; buckets are apart")
  void exactLimit() throws Exception {
    List<Boolean> passed = StartGun.fire(12, () -> limits.acquire("user:7").allowed());
    assertThat(passed.stream().filter(p -> p).count()).isEqualTo(5);
    RateLimiter.Result refused = limits.acquire("user:7");
    assertThat(RateLimits.reason(refused)).isEqualTo("rate limited; Retry-After: 12 s");
    assertThat(limits.retryAfter("user:7")).isEqualTo(Duration.ofSeconds(12));
    assertThat(limits.retryAfter("user:7")).isEqualTo(Duration.ofSeconds(12));
    RateLimiter.Result other = limits.acquire("ip:203.0.113.7");
    assertThat(RateLimits.reason(other)).isEqualTo("4 left");
    assertThat(jedis.pttl("rl:" + run + ":ip:203.0.113.7")).isBetween(1L, 60_000L);
    clock.set(T0.plusSeconds(12));
    assertThat(limits.retryAfter("user:7")).isEqualTo(Duration.ZERO);
    assertThat(limits.acquire("user:7").allowed()).isTrue();
  }

  @Test
  @DisplayName("a malformed bucket, an unknown scope or a non-number is refused with the reason")
  void badBuckets() {
    assertThatThrownBy(() -> limits.acquire("nope")).isInstanceOf(
        IllegalArgumentException.class).hasMessage("a bucket is <scope>:<value>, the scope one "
        + "of user, ip");
    assertThatThrownBy(() -> limits.acquire(null)).hasMessageContaining("<scope>:<value>");
    assertThatThrownBy(() -> limits.retryAfter("planet:x"))
        .hasMessage("unknown bucket scope; use one of user, ip");
    assertThatThrownBy(() -> limits.acquire("user:abc"))
        .hasMessage("this bucket scope takes a number");
  }
}
