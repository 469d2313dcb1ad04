package io.github.authspec.support.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The implementations' time rule against a real PostgreSQL: an instant written through
 * {@link SqlTime} is the same instant when read back and when the database itself is asked,
 * in a {@code timestamp} and a {@code timestamptz} column, whatever the JVM's time zone (which
 * the driver also makes the session's).
 */
class SqlTimeTest {
  private static final Instant AT = Instant.parse("2026-03-29T01:30:00.123456Z");

  @ParameterizedTest(name = "{0} column")
  @ValueSource(strings = {"timestamp", "timestamptz"})
  @DisplayName("the same instant under three JVM time zones, read back and as the database's epoch")
  void sameInstantUnderEveryZone(String type) throws SQLException {
    DataSource db = PostgresServer.freshDatabase("sqltime");
    String epoch = type.equals("timestamp") ? "extract(epoch FROM at AT TIME ZONE 'UTC')"
        : "extract(epoch FROM at)";
    TimeZone original = TimeZone.getDefault();
    try {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (zone text, at " + type + ")");
      }
      List<String> zones = List.of("UTC", "Pacific/Chatham", "America/St_Johns");
      for (String zone : zones) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try (Connection c = db.getConnection();
            PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          ps.setString(1, zone);
          SqlTime.set(ps, 2, AT);
          ps.executeUpdate();
        }
      }
      for (String reader : zones) {
        TimeZone.setDefault(TimeZone.getTimeZone(reader));
        List<Instant> read = new ArrayList<>();
        List<String> epochs = new ArrayList<>();
        try (Connection c = db.getConnection();
            PreparedStatement ps = c.prepareStatement("SELECT at, " + epoch
                + " FROM t WHERE at >= ? AND at < ? ORDER BY zone")) {
          SqlTime.set(ps, 1, AT);
          SqlTime.set(ps, 2, AT.plusNanos(1_000));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              read.add(SqlTime.get(rs, "at"));
              epochs.add(rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
            }
          }
        }
        assertThat(read).as("read in %s", reader).hasSize(3).containsOnly(AT);
        assertThat(epochs).as("the database's epoch, read in %s", reader)
            .containsOnly("1774747800.123456");
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @ParameterizedTest(name = "{0} column")
  @ValueSource(strings = {"timestamp", "timestamptz"})
  @DisplayName("SQL NULL both ways")
  void nulls(String type) throws SQLException {
    DataSource db = PostgresServer.freshDatabase("sqltime_null");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (at " + type + ")");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        SqlTime.set(ps, 1, null);
        ps.executeUpdate();
      }
      try (ResultSet rs = s.executeQuery("SELECT at FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(SqlTime.get(rs, 1)).isNull();
      }
    }
  }
}
