package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated account-suspension, account-deletion and login-history implementations of the
 * full seed spec, written from their descriptors and support classes, on a real PostgreSQL.
 */
class AccountStateImplementationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  @DisplayName("suspension and deletion end the account's sessions through the generated "
      + "Credentials; reinstate and cancel lift them")
  void suspensionAndDeletion() {
    DataSource db = Generated.database("impl_account_state");
    MutableClock clock = new MutableClock(T0);
    long user = Generated.user(db, "state@example.com");
    // Both refine user-profile-crud, which these tests leave unimplemented.
    Object profiles = Generated.unimplemented(Generated.className("UserProfileCrudService"));
    Object suspension = Generated.create(Generated.className("DefaultAccountSuspensionService"),
        profiles, db, clock, Generated.scripts(), Generated.accessTokens());
    session(db, user);
    Generated.call(suspension, "suspend", user, Optional.of(T0.plus(Duration.ofDays(1))),
        "abuse", user);
    assertThat(Generated.scalar(db, "SELECT count(*) FROM sessions WHERE is_active")).isZero();
    assertThat(Generated.scalar(db, "SELECT count(*) FROM users WHERE suspended_at IS NOT NULL"
        + " AND suspension_reason = 'abuse'")).isEqualTo(1);
    Generated.call(suspension, "reinstate", user, user);
    assertThat(Generated.scalar(db, "SELECT count(*) FROM users WHERE suspended_at IS NULL"))
        .isEqualTo(1);
    Object deletion = Generated.create(Generated.className("DefaultAccountDeletionService"),
        profiles, db, clock, Generated.scripts(), Generated.accessTokens(), Duration.ofDays(30));
    session(db, user);
    Generated.call(deletion, "requestDeletion", user, "leaving", Generated.context());
    assertThat(Generated.scalar(db, "SELECT count(*) FROM sessions WHERE is_active")).isZero();
    Generated.call(deletion, "cancelDeletion", user);
    assertThatThrownBy(() -> Generated.call(deletion, "cancelDeletion", user))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Generated.text("DefaultAccountSuspensionService.java"))
        .contains("Credentials.of(dataSource, clock, redis, accessTokens)")
        .contains("delegate.suspend(userId, until, reason, by);");
    assertThat(Generated.text("DefaultAccountDeletionService.java"))
        .contains("delegate.requestDeletion(userId, reason, context.ip(), context.userAgent());");
  }

  @Test
  @DisplayName("login notifications go through the generated notifications client")
  void notifications() {
    DataSource db = Generated.database("impl_login_notifications");
    long user = Generated.user(db, "notified@example.com");
    MutableClock clock = new MutableClock(T0);
    Object history = Generated.create(Generated.className("DefaultLoginHistoryService"), db,
        clock);
    Generated.call(history, "recordLogin", user, true, Generated.context());
    List<Object[]> calls = new java.util.ArrayList<>();
    Class<?> type = Generated.type(Generated.className("DefaultLoginNotificationsService"));
    Object[] args = java.util.Arrays.stream(type.getConstructors()[0].getParameterTypes())
        .map(p -> p == DataSource.class ? db : p == java.time.Clock.class ? clock
            : java.lang.reflect.Proxy.newProxyInstance(p.getClassLoader(), new Class<?>[] {p},
                (proxy, m, a) -> {
                  calls.add(new Object[] {m.getName(), a[0]});
                  return null;
                })).toArray();
    Object notices = Generated.create(Generated.className("DefaultLoginNotificationsService"),
        args);
    clock.advance(Duration.ofMinutes(1));
    Generated.call(notices, "notifyIfUnusual", user, Generated.context());
    assertThat(calls).as("a known place").isEmpty();
    Object elsewhere = Generated.create("service.RequestContext", "198.51.100.2", "other", null,
        null, Instant.EPOCH);
    Generated.call(notices, "notifyIfUnusual", user, elsewhere);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)[0]).isEqualTo("sendLoginNotification");
    assertThat(calls.get(0)[1].toString()).contains("ip=198.51.100.2", "userAgent=other");
  }

  @Test
  @DisplayName("login history records the context's address and agent and lists them")
  void history() {
    DataSource db = Generated.database("impl_login_history");
    long user = Generated.user(db, "history@example.com");
    Object history = Generated.create(Generated.className("DefaultLoginHistoryService"), db,
        new MutableClock(T0));
    Generated.call(history, "recordLogin", user, true, Generated.context());
    assertThat(Generated.call(history, "recent", user, 5))
        .isEqualTo(List.of("2026-12-01T12:00:00Z success 203.0.113.7 test"));
  }

  private static void session(DataSource db, long user) {
    Generated.scalar(db, "WITH s AS (INSERT INTO sessions (user_id, created_at, expires_at,"
        + " is_active, last_activity_at, session_order) VALUES (" + user + ", now(),"
        + " now() + interval '1 hour', true, now(), 1) RETURNING id) SELECT count(*) FROM s");
  }
}
