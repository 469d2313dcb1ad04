package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.auth.Base32;
import io.github.authspec.support.auth.Otp;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated DefaultTotpService of the full seed spec against a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotpImplementationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:15Z");
  private static final Otp OTP = Otp.standard();
  private DataSource db;
  private MutableClock clock;
  private Object service;

  @BeforeAll
  void start() {
    db = Generated.database("impl_totp");
    clock = new MutableClock(T0);
    Object box = Generated.create("auth.SecretBox", new byte[32], new SecureRandom());
    service = Generated.create("service.mfa.DefaultTotpService", db, clock, box,
        new SecureRandom(), "Example & Co");
  }

  private long enrolled(String email) {
    clock.set(T0);
    long user = Generated.user(db, email);
    byte[] seed = seed(Generated.call(service, "enroll", user, Generated.context()));
    assertThat(Generated.call(service, "confirmEnrollment", user, OTP.totp(seed, T0),
        Generated.context())).isEqualTo(true);
    seeds.put(user, seed);
    return user;
  }

  private final java.util.Map<Long, byte[]> seeds = new java.util.concurrent.ConcurrentHashMap<>();

  private static byte[] seed(Object challenge) {
    String uri = (String) Generated.call(challenge, "payload");
    assertThat(uri).startsWith("otpauth://totp/Example%20%26%20Co:")
        .contains("&issuer=Example%20%26%20Co&algorithm=SHA1&digits=6&period=30");
    String query = URI.create(uri).getRawQuery();
    String secret = Arrays.stream(query.split("&")).filter(p -> p.startsWith("secret="))
        .findFirst().orElseThrow().substring("secret=".length());
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(Generated.call(challenge, "toString").toString()).doesNotContain(secret);
    return Base32.decode(secret);
  }

  @Test
  @DisplayName("enrolment stores the seed sealed, never in plain or Base32 form")
  void sealedAtRest() {
    long user = enrolled("sealed@example.com");
    String stored = String.valueOf(Generated.queryText(db,
        "SELECT secret FROM totp_secrets WHERE user_id = " + user));
    assertThat(stored).startsWith("v1:").doesNotContain(Base32.encode(seeds.get(user)));
    assertThat(Generated.scalar(db, "SELECT count(*) FROM totp_secrets WHERE enabled AND "
        + "confirmed_at IS NOT NULL AND user_id = " + user)).isEqualTo(1);
  }

  @ParameterizedTest(name = "a code of step {0} at now: {1}")
  @CsvSource({"-2, false", "-1, true", "0, true", "1, true", "2, false"})
  @DisplayName("one time step of drift either side is accepted, two are not")
  void drift(int offset, boolean accepted) {
    long user = enrolled("drift" + offset + "@example.com");
    Instant now = T0.plus(Duration.ofMinutes(5));
    clock.set(now);
    String code = OTP.totp(seeds.get(user), now.plusSeconds(30L * offset));
    assertThat(Generated.call(service, "verify", user, code, Generated.context()))
        .isEqualTo(accepted);
  }

  @Test
  @DisplayName("a code is accepted once; an earlier step after a later one is refused")
  void replay() {
    long user = enrolled("replay@example.com");
    Instant now = T0.plus(Duration.ofMinutes(10));
    clock.set(now);
    byte[] seed = seeds.get(user);
    assertThat(verify(user, OTP.totp(seed, now))).isTrue();
    assertThat(verify(user, OTP.totp(seed, now))).isFalse();
    assertThat(verify(user, OTP.totp(seed, now.minusSeconds(30)))).isFalse();
    clock.set(now.plusSeconds(30));
    assertThat(verify(user, OTP.totp(seed, now.plusSeconds(30)))).isTrue();
  }

  @Test
  @DisplayName("the confirming code cannot be used again to sign in")
  void confirmationUsesItsStep() {
    long user = enrolled("confirm@example.com");
    assertThat(verify(user, OTP.totp(seeds.get(user), T0))).isFalse();
  }

  @Test
  @DisplayName("enrolling again leaves the confirmed factor working until the new seed is "
      + "confirmed, which then replaces it; a newer pending seed replaces an older one")
  void reEnrolment() {
    long user = enrolled("again@example.com");
    byte[] old = seeds.get(user);
    Instant now = T0.plus(Duration.ofMinutes(40));
    clock.set(now);
    byte[] first = seed(Generated.call(service, "enroll", user, Generated.context()));
    assertThat(verify(user, OTP.totp(old, now))).as("the confirmed factor, while a new one is "
        + "pending").isTrue();
    clock.set(now.plusSeconds(30));
    assertThat(verify(user, OTP.totp(first, clock.instant()))).as("a pending seed signs no "
        + "one in").isFalse();
    assertThat(verify(user, OTP.totp(old, clock.instant()))).isTrue();

    byte[] second = seed(Generated.call(service, "enroll", user, Generated.context()));
    clock.set(now.plusSeconds(60));
    assertThat(confirm(user, OTP.totp(first, clock.instant()))).as("the replaced pending seed")
        .isFalse();
    assertThat(verify(user, OTP.totp(old, clock.instant()))).isTrue();
    clock.set(now.plusSeconds(90));
    assertThat(confirm(user, OTP.totp(second, clock.instant()))).isTrue();
    assertThat(confirm(user, OTP.totp(second, clock.instant()))).as("confirmed once").isFalse();

    clock.set(now.plusSeconds(120));
    assertThat(verify(user, OTP.totp(old, clock.instant()))).as("the replaced factor")
        .isFalse();
    assertThat(verify(user, OTP.totp(second, clock.instant()))).isTrue();
    assertThat(Generated.scalar(db, "SELECT count(*) FROM totp_secrets WHERE user_id = "
        + user)).isEqualTo(1);
  }

  private boolean confirm(long user, String code) {
    return (boolean) Generated.call(service, "confirmEnrollment", user, code,
        Generated.context());
  }

  @Test
  @DisplayName("wrong codes, malformed codes, unknown users and disabled secrets are refused")
  void refusals() {
    long user = enrolled("refuse@example.com");
    clock.set(T0.plus(Duration.ofMinutes(20)));
    String good = OTP.totp(seeds.get(user), clock.instant());
    String wrong = String.format("%06d", (Integer.parseInt(good) + 1) % 1_000_000);
    assertThat(verify(user, wrong)).isFalse();
    assertThat(verify(user, "12345")).isFalse();
    assertThat(verify(user, "abcdef")).isFalse();
    assertThat(verify(user, null)).isFalse();
    assertThat(verify(999_999L, good)).isFalse();
    Generated.call(service, "disable", user, Generated.context());
    assertThat(verify(user, good)).isFalse();
  }

  @Test
  @DisplayName("a seed sealed under another key does not open: a clear error, no secret in it")
  void wrongKey() {
    long user = enrolled("key@example.com");
    byte[] other = new byte[32];
    other[0] = 1;
    Object otherService = Generated.create("service.mfa.DefaultTotpService", db, clock,
        Generated.create("auth.SecretBox", other, new SecureRandom()), new SecureRandom(), "x");
    assertThatThrownBy(() -> Generated.call(otherService, "verify", user, "000000",
        Generated.context())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sealed secret does not open with this key");
  }

  @Test
  @DisplayName("start gun: 16 threads submit the same valid code, exactly one is accepted")
  void concurrentSameCode() throws Exception {
    long user = enrolled("race@example.com");
    Instant now = T0.plus(Duration.ofMinutes(30));
    clock.set(now);
    String code = OTP.totp(seeds.get(user), now);
    List<Boolean> results = StartGun.fire(16, () -> verify(user, code));
    assertThat(results.stream().filter(r -> r).count()).as(results.toString()).isEqualTo(1);
  }

  private boolean verify(long user, String code) {
    return (boolean) Generated.call(service, "verify", user, code, Generated.context());
  }
}
