package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** User preferences on the seed spec's user_preferences, on a real PostgreSQL. */
class UserPreferencesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("preferences", 3);
  }

  private UserPreferences seed() {
    return new UserPreferences(db, new UserPreferences.Table("user_preferences", "user_id", "key",
        "value", "updated_at"), clock, " locale, theme ,timezone");
  }

  @Test
  @DisplayName("set, read, replace and remove one key; stamped with the clock; other users apart")
  void setReadReplaceRemove() {
    UserPreferences prefs = seed();
    prefs.set(1L, "locale", "de-CH");
    prefs.set(1L, "theme", "dark");
    prefs.set(2L, "theme", "light");
    assertThat(prefs.preferences(1L)).containsExactly(Map.entry("locale", "de-CH"),
        Map.entry("theme", "dark"));
    clock.set(T0.plusSeconds(60));
    prefs.set(1L, "theme", "light");
    assertThat(prefs.preferences(1L)).containsEntry("theme", "light").hasSize(2);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM user_preferences WHERE user_id = 1"
        + " AND key = 'theme' AND updated_at = '2026-12-01 12:01:00'")).isEqualTo(1);
    prefs.set(1L, "locale", null);
    assertThat(prefs.preferences(1L)).containsOnlyKeys("theme");
    assertThat(prefs.preferences(2L)).containsExactly(Map.entry("theme", "light"));
    assertThat(prefs.preferences(3L)).isEmpty();
  }

  @Test
  @DisplayName("only allowed keys and bounded values are written; a refusal writes nothing")
  void allowList() {
    UserPreferences prefs = seed();
    assertThatThrownBy(() -> prefs.set(3L, "isAdmin", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a preference key this application allows: [locale, theme, timezone]");
    assertThatThrownBy(() -> prefs.set(3L, "theme", "x".repeat(UserPreferences.MAX_VALUE + 1)))
        .hasMessageContaining("at most 1024 characters");
    assertThat(prefs.preferences(3L)).isEmpty();
    assertThatThrownBy(() -> new UserPreferences(db, new UserPreferences.Table("user_preferences",
        "user_id", "key", "value", null), clock, " , ")).hasMessageContaining("at least one");
  }

  @Test
  @DisplayName("start gun: 16 threads set one key of a user at once: exactly one row, holding one "
      + "of their values (the table has no unique key; the per-user lock serialises)")
  void concurrentSetsLeaveOneRow() throws Exception {
    UserPreferences prefs = new UserPreferences(db, new UserPreferences.Table("user_preferences",
        "user_id", "key", "value", null), clock, "timezone");
    List<Integer> done = StartGun.fire(16, () -> {
      prefs.set(2L, "timezone", "Zone/" + Thread.currentThread().getId());
      return 1;
    });
    assertThat(done).hasSize(16);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM user_preferences WHERE user_id = 2"
        + " AND key = 'timezone'")).isEqualTo(1);
    assertThat(prefs.preferences(2L).get("timezone")).startsWith("Zone/");
  }
}
