package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.RepositoryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A user's non-security settings (locale, theme, ...), one row per key. Only keys the
 * application allows are written, so the table cannot become a free-form store; a value is
 * text of at most {@link #MAX_VALUE} characters, and setting null removes the key. The seed
 * table has no unique (user, key) constraint, so each write takes a transaction lock per user
 * and then updates or inserts: concurrent writes of one key leave exactly one row.
 */
public final class UserPreferences {
  /** The longest value stored. */
  public static final int MAX_VALUE = 1024;

  /**
   * Where preferences live.
   *
   * @param table the table
   * @param user the owner's id column
   * @param key the key column
   * @param value the value column
   * @param updatedAt when it was last set (null when the table has none)
   */
  public record Table(String table, String user, String key, String value, String updatedAt) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, user, key, value}) {
        Objects.requireNonNull(s, "every required column of the preferences table must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("user", user);
      m.put("key", key);
      m.put("value", value);
      if (updatedAt != null) {
        m.put("updated", updatedAt);
      }
      return m;
    }
  }

  private static final String SELECT = "SELECT {key}, {value} FROM {t} WHERE {user} = ?";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(CAST(? AS text)))";
  private static final String DELETE = "DELETE FROM {t} WHERE {user} = ? AND {key} = ?";
  private static final String UPDATE = "UPDATE {t} SET {value} = ? WHERE {user} = ? AND {key} = ?";
  private static final String UPDATE_STAMPED = "UPDATE {t} SET {value} = ?, {updated} = ?"
      + " WHERE {user} = ? AND {key} = ?";
  private static final String INSERT = "INSERT INTO {t} ({user}, {key}, {value}) VALUES (?, ?, ?)";
  private static final String INSERT_STAMPED = "INSERT INTO {t} ({user}, {key}, {value},"
      + " {updated}) VALUES (?, ?, ?, ?)";

  private final DataSource dataSource;
  private final Clock clock;
  private final Set<String> allowed;
  private final boolean stamped;
  private final int lockSpace;
  private final String select;
  private final String delete;
  private final String update;
  private final String insert;

  /**
   * Preferences over a table.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps changes
   * @param allowedKeys the keys users may set, comma-separated (e.g. {@code locale,theme})
   */
  public UserPreferences(DataSource dataSource, Table table, Clock clock, String allowedKeys) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    Set<String> keys = new TreeSet<>();
    Arrays.stream(allowedKeys.split(",")).map(String::trim).filter(k -> !k.isEmpty())
        .forEach(keys::add);
    this.allowed = Collections.unmodifiableSet(keys);
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("allow at least one preference key");
    }
    Map<String, String> ids = table.ids();
    this.stamped = table.updatedAt() != null;
    this.lockSpace = table.table().hashCode();
    this.select = Jdbc.render(SELECT, ids);
    this.delete = Jdbc.render(DELETE, ids);
    this.update = Jdbc.render(stamped ? UPDATE_STAMPED : UPDATE, ids);
    this.insert = Jdbc.render(stamped ? INSERT_STAMPED : INSERT, ids);
  }

  /**
   * A user's preferences, by key.
   *
   * @param userId the user
   * @return the preferences, sorted by key
   */
  public Map<String, String> preferences(Object userId) {
    try {
      List<Map.Entry<String, String>> rows = Jdbc.transaction(dataSource, c ->
          Jdbc.query(c, select, rs -> Map.entry(rs.getString(1), Objects.toString(
              rs.getString(2), "")), userId));
      Map<String, String> out = new TreeMap<>();
      rows.forEach(e -> out.put(e.getKey(), e.getValue()));
      return Collections.unmodifiableMap(out);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * Sets one preference; null removes it.
   *
   * @param userId the user
   * @param key an allowed key
   * @param value the value (at most {@link #MAX_VALUE} characters), or null
   * @throws IllegalArgumentException for a key not allowed or a value too long
   */
  public void set(Object userId, String key, String value) {
    if (key == null || !allowed.contains(key)) {
      throw new IllegalArgumentException("not a preference key this application allows: "
          + allowed);
    }
    if (value != null && value.length() > MAX_VALUE) {
      throw new IllegalArgumentException("a preference value has at most " + MAX_VALUE
          + " characters");
    }
    try {
      Jdbc.transaction(dataSource, c -> write(c, userId, key, value));
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  private int write(Connection c, Object userId, String key, String value) throws SQLException {
    Jdbc.query(c, LOCK, rs -> 1, lockSpace, userId);
    if (value == null) {
      return Jdbc.update(c, delete, userId, key);
    }
    int changed = stamped ? Jdbc.update(c, update, value, clock.instant(), userId, key)
        : Jdbc.update(c, update, value, userId, key);
    if (changed > 0) {
      return changed;
    }
    return stamped ? Jdbc.update(c, insert, userId, key, value, clock.instant())
        : Jdbc.update(c, insert, userId, key, value);
  }

  @Override
  public String toString() {
    return "UserPreferences" + allowed;
  }
}
