package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** What a Spring Boot or Flyway user does with the generated migrations: migrate, unchanged. */
class FlywayMigrationTest {
  @Test
  void flywayAppliesTheGeneratedMigrations() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      var result = Flyway.configure().dataSource(pg.getPostgresDatabase())
          .locations("classpath:db/migration").load().migrate();
      assertEquals(1, result.migrationsExecuted);
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables "
              + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'")) {
        rs.next();
        assertEquals(63, rs.getInt(1));
      }
    }
  }
}
