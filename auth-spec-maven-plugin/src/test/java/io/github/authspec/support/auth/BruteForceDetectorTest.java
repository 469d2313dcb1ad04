package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.StartGun;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Brute-force detection on a real Redis. */
class BruteForceDetectorTest {
  private final RedisClient jedis = RedisServerSupport.client();
  private final BruteForceDetector detector = new BruteForceDetector(new JedisScripts(jedis), 20,
      Duration.ofMinutes(15));

  @Test
  @DisplayName("start gun: 19 parallel failures are counted exactly per address and account; "
      + "a success neither counts nor resets; the 20th failure is an attack; keys get the window")
  void countsExactly() throws Exception {
    String ip = "bf:ip:" + UUID.randomUUID();
    String user = "bf:user:" + UUID.randomUUID();
    StartGun.fire(19, () -> {
      detector.recordAttempt(ip, Optional.of(user), false);
      return 1;
    });
    assertThat(detector.isUnderAttack(ip)).isFalse();
    assertThat(detector.isTargeted(user)).isFalse();
    detector.recordAttempt(ip, Optional.of(user), true);
    assertThat(jedis.get(ip)).isEqualTo("19");
    detector.recordAttempt(ip, Optional.empty(), false);
    assertThat(detector.isUnderAttack(ip)).isTrue();
    assertThat(detector.isTargeted(user)).as("the last failure had no account").isFalse();
    assertThat(jedis.get(user)).isEqualTo("19");
    assertThat(jedis.pttl(ip)).isBetween(1L, 900_000L);
    assertThat(detector.isUnderAttack("bf:ip:" + UUID.randomUUID())).isFalse();
  }

  @Test
  @DisplayName("a threshold below one or a window under a millisecond is refused")
  void settings() {
    JedisScripts scripts = new JedisScripts(jedis);
    assertThatThrownBy(() -> new BruteForceDetector(scripts, 0, Duration.ofMinutes(1)))
        .hasMessage("threshold must be at least 1");
    assertThatThrownBy(() -> new BruteForceDetector(scripts, 1, Duration.ZERO))
        .hasMessage("window must be at least 1 ms");
    assertThat(detector.toString()).isEqualTo("BruteForceDetector[threshold=20]");
  }
}
