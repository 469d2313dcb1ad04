package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check against a real PostgreSQL migrated by Flyway. */
class DriftTest {
  @TempDir Path base;

  private GenerationRequest migrated(String spec, DataSource db) throws Exception {
    GenerationRequest request = Specs.project(spec, base);
    new GenerationOrchestrator(Generators.all(), BuildLog.SILENT).generate(request, false);
    Flyway.configure().dataSource(db).locations("filesystem:" + request.migrationsDirectory())
        .load().migrate();
    return request;
  }

  @Test
  @DisplayName("a database migrated from the full seed spec, untouched, has no drift")
  void untouchedFullSpec() throws Exception {
    DataSource db = PostgresServer.freshDatabase("drift_full");
    GenerationRequest request = migrated(Specs.FULL, db);
    for (String run : java.util.List.of("first (cold)", "second (warm)")) {
      try (Connection c = db.getConnection()) {
        long start = System.nanoTime();
        MigrationInterpreter.Result built = new MigrationInterpreter()
            .interpret(MigrationFiles.read(request.migrationsDirectory()));
        long interpreted = System.nanoTime();
        Drift.Report report = Drift.compare(request.migrationsDirectory(), c, "public");
        long end = System.nanoTime();
        // Figures for docs/performance.md; not asserted.
        System.out.printf("drift on the full seed spec, %s: %d ms (interpreting the"
                + " migrations alone: %d ms)%n", run, (end - interpreted) / 1_000_000,
            (interpreted - start) / 1_000_000);
        assertThat(built.skipped()).isEmpty();
        assertThat(report.differences()).isEmpty();
        assertThat(report.unread()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("a dropped column, a changed default, an added index and an added table are exactly what drift reports")
  void manualChanges() throws Exception {
    DataSource db = PostgresServer.freshDatabase("drift_manual");
    GenerationRequest request = migrated("two-tables.json", db);
    // A user's own migration counts for the expected side too.
    Files.writeString(request.migrationsDirectory().resolve("V2__tags.sql"),
        "ALTER TABLE sessions ADD COLUMN tag varchar(20) DEFAULT 'web';\n");
    Flyway.configure().dataSource(db).locations("filesystem:" + request.migrationsDirectory())
        .load().migrate();
    try (Connection c = db.getConnection()) {
      assertThat(Drift.compare(request.migrationsDirectory(), c, "public").differences())
          .isEmpty();
    }
    Catalog.apply(db, """
        ALTER TABLE accounts DROP COLUMN balance;
        ALTER TABLE accounts ALTER COLUMN created_at SET DEFAULT '2020-01-01 00:00:00';
        CREATE INDEX ix_by_hand ON sessions (scopes);
        CREATE TABLE notes (id bigint PRIMARY KEY, body text);
        """);

    try (Connection c = db.getConnection()) {
      assertThat(Drift.compare(request.migrationsDirectory(), c, "public").differences())
          .containsExactly(
              "column accounts.balance: the migrations define numeric(10,2) NULL DEFAULT 0.00,"
                  + " the database has none",
              "column accounts.created_at: the migrations say timestamp NOT NULL DEFAULT"
                  + " current_timestamp, the database has timestamp NOT NULL DEFAULT"
                  + " '2020-01-01 00:00:00'",
              "index sessions.ix_by_hand: in the database ((scopes)), not in the migrations",
              "table notes: in the database, not in the migrations");
    }
  }

  @Test
  @DisplayName("the drift connection is read-only: a write through it fails")
  void readOnly() throws Exception {
    DataSource db = PostgresServer.freshDatabase("drift_ro");
    try (Connection c = db.getConnection()) {
      Drift.readOnly(c);
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("CREATE TABLE t (id int)"))
            .hasMessageContaining("read-only");
      }
    }
  }
}
