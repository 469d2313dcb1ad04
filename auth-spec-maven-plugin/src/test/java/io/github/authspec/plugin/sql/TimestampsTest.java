package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.GenerationResult;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import io.github.authspec.plugin.types.TimestampType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timestamps option: timestamptz columns, Instant/OffsetDateTime, and switching it. */
class TimestampsTest {
  private static final String SPEC = "timestamps.json";
  private static final Instant WHEN = Instant.parse("2026-06-01T12:34:56.789Z");

  @TempDir Path dir;

  @Test
  @DisplayName("switching LOCAL to INSTANT is a migration that reads stored values as UTC")
  void switchingIsAMigration() throws Exception {
    GenerationOrchestrator orchestrator =
        new GenerationOrchestrator(Generators.all(), BuildLog.SILENT);
    GenerationRequest local = Specs.project(SPEC, dir);
    assertThat(orchestrator.generate(local, true).status()).isEqualTo(Status.GENERATED);
    DataSource db = PostgresServer.freshDatabase("ts_switch");
    Path migrations = local.migrationsDirectory();
    Catalog.applyGenerated(db, Files.readString(migrations.resolve("V1__create_schema.sql")));
    Catalog.apply(db, "INSERT INTO sessions (expires_at) VALUES ('2026-06-01 12:34:56.789')");

    GenerationResult result = orchestrator.generate(
        local.toBuilder().timestamps(TimestampType.INSTANT).build(), true);

    assertThat(result.status()).as(result.diagnostics().format()).isEqualTo(Status.GENERATED);
    Path v2 = migrations.resolve("V2__change_column_sessions_expires_at_and_1_more.sql");
    String sql = Files.readString(v2);
    assertThat(sql).contains("ALTER TABLE \"sessions\" ALTER \"expires_at\" TYPE timestamp with"
        + " time zone USING \"expires_at\" AT TIME ZONE 'UTC';");
    Catalog.applyGenerated(db, sql);
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT extract(epoch FROM expires_at) * 1000,"
            + " format_type(atttypid, atttypmod) FROM sessions, pg_attribute"
            + " WHERE attrelid = 'sessions'::regclass AND attname = 'expires_at'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1).longValue()).isEqualTo(WHEN.toEpochMilli());
      assertThat(rs.getString(2)).isEqualTo("timestamp with time zone");
    }
  }

  @Test
  @DisplayName("INSTANT and OFFSET entities round-trip the same instant written in Los Angeles and read in Tokyo")
  void roundTripAcrossTimeZones() throws Exception {
    for (TimestampType type : List.of(TimestampType.INSTANT, TimestampType.OFFSET)) {
      GenerationRequest request = Specs.project(SPEC, dir.resolve(type.name()))
          .toBuilder().timestamps(type).build();
      List<GeneratedFile> files = Specs.plan(request);
      ClassLoader loader = GeneratedSources.compile(files, dir.resolve(type + "-build"));
      DataSource db = PostgresServer.freshDatabase("ts_" + type.name());
      files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
          .forEach(f -> Catalog.applyGenerated(db, f.text()));
      Class<?> entity = loader.loadClass("com.example.times.entity.Session");
      Class<?> repoType = loader.loadClass("com.example.times.repository.SessionRepository");
      Object repo = repoType.getConstructor(DataSource.class).newInstance(db);
      Object value = type == TimestampType.INSTANT ? WHEN
          : OffsetDateTime.ofInstant(WHEN, java.time.ZoneId.of("America/Los_Angeles"));
      Object row = entity.getConstructors()[0].newInstance(null, value, null);

      TimeZone saved = TimeZone.getDefault();
      Object stored;
      Optional<?> read;
      try {
        // The driver sets the session's TimeZone from the JVM's when it connects.
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        stored = repoType.getMethod("insert", entity).invoke(repo, row);
        Object id = entity.getMethod("id").invoke(stored);
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        read = (Optional<?>) repoType.getMethod("findById", long.class).invoke(repo, id);
      } finally {
        TimeZone.setDefault(saved);
      }
      Method expires = entity.getMethod("expiresAt");
      Object back = expires.invoke(read.orElseThrow());
      assertThat(back).isInstanceOf(type == TimestampType.INSTANT ? Instant.class
          : OffsetDateTime.class);
      Instant instant = back instanceof OffsetDateTime o ? o.toInstant() : (Instant) back;
      assertThat(instant).as(type.name()).isEqualTo(WHEN);
      assertThat(entity.getMethod("revokedAt").invoke(read.get())).isNull();
    }
  }
}
