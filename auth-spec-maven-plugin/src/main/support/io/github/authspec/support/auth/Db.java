package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.JdbcSupport.RowMapper;
import io.github.authspec.support.repository.JdbcSupport.Work;
import io.github.authspec.support.repository.RepositoryException;
import io.github.authspec.support.repository.SqlTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC steps the generated implementations take, over {@link Jdbc}: one parameterised
 * statement, or several in one transaction. {@link Instant} parameters and time columns follow
 * {@link SqlTime}, so they mean the same instant in {@code timestamp} and {@code timestamptz}
 * columns; SQL errors become {@link RepositoryException} with the driver's SQLState. Parameters
 * are never logged.
 */
public final class Db {
  private final DataSource dataSource;

  /**
   * Statements over {@code dataSource}.
   *
   * @param dataSource where connections come from
   */
  public Db(DataSource dataSource) {
    this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Runs {@code work} on a connection of its own, with auto-commit.
   *
   * @param <T> the result
   * @param work what to do
   * @return its result
   */
  public <T> T run(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws,
   * so a failed step leaves no partial write.
   *
   * @param <T> the result
   * @param work what to do
   * @return its result
   */
  public <T> T transaction(Work<T> work) {
    try {
      return Jdbc.transaction(dataSource, work);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * One INSERT, UPDATE or DELETE on its own connection.
   *
   * @param sql the statement
   * @param params its parameters
   * @return rows changed
   */
  public int update(String sql, Object... params) {
    return run(c -> update(c, sql, params));
  }

  /**
   * Rows of one query on its own connection.
   *
   * @param <T> the row type
   * @param sql the query
   * @param row maps a row
   * @param params its parameters
   * @return the rows in result order
   */
  public <T> List<T> query(String sql, RowMapper<T> row, Object... params) {
    return run(c -> query(c, sql, row, params));
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
    return Jdbc.update(c, sql, params);
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
    return Jdbc.query(c, sql, row, params);
  }

  /**
   * A time column as an instant, by the rule of {@link SqlTime}.
   *
   * @param rs the row
   * @param column the column label
   * @return the instant, or null
   * @throws SQLException from the driver
   */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return SqlTime.get(rs, column);
  }

  @Override
  public String toString() {
    return "Db[" + dataSource.getClass().getSimpleName() + "]";
  }
}
