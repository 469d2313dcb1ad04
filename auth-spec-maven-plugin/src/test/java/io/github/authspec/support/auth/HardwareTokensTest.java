package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HOTP tokens over a full table and over a bare one. */
class HardwareTokensTest {
  static final Otp OTP = Otp.standard();
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final byte[] seed = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Test
  @DisplayName("look-ahead of 10, each code once, the store's seed left intact, revocation")
  void full() {
    DataSource db = PostgresServer.freshDatabase("hotp_full");
    Catalog.apply(db, "CREATE TABLE \"tokens\" (\"serial\" text, \"user_id\" bigint, "
        + "\"counter\" bigint, \"used\" timestamptz, \"revoked\" timestamptz, \"kind\" text);");
    HardwareTokens tokens = new HardwareTokens(db, new HardwareTokens.Table("tokens", "serial",
        "user_id", "counter", "used", "revoked", "kind"), clock, s -> Optional.of(seed));
    tokens.register(1L, "S1");
    assertThat(tokens.verify(1L, OTP.hotp(seed, 11))).as("past the window").isFalse();
    assertThat(tokens.verify(1L, OTP.hotp(seed, 10))).isTrue();
    assertThat(tokens.verify(1L, OTP.hotp(seed, 10))).as("used").isFalse();
    assertThat(tokens.verify(1L, OTP.hotp(seed, 3))).as("behind the counter").isFalse();
    assertThat(tokens.verify(2L, OTP.hotp(seed, 11))).as("another user").isFalse();
    assertThat(seed[0]).as("the store's array is not wiped").isEqualTo((byte) '1');
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM tokens WHERE counter = 11 AND kind = "
        + "'hotp' AND used = '2026-12-01 12:00:00+00'")).isEqualTo(1);
    tokens.unregister(1L, "S1");
    assertThat(tokens.verify(1L, OTP.hotp(seed, 11))).as("revoked").isFalse();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM tokens WHERE revoked IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a bare table: 16 simultaneous presentations of one code, one wins; "
      + "unregistering deletes; an unknown seed matches nothing")
  void bare() throws Exception {
    DataSource db = PostgresServer.freshDatabase("hotp_bare");
    Catalog.apply(db, "CREATE TABLE \"t\" (\"s\" text, \"u\" bigint, \"c\" bigint);");
    HardwareTokens tokens = new HardwareTokens(db, new HardwareTokens.Table("t", "s", "u", "c",
        null, null, null), clock, s -> s.equals("S1") ? Optional.of(seed) : Optional.empty());
    tokens.register(1L, "S1");
    tokens.register(1L, "S2");
    String code = OTP.hotp(seed, 2);
    List<Boolean> wins = StartGun.fire(16, () -> tokens.verify(1L, code));
    assertThat(wins.stream().filter(w -> w).count()).isEqualTo(1);
    assertThat(Arrays.equals(seed, "12345678901234567890".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII))).isTrue();
    tokens.unregister(1L, "S1");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM t")).isEqualTo(1);
    assertThat(tokens.verify(1L, OTP.hotp(seed, 3))).isFalse();
    assertThat(tokens.toString()).doesNotContain("1234");
  }
}
