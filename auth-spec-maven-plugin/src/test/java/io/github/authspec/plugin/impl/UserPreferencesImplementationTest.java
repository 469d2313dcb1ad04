package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated user-preferences implementation of the full seed spec, written from its
 * descriptor and support class alone, against a real PostgreSQL in this JVM's option cell.
 */
class UserPreferencesImplementationTest {
  @Test
  @DisplayName("the generated class takes the support class's parameters but its table, and "
      + "answers the interface through it")
  void generatedDelegates() {
    DataSource db = Generated.database("impl_preferences");
    long user = Generated.user(db, "prefs@example.com");
    Object prefs = Generated.create(Generated.className("DefaultUserPreferencesService"), db,
        new MutableClock(Instant.parse("2026-12-01T12:00:00Z")), "locale,theme");
    Generated.call(prefs, "set", user, "theme", "dark");
    assertThat(Generated.call(prefs, "preferences", user)).isEqualTo(Map.of("theme", "dark"));
    assertThatThrownBy(() -> Generated.call(prefs, "set", user, "role", "admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Generated.text("DefaultUserPreferencesService.java"))
        .contains("new UserPreferences(dataSource, new UserPreferences.Table(\"user_preferences\"")
        .contains("return delegate.preferences(userId);")
        .contains("delegate.set(userId, key, value);");
  }
}
