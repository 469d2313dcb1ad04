package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.support.auth.Otp;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;

/**
 * The generated hardware-tokens, failed-login-tracking, brute-force-detection,
 * password-expiration, force-password-change and mfa-grace-period implementations of the full
 * seed spec against real PostgreSQL and Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherFeaturesImplementationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static final byte[] RFC4226 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private DataSource db;
  private MutableClock clock;

  @BeforeAll
  void start() {
    db = Generated.database("impl_other");
    clock = new MutableClock(T0);
  }

  /** A TokenSeeds of the generated package that knows one serial, as a vendor file would. */
  private Object seeds(String serial) {
    Class<?> type = Generated.type("auth.TokenSeeds");
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> method.getName().equals("seed")
            ? (serial.equals(args[0]) ? Optional.of(RFC4226.clone()) : Optional.empty())
            : method.getName().equals("hashCode") ? 0 : method.getName().equals("equals")
            ? proxy == args[0] : "TokenSeeds");
  }

  @Test
  @DisplayName("hardware tokens: RFC 4226 codes in order, a look-ahead of 10, never twice")
  void hotp() {
    long user = Generated.user(db, "fob@example.com");
    Object tokens = Generated.create("service.mfa.DefaultHardwareTokensService", db, clock,
        seeds("HT-1"));
    Generated.call(tokens, "register", user, "HT-1", Generated.context());
    assertThat(verify(tokens, user, "755224")).isTrue();
    assertThat(verify(tokens, user, "755224")).as("counter 0 again").isFalse();
    assertThat(verify(tokens, user, "254676")).as("counter 5, within the window").isTrue();
    assertThat(verify(tokens, user, "969429")).as("counter 3, behind").isFalse();
    assertThat(verify(tokens, user, "287922")).isTrue();
    Generated.call(tokens, "unregister", user, "HT-1");
    assertThat(verify(tokens, user, "162583")).isFalse();
  }

  @Test
  @DisplayName("start gun: 16 threads present one HOTP code, exactly one is accepted")
  void hotpRace() throws Exception {
    long user = Generated.user(db, "fob-race@example.com");
    Object tokens = Generated.create("service.mfa.DefaultHardwareTokensService", db, clock,
        seeds("HT-2"));
    Generated.call(tokens, "register", user, "HT-2", Generated.context());
    List<Boolean> r = StartGun.fire(16, () -> verify(tokens, user, "359152"));
    assertThat(r.stream().filter(x -> x).count()).isEqualTo(1);
  }

  /** A TokenSeeds over a map that hands out its own arrays, as a simple key store would. */
  private static Object mapSeeds(Map<String, byte[]> store) {
    Class<?> type = Generated.type("auth.TokenSeeds");
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> method.getName().equals("seed")
            ? Optional.ofNullable(store.get((String) args[0]))
            : method.getName().equals("hashCode") ? 0 : method.getName().equals("equals")
            ? proxy == args[0] : "TokenSeeds");
  }

  @Test
  @DisplayName("hardware tokens: verifying never writes into the seed store's array, so the "
      + "real seed keeps working and a code of an all-zero key never does")
  void hotpLeavesTheStoredSeedAlone() {
    long user = Generated.user(db, "fob-store@example.com");
    Map<String, byte[]> store = new ConcurrentHashMap<>(Map.of("HT-3", RFC4226.clone()));
    Object tokens = Generated.create("service.mfa.DefaultHardwareTokensService", db, clock,
        mapSeeds(store));
    Generated.call(tokens, "register", user, "HT-3", Generated.context());
    assertThat(verify(tokens, user, "755224")).as("counter 0 of the real seed").isTrue();
    assertThat(verify(tokens, user, "287082")).as("counter 1 of the real seed").isTrue();
    assertThat(store.get("HT-3")).as("the store's array").isEqualTo(RFC4226);
    String zeroKey = Otp.standard().hotp(new byte[RFC4226.length], 2);
    assertThat(zeroKey).isNotEqualTo("359152");
    assertThat(verify(tokens, user, zeroKey)).as("a code of an all-zero key").isFalse();
    assertThat(verify(tokens, user, "359152")).as("counter 2 of the real seed").isTrue();
  }

  private static boolean verify(Object tokens, long user, String code) {
    return (boolean) Generated.call(tokens, "verify", user, code, Generated.context());
  }

  @Test
  @DisplayName("failed logins are recorded with their reason and counted since a time")
  void failedLogins() {
    long user = Generated.user(db, "tracked@example.com");
    Object tracking = Generated.create("service.auditsecurity.DefaultFailedLoginTrackingService",
        Generated.unimplemented("service.auditsecurity.LoginHistoryService"), db, clock);
    clock.set(T0);
    for (int i = 0; i < 3; i++) {
      Generated.call(tracking, "recordFailure", user, Generated.context(), "bad-password");
    }
    assertThat(Generated.call(tracking, "failuresSince", user, T0)).isEqualTo(3);
    assertThat(Generated.call(tracking, "failuresSince", user, T0.plusSeconds(1))).isEqualTo(0);
    assertThat(Generated.queryText(db, "SELECT failure_code || ' ' || ip_address FROM "
        + "login_history WHERE user_id = " + user + " LIMIT 1"))
        .isEqualTo("bad-password 203.0.113.7");
  }

  @Test
  @DisplayName("brute force: failures per address counted exactly under a start gun")
  void bruteForce() throws Exception {
    Object scripts = Generated.scripts();
    Object detection = Generated.create(
        "service.auditsecurity.DefaultBruteForceDetectionService", scripts, 30,
        Duration.ofMinutes(15));
    String ip = UUID.randomUUID().toString();
    StartGun.fire(29, () -> Generated.call(detection, "recordAttempt", ip, Optional.of(7L),
        false));
    assertThat(Generated.call(detection, "isUnderAttack", ip)).isEqualTo(false);
    Generated.call(detection, "recordAttempt", ip, Optional.empty(), true);
    assertThat(Generated.call(detection, "isUnderAttack", ip)).isEqualTo(false);
    Generated.call(detection, "recordAttempt", ip, Optional.empty(), false);
    assertThat(Generated.call(detection, "isUnderAttack", ip)).isEqualTo(true);
    try (Jedis jedis = new Jedis("127.0.0.1", RedisServerSupport.port())) {
      assertThat(jedis.get("brute_force:ip:" + ip)).isEqualTo("30");
      assertThat(jedis.pttl("brute_force:ip:" + ip)).isBetween(1L, 900_000L);
    }
  }

  @Test
  @DisplayName("fixed clock: expiry only when marked or past a maximum age; forced change; "
      + "MFA grace from account creation")
  void accountFlags() throws Exception {
    long user = Generated.user(db, "flags@example.com");
    clock.set(T0);
    Object policies = Generated.create(
        "service.passwordmanagement.DefaultPasswordPoliciesService", db, false, null);
    Object never = Generated.create("service.passwordmanagement.DefaultPasswordExpirationService",
        policies, db, clock, null);
    assertThat(Generated.call(never, "violations", "short".toCharArray(), Generated.context()))
        .as("the parent's operations are forwarded")
        .isEqualTo(List.of("at least 15 characters"));
    assertThat(Generated.call(never, "isExpired", user, Generated.context())).isEqualTo(false);
    Generated.call(never, "expireNow", user);
    assertThat(Generated.call(never, "isExpired", user, Generated.context())).isEqualTo(true);
    long other = Generated.user(db, "aged@example.com");
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.execute("UPDATE users SET password_changed_at = '2026-11-01 12:00:00+00', created_at = "
          + "'2026-11-28 12:00:00+00' WHERE id = " + other);
    }
    Object aged = Generated.create("service.passwordmanagement.DefaultPasswordExpirationService",
        policies, db, clock, Duration.ofDays(30));
    assertThat(Generated.call(aged, "expiresAt", other))
        .isEqualTo(Optional.of(Instant.parse("2026-12-01T12:00:00Z")));
    assertThat(Generated.call(aged, "isExpired", other, Generated.context())).isEqualTo(true);
    clock.set(T0.minusSeconds(1));
    assertThat(Generated.call(aged, "isExpired", other, Generated.context())).isEqualTo(false);

    Object force = Generated.create("service.passwordmanagement.DefaultForcePasswordChangeService",
        policies, db, clock);
    assertThat(Generated.call(force, "isRequired", user)).isEqualTo(false);
    Generated.call(force, "require", user, "admin reset");
    assertThat(Generated.call(force, "isRequired", user)).isEqualTo(true);
    Generated.call(force, "clear", user);
    assertThat(Generated.call(force, "isRequired", user)).isEqualTo(false);

    Object grace = Generated.create("service.mfa.DefaultMfaGracePeriodService",
        Generated.unimplemented("service.mfa.TotpService"), db, clock, Duration.ofDays(7));
    clock.set(T0);
    assertThat(Generated.call(grace, "graceUntil", other))
        .isEqualTo(Optional.of(Instant.parse("2026-12-05T12:00:00Z")));
    assertThat(Generated.call(grace, "mustEnroll", other, Generated.context())).isEqualTo(false);
    clock.set(Instant.parse("2026-12-05T12:00:00Z"));
    assertThat(Generated.call(grace, "mustEnroll", other, Generated.context())).isEqualTo(true);
  }
}
