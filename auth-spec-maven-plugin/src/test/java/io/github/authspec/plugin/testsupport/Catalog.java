package io.github.authspec.plugin.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads what PostgreSQL's catalog says about the public schema: columns, constraints, indexes
 * and comments, as sorted lines, so two databases (or a database and a spec) compare as text.
 */
public final class Catalog {
  private Catalog() {}

  /** Every column: {@code table.column type nullable default identity}. */
  public static Map<String, String> columns(DataSource db) {
    return query(db, """
        SELECT c.table_name || '.' || c.column_name,
               CASE WHEN c.data_type = 'ARRAY' THEN c.udt_name ELSE c.data_type END
                 || coalesce('(' || c.character_maximum_length || ')', '')
                 || CASE WHEN c.data_type = 'numeric' AND c.numeric_precision IS NOT NULL
                         THEN '(' || c.numeric_precision || ',' || c.numeric_scale || ')' ELSE '' END
                 || CASE WHEN c.is_nullable = 'YES' THEN ' null' ELSE ' not null' END
                 || CASE WHEN c.is_identity = 'YES' THEN ' identity' ELSE '' END
                 || coalesce(' default ' || c.column_default, '')
                 || coalesce(' comment ' || col_description(
                      (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass,
                      c.ordinal_position), '')
        FROM information_schema.columns c
        WHERE c.table_schema = 'public'
        """);
  }

  /** Every constraint by name: its table and definition as PostgreSQL prints it. */
  public static Map<String, String> constraints(DataSource db) {
    return query(db, """
        SELECT con.conname, rel.relname || ' ' || pg_get_constraintdef(con.oid)
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = rel.relnamespace
        WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f', 'c')
        """);
  }

  /** Every index by name: its definition. */
  public static Map<String, String> indexes(DataSource db) {
    return query(db, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'");
  }

  public static List<String> tables(DataSource db) {
    return new ArrayList<>(query(db, """
        SELECT table_name, table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        """).keySet());
  }

  /** Runs a SQL script (statements separated by ';' at line ends) in one transaction. */
  public static void apply(DataSource db, String script) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(script);
      c.commit();
    } catch (SQLException e) {
      throw new AssertionError("script failed: " + e.getMessage() + "\n" + script, e);
    }
  }

  private static Map<String, String> query(DataSource db, String sql) {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
