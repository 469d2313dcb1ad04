package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failed sign-ins on the seed spec's login_history, on a real PostgreSQL. */
class FailedLoginsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("failedlogins", 3);
  }

  private FailedLogins logins(String ip, String code) {
    return new FailedLogins(db, new FailedLogins.Table("login_history", "user_id", "success",
        "created_at", ip, code), clock);
  }

  @Test
  @DisplayName("recorded with address and reason at the clock, counted per user since a time; "
      + "successes are not failures")
  void recordAndCount() throws Exception {
    FailedLogins logins = logins("ip_address", "failure_code");
    logins.recordFailure(1L, "203.0.113.7", "bad-password");
    clock.set(T0.plusSeconds(60));
    logins.recordFailure(1L, "203.0.113.8", "locked");
    logins.recordFailure(2L, "203.0.113.7", "bad-password");
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.execute("INSERT INTO login_history (user_id, success, created_at, ip_address) "
          + "VALUES (1, TRUE, '2026-12-01 12:05:00+00', '203.0.113.7')");
    }
    assertThat(logins.failuresSince(1L, T0)).isEqualTo(2);
    assertThat(logins.failuresSince(1L, T0.plusSeconds(1))).isEqualTo(1);
    assertThat(logins.failuresSince(3L, T0)).isZero();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM login_history WHERE user_id = 1 AND "
        + "failure_code = 'bad-password' AND ip_address = '203.0.113.7' AND created_at = "
        + "'2026-12-01 12:00:00'")).isEqualTo(1);
  }

  @Test
  @DisplayName("without the reason column the reason is dropped; start gun: "
      + "16 parallel failures are 16 rows")
  void optionalColumnsAndParallel() throws Exception {
    FailedLogins bare = logins("ip_address", null);
    StartGun.fire(16, () -> {
      bare.recordFailure(3L, "198.51.100.1", "bad-password");
      return 1;
    });
    assertThat(bare.failuresSince(3L, T0)).isEqualTo(16);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM login_history WHERE user_id = 3 AND "
        + "failure_code IS NOT NULL")).isZero();
    assertThatThrownBy(() -> new FailedLogins.Table("login_history", null, "success", "at",
        null, null)).isInstanceOf(NullPointerException.class);
  }
}
