package io.github.authspec.plugin.token;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh PostgreSQL database holding the full seed spec's schema (its generated V1 migration),
 * with a few users, tenants and OAuth rows the token stores refer to.
 */
public final class SeedDatabase {
  private static String v1;

  private SeedDatabase() {}

  static synchronized String v1() {
    if (v1 == null) {
      try {
        Path dir = Files.createTempDirectory("seed-v1");
        v1 = Specs.plan(Specs.project(Specs.FULL, dir)).stream()
            .filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
            .map(GeneratedFile::text).findFirst().orElseThrow();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return v1;
  }

  /** A new database with V1 applied and users 1..{@code users}. */
  public static DataSource fresh(String prefix, int users) {
    DataSource db = PostgresServer.freshDatabase(prefix);
    Catalog.applyGenerated(db, v1());
    StringBuilder sql = new StringBuilder();
    for (int i = 1; i <= users; i++) {
      sql.append("INSERT INTO users (email) VALUES ('user").append(i).append("@example.org');\n");
    }
    sql.append("INSERT INTO tenants (name, slug) VALUES ('t', 't');\n");
    Catalog.apply(db, sql.toString());
    return db;
  }

  /** Every text value of every row of a table, for "no plaintext secret is stored" checks. */
  public static List<String> values(DataSource db, String table) {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table + "\"");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.add(String.valueOf(rs.getObject(i)));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  public static long count(DataSource db, String sql) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
