package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.auth.LockoutPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The generated backup-codes and account-lockout implementations against a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupCodesAndLockoutTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private DataSource db;
  private MutableClock clock;
  private Object codes;
  private Object lockout;

  @BeforeAll
  void start() {
    db = Generated.database("impl_codes_lockout");
    clock = new MutableClock(T0);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    codes = Generated.create("service.mfa.DefaultBackupCodesService", db, clock,
        Generated.create("auth.BackupCodes", key, new SecureRandom()));
    lockout = Generated.create("service.auditsecurity.DefaultAccountLockoutService", db, clock,
        Generated.create("auth.LockoutPolicy", 5, Duration.ofMinutes(1),
            Duration.ofMinutes(15)));
  }

  @SuppressWarnings("unchecked")
  private List<String> generate(long user) {
    return (List<String>) Generated.call(codes, "generate", user);
  }

  private boolean redeem(long user, String code) {
    return (boolean) Generated.call(codes, "redeem", user, code, Generated.context());
  }

  @Test
  @DisplayName("ten codes, stored hashed; each works once, in any case and spacing")
  void singleUse() {
    long user = Generated.user(db, "codes@example.com");
    List<String> fresh = generate(user);
    assertThat(fresh).hasSize(10).doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"));
    for (String c : fresh) {
      assertThat(Generated.scalar(db, "SELECT count(*) FROM backup_codes WHERE code_hash LIKE '%"
          + c.replace("-", "") + "%'")).isZero();
    }
    String first = fresh.get(0);
    assertThat(redeem(user, " " + first.toUpperCase(java.util.Locale.ROOT).replace("-", " ")))
        .isTrue();
    assertThat(redeem(user, first)).isFalse();
    assertThat(Generated.call(codes, "remaining", user)).isEqualTo(9);
    assertThat(Generated.scalar(db, "SELECT count(*) FROM backup_codes WHERE used AND used_at = "
        + "'2026-12-01 12:00:00+00' AND user_id = " + user)).isEqualTo(1);
    assertThat(redeem(user, "not a code")).isFalse();
    assertThat(redeem(Generated.user(db, "other@example.com"), fresh.get(1))).isFalse();
    List<String> replaced = generate(user);
    assertThat(redeem(user, fresh.get(1))).as("old codes die with a new set").isFalse();
    assertThat(redeem(user, replaced.get(1))).isTrue();
  }

  @Test
  @DisplayName("start gun: 16 threads redeem the same code, exactly one succeeds")
  void concurrentRedeem() throws Exception {
    long user = Generated.user(db, "race-codes@example.com");
    String code = generate(user).get(3);
    List<Boolean> results = StartGun.fire(16, () -> redeem(user, code));
    assertThat(results.stream().filter(r -> r).count()).as(results.toString()).isEqualTo(1);
    assertThat(Generated.call(codes, "remaining", user)).isEqualTo(9);
  }

  @SuppressWarnings("unchecked")
  private Optional<Instant> lockedUntil(long user) {
    return (Optional<Instant>) Generated.call(lockout, "lockedUntil", user);
  }

  private void fail(long user) {
    Generated.call(lockout, "recordFailure", user, Generated.context());
  }

  @Test
  @DisplayName("fixed clock: 4 failures do not lock, the 5th locks 1 min, the 6th 2 min; "
      + "locks expire; success clears")
  void lockoutTable() {
    long user = Generated.user(db, "lock@example.com");
    clock.set(T0);
    for (int i = 1; i <= 4; i++) {
      fail(user);
      assertThat(lockedUntil(user)).as("after " + i).isEmpty();
    }
    fail(user);
    assertThat(lockedUntil(user)).contains(T0.plus(Duration.ofMinutes(1)));
    clock.set(T0.plusSeconds(59));
    assertThat(lockedUntil(user)).isPresent();
    clock.set(T0.plusSeconds(60));
    assertThat(lockedUntil(user)).as("expired at its end").isEmpty();
    fail(user);
    assertThat(lockedUntil(user)).contains(T0.plusSeconds(60).plus(Duration.ofMinutes(2)));
    assertThat(Generated.queryText(db, "SELECT " + Generated.utcWall("locked_at") + " FROM users WHERE id = " + user))
        .isEqualTo("2026-12-01 12:00:00");
    Generated.call(lockout, "recordSuccess", user);
    assertThat(lockedUntil(user)).isEmpty();
    assertThat(Generated.scalar(db, "SELECT failed_login_attempts FROM users WHERE id = "
        + user)).isZero();
  }

  @Test
  @DisplayName("start gun: 24 parallel failures count 24 and lock for exactly the policy's "
      + "time; unlock clears")
  void concurrentFailures() throws Exception {
    long user = Generated.user(db, "race-lock@example.com");
    clock.set(T0);
    StartGun.fire(24, () -> {
      fail(user);
      return null;
    });
    assertThat(Generated.scalar(db, "SELECT failed_login_attempts FROM users WHERE id = "
        + user)).isEqualTo(24);
    Duration expected = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15))
        .lockFor(24);
    assertThat(expected).isEqualTo(Duration.ofMinutes(15));
    assertThat(lockedUntil(user)).contains(T0.plus(expected));
    Generated.call(lockout, "unlock", user, 1L);
    assertThat(lockedUntil(user)).isEmpty();
  }

  @Test
  @DisplayName("the lock grows by doubling up to its maximum")
  void growth() {
    LockoutPolicy p = LockoutPolicy.standard();
    assertThat(List.of(p.lockFor(4), p.lockFor(5), p.lockFor(6), p.lockFor(8), p.lockFor(9),
        p.lockFor(100))).containsExactly(Duration.ZERO, Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(8), Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }
}
