package io.github.authspec.support.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one rule by which the implementations' support classes store and read an instant. A spec
 * TIMESTAMP column is {@code timestamp} holding UTC wall time or {@code timestamptz}, as the
 * {@code timestamps} option says, and neither the column type nor the JVM's or the session's
 * time zone may change what is stored:
 *
 * <ul>
 *   <li>an instant is bound as an untyped literal with an explicit UTC offset
 *       ({@code 2026-12-01 12:00:00.000000+00}); PostgreSQL gives an untyped parameter the type
 *       of the column it meets, reads it as that instant in {@code timestamptz} and ignores the
 *       offset in {@code timestamp}, which leaves the UTC wall time;
 *   <li>a value is read as an {@link OffsetDateTime}, which the driver returns for both types
 *       ({@code timestamp} at offset zero), never as a {@code LocalDateTime} that
 *       {@code timestamptz} refuses or a {@code java.sql.Timestamp} that the JVM's zone shifts.
 * </ul>
 *
 * <p>Where SQL text needs a typed time (arithmetic), the generator writes the column's own type
 * in a cast, so the same literal works there too. Instants are cut to microseconds, the
 * database's precision.
 */
public final class SqlTime {
  private static final DateTimeFormatter LITERAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'", Locale.ROOT);

  private SqlTime() {
  }

  /**
   * Binds {@code instant} (or SQL NULL) to a {@code timestamp} or {@code timestamptz} parameter.
   *
   * @param ps the statement
   * @param index the parameter's position (1-based)
   * @param instant the instant, or null
   * @throws SQLException from the driver
   */
  public static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP);
    } else {
      ps.setObject(index, literal(instant), Types.OTHER);
    }
  }

  /**
   * The literal {@link #set} binds: UTC, microseconds, explicit offset.
   *
   * @param instant the instant
   * @return its text
   */
  public static String literal(Instant instant) {
    return LITERAL.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  /**
   * A {@code timestamp} (UTC wall time) or {@code timestamptz} column as an instant.
   *
   * @param rs the row
   * @param column the column's position (1-based)
   * @return the instant, or null for SQL NULL
   * @throws SQLException from the driver
   */
  public static Instant get(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * {@link #get(ResultSet, int)} by column label.
   *
   * @param rs the row
   * @param column the column's label
   * @return the instant, or null for SQL NULL
   * @throws SQLException from the driver
   */
  public static Instant get(ResultSet rs, String column) throws SQLException {
    return get(rs, rs.findColumn(column));
  }
}
