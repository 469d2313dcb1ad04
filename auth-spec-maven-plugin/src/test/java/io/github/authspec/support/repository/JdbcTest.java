package io.github.authspec.support.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one runtime JDBC helper: quoting, templates, binding, transactions, on a real PostgreSQL. */
class JdbcTest {
  @Test
  @DisplayName("one quoting rule: the runtime helper and the generator's Naming quote alike, inner quotes doubled")
  void oneQuotingRule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Naming naming = new Naming(Specs.load(Specs.FULL), Specs.project(Specs.FULL, dir),
        new Reporter("x"));
    for (String name : List.of("users", "order", "we\"ird", "\"", "a b")) {
      assertThat(Jdbc.quote(name)).isEqualTo(naming.sqlIdentifier(name));
    }
    assertThat(Jdbc.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThatThrownBy(() -> Jdbc.quote("")).hasMessage("bad SQL identifier");
    assertThatThrownBy(() -> Jdbc.quote("a\0b")).hasMessage("bad SQL identifier");
  }

  @Test
  @DisplayName("templates take identifiers only; a missing slot is refused")
  void templates() {
    assertThat(Jdbc.render("SELECT {c} FROM {t} WHERE {c} = ?", Map.of("t", "user", "c", "x\"y")))
        .isEqualTo("SELECT \"x\"\"y\" FROM \"user\" WHERE \"x\"\"y\" = ?");
    assertThatThrownBy(() -> Jdbc.render("SELECT {nope}", Map.of()))
        .hasMessage("no identifier for {nope}");
  }

  @Test
  @DisplayName("a transaction commits what returns and rolls back what throws; instants bind by SqlTime")
  void transactions() throws SQLException {
    DataSource db = PostgresServer.freshDatabase("jdbc_helper");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE \"we\"\"ird\" (id int PRIMARY KEY, at timestamptz)");
    }
    String insert = Jdbc.render("INSERT INTO {t} VALUES (?, ?)", Map.of("t", "we\"ird"));
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    int inserted = Jdbc.transaction(db, c -> Jdbc.update(c, insert, 1, at));
    assertThat(inserted).isEqualTo(1);
    assertThatThrownBy(() -> Jdbc.transaction(db, c -> {
      Jdbc.update(c, insert, 2, at);
      return Jdbc.update(c, insert, 1, at);
    })).isInstanceOf(SQLException.class);
    List<Instant> rows = Jdbc.transaction(db, c -> Jdbc.query(c,
        "SELECT at FROM \"we\"\"ird\" ORDER BY id", rs -> SqlTime.get(rs, 1)));
    assertThat(rows).as("the failed transaction left nothing").containsExactly(at);
  }
}
