package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisClusterSupport;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.StartGun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;

/**
 * The generated DefaultRateLimitingService of the full seed spec (over the generated
 * JedisScripts) against a real Redis, and against a Redis Cluster of three masters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitingImplementationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private MutableClock clock;
  private Object standalone;

  @BeforeAll
  void start() {
    clock = new MutableClock(T0);
    standalone = service(Generated.scripts(), 5, Duration.ofMinutes(1));
  }

  private Object service(Object scripts, int limit, Duration period) {
    return Generated.create("service.auditsecurity.DefaultRateLimitingService", scripts, clock,
        limit, period);
  }

  private static boolean allowed(Object service, String bucket) {
    return (boolean) Generated.call(Generated.call(service, "tryAcquire", bucket,
        Generated.context()), "allowed");
  }

  private static String unique() {
    return UUID.randomUUID().toString();
  }

  @Test
  @DisplayName("fixed clock: 5 per minute pass at once, the 6th waits 12 s; the bucket refills "
      + "evenly")
  void limitAndRefill() {
    clock.set(T0);
    String bucket = "ip:" + unique();
    for (int i = 0; i < 5; i++) {
      assertThat(allowed(standalone, bucket)).as("request " + (i + 1)).isTrue();
    }
    Object refused = Generated.call(standalone, "tryAcquire", bucket, Generated.context());
    assertThat(Generated.call(refused, "allowed")).isEqualTo(false);
    assertThat(Generated.call(refused, "reason")).isEqualTo("rate limited; Retry-After: 12 s");
    assertThat(Generated.call(standalone, "retryAfter", bucket))
        .isEqualTo(Duration.ofSeconds(12));
    clock.set(T0.plusSeconds(11));
    assertThat(allowed(standalone, bucket)).isFalse();
    clock.set(T0.plusSeconds(12));
    assertThat(Generated.call(standalone, "retryAfter", bucket)).as("peeking consumes nothing")
        .isEqualTo(Duration.ZERO);
    assertThat(allowed(standalone, bucket)).isTrue();
    assertThat(allowed(standalone, bucket)).isFalse();
    clock.set(T0.plus(Duration.ofMinutes(5)));
    for (int i = 0; i < 5; i++) {
      assertThat(allowed(standalone, bucket)).isTrue();
    }
    assertThat(allowed(standalone, bucket)).isFalse();
  }

  @Test
  @DisplayName("buckets are separate; their keys are the spec's key classes; a TTL is always set")
  void keys() {
    clock.set(T0);
    String ip = unique();
    assertThat(allowed(standalone, "ip:" + ip)).isTrue();
    assertThat(allowed(standalone, "user:4711")).isTrue();
    try (Jedis jedis = new Jedis("127.0.0.1", RedisServerSupport.port())) {
      assertThat(jedis.pttl("rate_limit:ip:" + ip)).isBetween(1L, 60_000L);
      assertThat(jedis.pttl("rate_limit:user:4711")).isBetween(1L, 60_000L);
    }
  }

  @Test
  @DisplayName("a malformed bucket is refused with the reason")
  void badBuckets() {
    assertThatThrownBy(() -> allowed(standalone, "nope")).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("<scope>:<value>")
        .hasMessageContaining("user, ip, endpoint");
    assertThatThrownBy(() -> allowed(standalone, "planet:x"))
        .hasMessageContaining("unknown bucket scope");
    assertThatThrownBy(() -> allowed(standalone, "user:abc"))
        .hasMessage("this bucket scope takes a number");
  }

  @Test
  @DisplayName("start gun: 48 threads against a limit of 10 on one Redis, exactly 10 pass")
  void concurrentStandalone() throws Exception {
    clock.set(T0);
    Object service = service(Generated.scripts(), 10, Duration.ofMinutes(1));
    String bucket = "ip:" + unique();
    List<Boolean> results = StartGun.fire(48, () -> allowed(service, bucket));
    assertThat(results.stream().filter(r -> r).count()).isEqualTo(10);
  }

  @Test
  @DisplayName("start gun on a Redis Cluster of three masters: 48 threads, limit 10, on two "
      + "buckets in different slots: exactly 10 pass on each")
  void concurrentCluster() throws Exception {
    clock.set(T0);
    try (RedisClusterClient cluster = RedisClusterSupport.client()) {
      assertThat(cluster.getClusterNodes()).hasSize(3);
      Object service = service(Generated.clusterScripts(), 10, Duration.ofMinutes(1));
      String a = "ip:" + unique();
      String b = "endpoint:/login/" + unique();
      List<Boolean> results = StartGun.fire(48, () -> allowed(service, a));
      List<Boolean> others = StartGun.fire(48, () -> allowed(service, b));
      assertThat(results.stream().filter(r -> r).count()).isEqualTo(10);
      assertThat(others.stream().filter(r -> r).count()).isEqualTo(10);
    }
  }
}
