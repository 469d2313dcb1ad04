package io.github.authspec.support.repository;

import io.github.authspec.support.repository.JdbcSupport.RowMapper;
import io.github.authspec.support.repository.JdbcSupport.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one JDBC helper of the implementations' support classes, and their one SQL style:
 * statements are constant templates whose {@code {name}} slots take identifiers, quoted by the
 * one rule the generator uses too, and whose {@code ?} take every value; instants are bound and
 * read by {@link SqlTime}; work runs on its own connection or in one transaction. Values never
 * reach the text, and no helper here logs or repeats a parameter.
 */
public final class Jdbc {
  private Jdbc() {
  }

  /**
   * A quoted identifier: {@code "name"}, inner quotes doubled.
   *
   * @param identifier a table or column name
   * @return it, quoted
   * @throws IllegalArgumentException for an empty name or one with a NUL character
   */
  public static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("bad SQL identifier");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * A statement template with each {@code {name}} slot replaced by the quoted identifier
   * {@code identifiers} maps it to; the template is a constant of the calling class.
   *
   * @param template the statement
   * @param identifiers identifiers by slot name
   * @return the statement text
   * @throws IllegalArgumentException for a slot without an identifier
   */
  public static String render(String template, Map<String, String> identifiers) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, close);
      String identifier = identifiers.get(name);
      if (identifier == null) {
        throw new IllegalArgumentException("no identifier for {" + name + "}");
      }
      out.append(template, i, open).append(quote(identifier));
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it
   * throws, so a failed step leaves no partial write.
   *
   * @param <T> the result
   * @param dataSource where the connection comes from
   * @param work what to do
   * @return its result
   * @throws SQLException from the driver; the caller names the operation
   */
  public static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * Binds parameters 1..n: instants by {@link SqlTime}, null as SQL NULL, the rest through the
   * driver.
   *
   * @param ps the statement
   * @param params the values
   * @throws SQLException from the driver
   */
  public static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant instant) {
        SqlTime.set(ps, i + 1, instant);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /**
   * One INSERT, UPDATE or DELETE on the caller's connection.
   *
   * @param c the connection
   * @param sql the statement
   * @param params its parameters
   * @return rows changed
   * @throws SQLException from the driver
   */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /**
   * Rows of one query on the caller's connection.
   *
   * @param <T> the row type
   * @param c the connection
   * @param sql the query
   * @param row maps a row
   * @param params its parameters
   * @return the rows in result order
   * @throws SQLException from the driver
   */
  public static <T> List<T> query(Connection c, String sql, RowMapper<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row.map(rs));
        }
        return rows;
      }
    }
  }
}
