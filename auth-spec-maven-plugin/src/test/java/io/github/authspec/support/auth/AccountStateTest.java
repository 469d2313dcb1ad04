package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import io.github.authspec.support.token.AccountCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Suspension, deletion and login history on the seed spec's users and login_history. */
class AccountStateTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger ended = new AtomicInteger();
  /** Counts the accounts whose sessions it was asked to end. */
  private final AccountCredentials credentials = AccountCredentials.builder()
      .sessions(user -> ended.incrementAndGet()).build();

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("account_state", 4);
  }

  private AccountSuspension seed() {
    return new AccountSuspension(db, new AccountSuspension.Table("users", "id", "suspended_at",
        "suspended_until", "suspension_reason"), clock, credentials);
  }

  @Test
  @DisplayName("suspend for good or until a time; credentials end; the end lapses by itself; "
      + "reinstate lifts it; bad input writes nothing")
  void suspension() {
    AccountSuspension s = seed();
    s.suspend(1L, Optional.empty(), "abuse", 4L);
    assertThat(s.isSuspended(1L)).isTrue();
    assertThat(ended).hasValue(1);
    s.suspend(2L, Optional.of(T0.plus(Duration.ofHours(1))), null, 4L);
    assertThat(s.isSuspended(2L)).isTrue();
    clock.advance(Duration.ofHours(1));
    assertThat(s.isSuspended(2L)).as("lapsed").isFalse();
    s.reinstate(1L, 4L);
    assertThat(s.isSuspended(1L)).isFalse();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE id = 1 AND suspended_at"
        + " IS NULL AND suspension_reason IS NULL")).isEqualTo(1);
    assertThatThrownBy(() -> s.suspend(3L, Optional.of(clock.instant()), "x", 4L))
        .hasMessage("a suspension's end must be after now");
    assertThatThrownBy(() -> s.suspend(3L, Optional.empty(), "x".repeat(501), 4L))
        .hasMessageContaining("at most 500");
    assertThatThrownBy(() -> s.suspend(99L, Optional.empty(), "x", 4L))
        .hasMessage("no such account");
    assertThat(s.isSuspended(3L)).isFalse();
    assertThat(ended).as("refusals end nothing").hasValue(2);
    AccountSuspension bare = new AccountSuspension(db, new AccountSuspension.Table("users", "id",
        "suspended_at", null, null), clock, credentials);
    assertThatThrownBy(() -> bare.suspend(3L, Optional.of(T0.plus(Duration.ofDays(9))), "x",
        4L)).hasMessage("this account table keeps no suspension end");
    bare.suspend(3L, Optional.empty(), "kept nowhere", 4L);
    assertThat(bare.isSuspended(3L)).isTrue();
    bare.reinstate(3L, 4L);
    assertThat(bare.toString()).isEqualTo("AccountSuspension[until=false, reason=false]");
  }

  @Test
  @DisplayName("deletion marks at once and ends credentials; a second request keeps the first "
      + "time; cancel only within the grace period; due lists the expired marks")
  void deletion() {
    AccountDeletion d = new AccountDeletion(db, new AccountDeletion.Table("users", "id",
        "deleted_at", "deletion_reason"), clock, credentials, Duration.ofDays(30));
    d.requestDeletion(1L, "leaving", "203.0.113.7", "UA");
    assertThat(d.isDeleted(1L)).isTrue();
    assertThat(ended).hasValue(1);
    clock.advance(Duration.ofDays(10));
    d.requestDeletion(1L, "again", null, null);
    d.cancelDeletion(1L);
    assertThat(d.isDeleted(1L)).isFalse();
    assertThatThrownBy(() -> d.cancelDeletion(1L)).isInstanceOf(IllegalStateException.class);
    d.requestDeletion(2L, null, null, null);
    clock.advance(Duration.ofDays(30));
    assertThatThrownBy(() -> d.cancelDeletion(2L))
        .hasMessage("no deletion to cancel within the grace period");
    assertThat(d.isDeleted(2L)).isTrue();
    assertThat(d.due(10)).containsExactly(2L);
    assertThat(d.isDeleted(99L)).isFalse();
    assertThatThrownBy(() -> new AccountDeletion(db, new AccountDeletion.Table("users", "id",
        "deleted_at", null), clock, credentials, Duration.ofSeconds(59)))
        .hasMessageContaining("at least a minute");
  }

  @Test
  @DisplayName("notifications: a sign-in from a new address or agent is told, with when and "
      + "where; a known one, the first ever and failures are not; nothing secret is sent")
  void notifications() {
    LoginHistory h = new LoginHistory(db, new LoginHistory.Table("login_history", "user_id",
        "success", "created_at", "ip_address", "user_agent", "failure_code"), clock);
    List<Map<String, String>> sent = new ArrayList<>();
    LoginNotifications n = new LoginNotifications(db, new LoginNotifications.Table(
        "login_history", "user_id", "success", "created_at", "ip_address", "user_agent"), clock,
        sent::add);
    assertThat(n.notifyIfUnusual(3L, "203.0.113.1", "Firefox")).as("the first ever").isFalse();
    h.recordLogin(3L, true, "203.0.113.1", "Firefox");
    h.record(3L, false, "198.51.100.66", "Bot", "bad-password");
    clock.advance(Duration.ofMinutes(5));
    assertThat(n.notifyIfUnusual(3L, "203.0.113.1", "Firefox")).isFalse();
    assertThat(n.notifyIfUnusual(3L, "198.51.100.66", "Bot")).as("a failure is no known place")
        .isTrue();
    assertThat(n.notifyIfUnusual(3L, "203.0.113.1", "A".repeat(300))).isTrue();
    h.recordLogin(3L, true, "203.0.113.1", "B".repeat(300));
    clock.advance(Duration.ofMinutes(1));
    assertThat(n.notifyIfUnusual(3L, "203.0.113.1", "B".repeat(300)))
        .as("compared as the history cuts it").isFalse();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).containsExactly(Map.entry("userId", "3"),
        Map.entry("at", "2026-12-01T12:05:00Z"), Map.entry("ip", "198.51.100.66"),
        Map.entry("userAgent", "Bot"));
  }

  @Test
  @DisplayName("history: attempts with address, cut user agent and reason; newest first; no "
      + "other user's; limits checked")
  void history() {
    LoginHistory h = new LoginHistory(db, new LoginHistory.Table("login_history", "user_id",
        "success", "created_at", "ip_address", "user_agent", "failure_code"), clock);
    h.record(4L, false, "203.0.113.7", "A".repeat(300), "bad-password");
    clock.advance(Duration.ofMinutes(1));
    h.recordLogin(4L, true, "203.0.113.8", "Firefox");
    h.recordLogin(3L, true, "198.51.100.1", null);
    assertThat(h.recent(4L, 10)).containsExactly(
        "2026-12-01T12:01:00Z success 203.0.113.8 Firefox",
        "2026-12-01T12:00:00Z failure 203.0.113.7 " + "A".repeat(255));
    assertThat(h.recent(4L, 1)).hasSize(1);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM login_history WHERE user_id = 4"
        + " AND failure_code = 'bad-password' AND NOT success")).isEqualTo(1);
    assertThatThrownBy(() -> h.recent(4L, 101)).hasMessage("list 1 to 100 entries");
    LoginHistory bare = new LoginHistory(db, new LoginHistory.Table("login_history", "user_id",
        "success", "created_at", "ip_address", null, null), clock);
    bare.record(2L, false, "203.0.113.9", "kept nowhere", "nor this");
    assertThat(bare.recent(2L, 5)).containsExactly("2026-12-01T12:01:00Z failure 203.0.113.9 -");
    assertThat(SeedDatabase.values(db, "login_history")).doesNotContain("kept nowhere",
        "nor this");
    assertThat(bare.toString()).isEqualTo("LoginHistory[t, user, success, at, ip]");
  }
}
