package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The account-row features, PasswordExpiry, ForcedPasswordChange and MfaGracePeriod, on the
 * seed spec's users table, on a real PostgreSQL.
 */
class AccountFlagsSupportTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void database() throws Exception {
    db = SeedDatabase.fresh("flags", 4);
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.execute("UPDATE users SET password_changed_at = '2026-11-01 12:00:00+00', created_at = "
          + "'2026-11-28 12:00:00+00' WHERE id IN (2, 3)");
    }
  }

  private PasswordExpiry expiry(Duration maxAge, String changedAt) {
    return new PasswordExpiry(db, new PasswordExpiry.Table("users", "id", "password_expires_at",
        changedAt), clock, maxAge);
  }

  @Test
  @DisplayName("expiry: none by default; expireNow marks it at the clock; a maximum age counts "
      + "from the last change only when set and when the table keeps the change")
  void expiry() {
    PasswordExpiry never = expiry(null, "password_changed_at");
    assertThat(never.expiresAt(1L)).isEmpty();
    assertThat(never.isExpired(1L)).isFalse();
    assertThat(never.isExpired(99L)).as("an unknown user").isFalse();
    never.expireNow(1L);
    assertThat(never.expiresAt(1L)).contains(T0);
    assertThat(never.isExpired(1L)).isTrue();
    assertThat(never.expiresAt(2L)).as("no maximum age").isEmpty();
    PasswordExpiry aged = expiry(Duration.ofDays(30), "password_changed_at");
    assertThat(aged.expiresAt(2L)).contains(T0);
    assertThat(aged.isExpired(2L)).isTrue();
    clock.set(T0.minusSeconds(1));
    assertThat(aged.isExpired(2L)).isFalse();
    assertThat(expiry(Duration.ofDays(30), null).expiresAt(2L)).as("no change column").isEmpty();
    assertThat(never.toString()).isEqualTo("PasswordExpiry[maxAge=null]");
    assertThatThrownBy(() -> new PasswordExpiry(db, new PasswordExpiry.Table("users", "id", null,
        null), clock, null)).hasMessage("the deadline's column must be named");
  }

  @Test
  @DisplayName("grace: from creation plus the period, an explicit end wins; unknown users "
      + "must enrol; over at its end exactly")
  void grace() throws Exception {
    MfaGracePeriod grace = new MfaGracePeriod(db, new MfaGracePeriod.Table("users", "id",
        "mfa_grace_until", "created_at"), clock, Duration.ofDays(7));
    assertThat(grace.graceUntil(3L)).contains(Instant.parse("2026-12-05T12:00:00Z"));
    assertThat(grace.mustEnroll(3L)).isFalse();
    assertThat(grace.mustEnroll(99L)).isTrue();
    clock.set(Instant.parse("2026-12-05T12:00:00Z"));
    assertThat(grace.mustEnroll(3L)).isTrue();
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.execute("UPDATE users SET mfa_grace_until = '2026-12-24 00:00:00+00' WHERE id = 3");
    }
    assertThat(grace.graceUntil(3L)).contains(Instant.parse("2026-12-24T00:00:00Z"));
    assertThat(grace.mustEnroll(3L)).isFalse();
    assertThat(new MfaGracePeriod(db, new MfaGracePeriod.Table("users", "id", "mfa_grace_until",
        null), clock, Duration.ofDays(7)).graceUntil(2L)).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> new MfaGracePeriod(db, new MfaGracePeriod.Table("users", "id",
        "mfa_grace_until", null), clock, null)).hasMessage("grace");
  }

  @Test
  @DisplayName("forced change: set, read and cleared per user; start gun: 16 parallel sets and "
      + "reads agree")
  void forcedChange() throws Exception {
    ForcedPasswordChange force = new ForcedPasswordChange(db, new ForcedPasswordChange.Table(
        "users", "id", "force_password_change"));
    assertThat(force.isRequired(4L)).isFalse();
    force.require(4L);
    assertThat(force.isRequired(4L)).isTrue();
    assertThat(force.isRequired(1L)).as("another user").isFalse();
    assertThat(force.isRequired(99L)).as("an unknown user").isFalse();
    force.clear(4L);
    assertThat(force.isRequired(4L)).isFalse();
    List<Boolean> seen = StartGun.fire(16, () -> {
      force.require(4L);
      return force.isRequired(4L);
    });
    assertThat(seen).hasSize(16).containsOnly(true);
    assertThatThrownBy(() -> new ForcedPasswordChange.Table("users", "id", null))
        .isInstanceOf(NullPointerException.class);
  }
}
