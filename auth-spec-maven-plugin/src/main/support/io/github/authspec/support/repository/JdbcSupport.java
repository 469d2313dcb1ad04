package io.github.authspec.support.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * JDBC plumbing shared by the generated repositories: connections, parameter binding (NULLs with
 * their SQL type, lists as PostgreSQL arrays, java.time values through the driver) and batches.
 * Every statement is parameterised.
 */
public final class JdbcSupport {
  private JdbcSupport() {
  }

  /**
   * Work done with a connection.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection an open connection
     * @return the result
     * @throws SQLException from the driver
     */
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Maps the current row of a result set.
   *
   * @param <T> the row type
   */
  @FunctionalInterface
  public interface RowMapper<T> {
    /**
     * Maps one row.
     *
     * @param rs the result set, positioned on a row
     * @return the row
     * @throws SQLException from the driver
     */
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * One parameter value with what binding it needs when it is null or a list.
   *
   * @param value the value, or null
   * @param sqlType the {@link java.sql.Types} constant for NULL
   * @param arrayType the PostgreSQL element type name for lists
   */
  public record Binding(Object value, int sqlType, String arrayType) {
  }

  /**
   * One row's INSERT and its parameters.
   *
   * @param sql the statement, for batches
   * @param returning the same statement with a RETURNING clause, for a single row
   * @param bindings the parameters in order
   */
  public record Insert(String sql, String returning, List<Binding> bindings) {
    /** Keeps an unmodifiable copy of {@code bindings}. */
    public Insert {
      bindings = List.copyOf(bindings);
    }
  }

  /**
   * The INSERT statements of one table. A column the database fills (identity or default) is
   * left out of the statement when the row's value is null, so a table has one statement per
   * set of such columns left out; each is built once, on first use, and then shared.
   */
  public static final class Inserts {
    private final String table;
    private final List<String> columns;
    private final List<Boolean> databaseFills;
    private final String returning;
    private final Map<BitSet, String[]> statements = new ConcurrentHashMap<>();

    /**
     * The statements of a table.
     *
     * @param table the quoted table name
     * @param columns the quoted column names, in table order
     * @param databaseFills per column, whether the database fills it when left out
     * @param returning the quoted column list of the RETURNING clause
     */
    public Inserts(String table, List<String> columns, List<Boolean> databaseFills,
        String returning) {
      this.table = table;
      this.columns = List.copyOf(columns);
      this.databaseFills = List.copyOf(databaseFills);
      this.returning = returning;
    }

    /**
     * The insert of one row.
     *
     * @param omitted the indexes, among the columns the database fills, of those left out
     * @param bindings the values of the other columns, in table order
     * @return the insert
     */
    public Insert insert(BitSet omitted, List<Binding> bindings) {
      String[] sql = statements.computeIfAbsent(omitted, this::build);
      return new Insert(sql[0], sql[1], bindings);
    }

    private String[] build(BitSet omitted) {
      List<String> names = new ArrayList<>();
      int filled = 0;
      for (int i = 0; i < columns.size(); i++) {
        if (!databaseFills.get(i) || !omitted.get(filled++)) {
          names.add(columns.get(i));
        }
      }
      String sql = names.isEmpty() ? "INSERT INTO " + table + " DEFAULT VALUES"
          : "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
              + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
      return new String[] {sql, sql + " RETURNING " + returning};
    }
  }

  /**
   * Runs {@code work} on a connection of {@code dataSource}, closing it afterwards.
   *
   * @param <T> the result type
   * @param dataSource where connections come from
   * @param work what to do
   * @return the work's result
   */
  public static <T> T withConnection(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * Runs {@code work} on the caller's connection (and transaction), leaving it open.
   *
   * @param <T> the result type
   * @param connection the caller's connection
   * @param work what to do
   * @return the work's result
   */
  public static <T> T onConnection(Connection connection, Work<T> work) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * Binds parameters 1..n.
   *
   * @param connection creates arrays
   * @param ps the statement
   * @param bindings the values
   * @throws SQLException from the driver
   */
  public static void bind(Connection connection, PreparedStatement ps, List<Binding> bindings)
      throws SQLException {
    for (int i = 0; i < bindings.size(); i++) {
      Binding b = bindings.get(i);
      if (b.value() == null) {
        ps.setNull(i + 1, b.sqlType());
      } else if (b.value() instanceof List<?> list) {
        ps.setArray(i + 1, connection.createArrayOf(b.arrayType(), list.toArray()));
      } else if (b.value() instanceof java.time.Instant instant) {
        // The driver writes timestamptz from OffsetDateTime; UTC keeps the instant exact.
        ps.setObject(i + 1, instant.atOffset(java.time.ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, b.value());
      }
    }
  }

  /**
   * The first row, if any.
   *
   * @param <T> the row type
   * @param connection the connection
   * @param sql the query
   * @param bindings its parameters
   * @param mapper maps a row
   * @return the first row, or null
   * @throws SQLException from the driver
   */
  public static <T> T one(Connection connection, String sql, List<Binding> bindings,
      RowMapper<T> mapper) throws SQLException {
    List<T> rows = list(connection, sql, bindings, mapper);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Every row.
   *
   * @param <T> the row type
   * @param connection the connection
   * @param sql the query
   * @param bindings its parameters
   * @param mapper maps a row
   * @return the rows, in result order
   * @throws SQLException from the driver
   */
  public static <T> List<T> list(Connection connection, String sql, List<Binding> bindings,
      RowMapper<T> mapper) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(connection, ps, bindings);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    }
  }

  /**
   * Runs an INSERT, UPDATE or DELETE.
   *
   * @param connection the connection
   * @param sql the statement
   * @param bindings its parameters
   * @return the number of rows changed
   * @throws SQLException from the driver
   */
  public static int update(Connection connection, String sql, List<Binding> bindings)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(connection, ps, bindings);
      return ps.executeUpdate();
    }
  }

  /**
   * Runs inserts as JDBC batches, one batch per statement shape.
   *
   * @param connection the connection
   * @param inserts the statements
   * @return the number of rows inserted
   * @throws SQLException from the driver
   */
  public static int batch(Connection connection, List<Insert> inserts) throws SQLException {
    Map<String, List<List<Binding>>> bySql = new LinkedHashMap<>();
    for (Insert insert : inserts) {
      bySql.computeIfAbsent(insert.sql(), s -> new ArrayList<>()).add(insert.bindings());
    }
    int count = 0;
    for (Map.Entry<String, List<List<Binding>>> e : bySql.entrySet()) {
      try (PreparedStatement ps = connection.prepareStatement(e.getKey())) {
        for (List<Binding> bindings : e.getValue()) {
          bind(connection, ps, bindings);
          ps.addBatch();
        }
        for (int n : ps.executeBatch()) {
          count += Math.max(n, 0);
        }
      }
    }
    return count;
  }

  /**
   * A PostgreSQL array column as an unmodifiable list (null elements kept), or null.
   *
   * @param <T> the element type
   * @param rs the result set
   * @param column the column's index, from 1
   * @param elementType the Java element type
   * @return the list, or null for SQL NULL
   * @throws SQLException from the driver
   */
  public static <T> List<T> array(ResultSet rs, int column, Class<T> elementType)
      throws SQLException {
    java.sql.Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      Object[] values = (Object[]) array.getArray();
      List<T> out = new ArrayList<>(values.length);
      for (Object v : values) {
        out.add(convert(v, elementType));
      }
      return Collections.unmodifiableList(out);
    } finally {
      array.free();
    }
  }

  /**
   * A {@code bigint} column as a {@link Long}, null for SQL NULL. Read with {@code getLong} and
   * {@code wasNull}: {@code getObject(i, Long.class)} costs the driver a type dispatch per
   * column and row.
   *
   * @param rs the result set
   * @param column the column's position (1-based)
   * @return the value, or null
   * @throws SQLException if the column cannot be read
   */
  public static Long longValue(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * An {@code integer} column as an {@link Integer}, null for SQL NULL (see {@link #longValue}).
   *
   * @param rs the result set
   * @param column the column's position (1-based)
   * @return the value, or null
   * @throws SQLException if the column cannot be read
   */
  public static Integer intValue(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * A {@code smallint} column as a {@link Short}, null for SQL NULL (see {@link #longValue}).
   *
   * @param rs the result set
   * @param column the column's position (1-based)
   * @return the value, or null
   * @throws SQLException if the column cannot be read
   */
  public static Short shortValue(ResultSet rs, int column) throws SQLException {
    short value = rs.getShort(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * A {@code boolean} column as a {@link Boolean}, null for SQL NULL (see {@link #longValue}).
   *
   * @param rs the result set
   * @param column the column's position (1-based)
   * @return the value, or null
   * @throws SQLException if the column cannot be read
   */
  public static Boolean booleanValue(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * A {@code timestamptz} column as an {@link java.time.Instant} (the driver reads it as an
   * {@code OffsetDateTime}); null for SQL NULL.
   *
   * @param rs the result set
   * @param column the column's position (1-based)
   * @return the instant, or null
   * @throws SQLException if the column cannot be read
   */
  public static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
    java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static <T> T convert(Object value, Class<T> type) {
    if (value == null) {
      return null;
    }
    if (type == LocalDate.class && value instanceof java.sql.Date d) {
      return type.cast(d.toLocalDate());
    }
    if (type == LocalDateTime.class && value instanceof Timestamp t) {
      return type.cast(t.toLocalDateTime());
    }
    if (type == java.time.Instant.class && value instanceof Timestamp t) {
      return type.cast(t.toInstant());
    }
    if (type == java.time.OffsetDateTime.class && value instanceof Timestamp t) {
      return type.cast(t.toInstant().atOffset(java.time.ZoneOffset.UTC));
    }
    if (type == LocalTime.class && value instanceof Time t) {
      return type.cast(t.toLocalTime());
    }
    return type.cast(value);
  }
}
