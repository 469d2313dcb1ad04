package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TOTP over the seed spec's totp_secrets and over a table keeping step numbers. */
class TotpTest {
  static final Instant T0 = Instant.parse("2026-12-01T12:00:15Z");
  static final Otp OTP = Otp.standard();
  final MutableClock clock = new MutableClock(T0);
  final SecretBox box = new SecretBox(new byte[32], new SecureRandom());

  static byte[] seed(Totp.Enrolment enrolment) {
    assertThat(enrolment.toString()).doesNotContain("secret=").contains("uri=***");
    String secret = Arrays.stream(URI.create(enrolment.uri()).getRawQuery().split("&"))
        .filter(p -> p.startsWith("secret=")).findFirst().orElseThrow().substring(7);
    return Base32.decode(secret);
  }

  /** A database whose table keeps the last step's number, with a unique user column. */
  static Totp steps(MutableClock clock, SecretBox box) {
    DataSource db = PostgresServer.freshDatabase("totp_steps");
    Catalog.apply(db, "CREATE TABLE \"t o t p\" (\"owner\" bigint UNIQUE NOT NULL, "
        + "\"sealed\" text, \"step\" bigint, \"on\" boolean NOT NULL);");
    return new Totp(db, new Totp.Table("t o t p", "owner", "sealed", "step", "on", null, false),
        clock, box, new SecureRandom(), "Example");
  }

  @Test
  @DisplayName("the seed spec's table: confirmation by a first code, whose step is then used")
  void conventional() {
    DataSource db = SeedDatabase.fresh("totp", 1);
    Totp totp = new Totp(db, Totp.Table.conventional(), clock, box, new SecureRandom(), "Ex");
    Totp.Enrolment e = totp.enroll(1L);
    assertThat(e.challengeId()).isEqualTo("totp:1");
    byte[] seed = seed(e);
    assertThat(totp.verify(1L, OTP.totp(seed, T0))).as("not confirmed yet").isFalse();
    assertThat(totp.confirm(1L, OTP.totp(seed, T0))).isTrue();
    assertThat(totp.verify(1L, OTP.totp(seed, T0))).as("the confirming step").isFalse();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM totp_secrets WHERE enabled AND "
        + "confirmed_at IS NOT NULL AND last_used_at IS NOT NULL AND secret LIKE 'v1:%'"))
        .isEqualTo(1);
    totp.disable(1L);
    clock.set(T0.plusSeconds(60));
    assertThat(totp.verify(1L, OTP.totp(seed, clock.instant()))).isFalse();
  }

  @Test
  @DisplayName("step numbers: replay refused, an earlier step after a later one refused, and of "
      + "16 simultaneous presentations of one code exactly one wins")
  void replay() throws Exception {
    Totp totp = steps(clock, box);
    byte[] seed = seed(totp.enroll(7L));
    assertThat(totp.confirm(7L, OTP.totp(seed, T0))).isTrue();
    clock.set(T0.plusSeconds(300));
    Instant now = clock.instant();
    assertThat(totp.verify(7L, OTP.totp(seed, now))).isTrue();
    assertThat(totp.verify(7L, OTP.totp(seed, now))).isFalse();
    assertThat(totp.verify(7L, OTP.totp(seed, now.minusSeconds(30)))).isFalse();
    clock.set(now.plusSeconds(60));
    String code = OTP.totp(seed, clock.instant());
    List<Boolean> wins = StartGun.fire(16, () -> totp.verify(7L, code));
    assertThat(wins.stream().filter(w -> w).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("re-enrolment under a unique user column: the confirmed seed works until the "
      + "new one is confirmed; a newer pending seed replaces an older one")
  void reEnrolment() {
    Totp totp = steps(clock, box);
    byte[] old = seed(totp.enroll(1L));
    assertThat(totp.confirm(1L, OTP.totp(old, T0))).isTrue();
    clock.set(T0.plusSeconds(30));
    byte[] first = seed(totp.enroll(1L));
    byte[] second = seed(totp.enroll(1L));
    assertThat(totp.verify(1L, OTP.totp(first, clock.instant()))).isFalse();
    assertThat(totp.verify(1L, OTP.totp(old, clock.instant()))).isTrue();
    clock.set(T0.plusSeconds(60));
    assertThat(totp.confirm(1L, OTP.totp(first, clock.instant()))).isFalse();
    assertThat(totp.confirm(1L, OTP.totp(second, clock.instant()))).isTrue();
    clock.set(T0.plusSeconds(90));
    assertThat(totp.verify(1L, OTP.totp(old, clock.instant()))).isFalse();
    assertThat(totp.verify(1L, OTP.totp(second, clock.instant()))).isTrue();
    assertThat(totp.verify(2L, OTP.totp(second, clock.instant()))).as("another user").isFalse();
    assertThat(totp.toString()).isEqualTo("Totp[issuer=Example]");
  }

  @Test
  @DisplayName("a sealed seed containing _ or % uses up a step only in its own row: the "
      + "confirmed-seed check compares the text, it is no LIKE pattern")
  void sealedTextIsNoPattern() {
    DataSource db = PostgresServer.freshDatabase("totp_like");
    Catalog.apply(db, "CREATE TABLE \"t\" (\"u\" bigint UNIQUE NOT NULL, \"s\" text, "
        + "\"l\" bigint, \"e\" boolean NOT NULL); INSERT INTO \"t\" VALUES "
        + "(1, 'v1:abc;v1:p', NULL, TRUE), (2, 'v1:ab;v1:p', NULL, TRUE), "
        + "(3, 'v1:a_c;v1:p', NULL, TRUE), (4, 'v1:a_c', NULL, TRUE);");
    Totp totp = new Totp(db, new Totp.Table("t", "u", "s", "l", "e", null, false), clock, box,
        new SecureRandom(), "Example");
    assertThat(totp.consume(1L, "v1:a_c", 5L)).as("_ is no wildcard").isFalse();
    assertThat(totp.consume(2L, "v1:a%", 5L)).as("nor is %").isFalse();
    assertThat(totp.consume(3L, "v1:a_c", 5L)).as("its own row, pending after ;").isTrue();
    assertThat(totp.consume(4L, "v1:a_c", 5L)).as("its own row").isTrue();
    assertThat(totp.consume(4L, "v1:a_c", 5L)).as("the same step again").isFalse();
  }
}
