package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The password history over a table whose names need quoting. */
class PasswordHistoryTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final CountingAlgorithm algorithm = new CountingAlgorithm(1000);
  final PasswordHasher hasher = CountingAlgorithm.hasher(algorithm);

  @Test
  @DisplayName("the last N passwords are refused, each verified every time, and only N kept")
  void lastN() {
    DataSource db = PostgresServer.freshDatabase("password_history");
    Catalog.apply(db, "CREATE TABLE \"old pw\" (\"id\" bigserial PRIMARY KEY, \"u\" bigint, "
        + "\"h\" text, \"at\" timestamptz);");
    PasswordHistory history = new PasswordHistory(db, new PasswordHistory.Table("old pw", "u",
        "h", "at", "id"), clock, hasher, 2);
    for (String p : new String[] {"first", "second", "third"}) {
      history.remember(1L, hasher.hash(p.toCharArray()));
    }
    history.remember(2L, hasher.hash("first".toCharArray()));
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM \"old pw\" WHERE u = 1"))
        .isEqualTo(2);
    algorithm.verifications.set(0);
    assertThat(history.wasUsedRecently(1L, "first".toCharArray())).as("forgotten").isFalse();
    assertThat(algorithm.verifications.get()).as("every kept hash verified").isEqualTo(2);
    assertThat(history.wasUsedRecently(1L, "third".toCharArray())).isTrue();
    assertThat(history.wasUsedRecently(1L, "second".toCharArray())).isTrue();
    assertThat(history.wasUsedRecently(3L, "third".toCharArray())).isFalse();
    assertThat(history.toString()).isEqualTo("PasswordHistory[keep=2]");
    assertThatThrownBy(() -> new PasswordHistory(db, new PasswordHistory.Table("old pw", "u",
        "h", "at", "id"), clock, hasher, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
