package io.github.authspec.plugin.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;

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

  /** The only clause the generator writes that jOOQ's parser does not read (see SqlRenderer). */
  private static final Pattern AT_UTC = Pattern.compile(
      " USING (\"(?:[^\"]|\"\")+\") AT TIME ZONE 'UTC';");
  private static final DSLContext JOOQ = DSL.using(SQLDialect.POSTGRES,
      new Settings().withParseUnknownFunctions(ParseUnknownFunctions.IGNORE));

  /**
   * Applies a migration the plugin generated, after proving that jOOQ's parser reads every
   * statement of it (the plugin replays its own files through jOOQ later, and the drift goal
   * does). The build does not parse its output back; this is where that is proved, on every
   * generated script the tests apply.
   */
  public static void applyGenerated(DataSource db, String script) {
    String readable = AT_UTC.matcher(script).replaceAll(";");
    try {
      int statements = JOOQ.parser().parse(readable).queries().length;
      if (statements == 0 && script.contains(";")) {
        throw new AssertionError("jOOQ read no statement of\n" + script);
      }
    } catch (ParserException e) {
      throw new AssertionError("jOOQ cannot read back generated SQL: " + e.getMessage(), e);
    }
    apply(db, script);
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
