package io.github.authspec.support.token;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.JdbcSupport.Work;
import io.github.authspec.support.repository.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The token stores' view of {@code Jdbc}, the one JDBC helper: identifiers quoted once when a
 * store is built, instants by {@code SqlTime}, transactions, and errors that name the
 * operation but never a parameter.
 */
final class Sql {
  private Sql() {
  }

  /** A quoted identifier: {@code "name"}, inner quotes doubled ({@link Jdbc#quote}). */
  static String quote(String identifier) {
    return Jdbc.quote(identifier);
  }

  /** A statement template with quoted identifiers ({@link Jdbc#render}). */
  static String render(String template, Map<String, String> identifiers) {
    return Jdbc.render(template, identifiers);
  }

  /** Binds an instant by the one time rule ({@link SqlTime}). */
  static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
    SqlTime.set(ps, index, instant);
  }

  /** A time column by the one time rule. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    return SqlTime.get(rs, column);
  }

  /** One INSERT or UPDATE on the transaction's connection ({@link Jdbc#update}). */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    return Jdbc.update(c, sql, params);
  }

  /** The first column of the first row of a statement, or empty, on the caller's connection. */
  static Optional<Object> first(Connection c, String sql, Object... params) throws SQLException {
    return Jdbc.query(c, sql, rs -> rs.getObject(1), params).stream().findFirst();
  }

  /** The first column of the first row of a query, or empty; in its own transaction. */
  static Optional<Object> first(DataSource dataSource, String operation, String sql,
      Object... params) {
    return transaction(dataSource, operation, c -> first(c, sql, params));
  }

  /**
   * One statement's work on a connection of its own, committed as it ends: one round trip.
   */
  static <T> T statement(DataSource dataSource, String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      T result = work.apply(c);
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      throw new TokenStoreException(operation, e);
    }
  }

  static <T> T transaction(DataSource dataSource, String operation, Work<T> work) {
    try {
      return Jdbc.transaction(dataSource, work);
    } catch (SQLException e) {
      throw new TokenStoreException(operation, e);
    }
  }
}
