package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Failed sign-in attempts with their context and reason code, one INSERT each; the attempted
 * password is never a parameter, so it cannot be recorded.
 */
public final class FailedLogins {
  /**
   * Where attempts live.
   *
   * @param table the attempts table
   * @param user the account id
   * @param success whether the attempt succeeded
   * @param at when it happened
   * @param ip the client address, or null when the table keeps none
   * @param failureCode the reason code, or null when the table keeps none
   */
  public record Table(String table, String user, String success, String at, String ip,
      String failureCode) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, user, success, at}) {
        Objects.requireNonNull(s, "every required column of the attempts table must be named");
      }
    }
  }

  private static final String COUNT = "SELECT count(*) FROM {t} WHERE {user} = ?"
      + " AND {success} = FALSE AND {at} >= ?";

  private final Db db;
  private final Clock clock;
  private final boolean ip;
  private final boolean code;
  private final String insert;
  private final String count;

  /**
   * Attempts over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps attempts
   */
  public FailedLogins(DataSource dataSource, Table table, Clock clock) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ip = table.ip() != null;
    this.code = table.failureCode() != null;
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("t", table.table());
    ids.put("user", table.user());
    ids.put("success", table.success());
    ids.put("at", table.at());
    List<String> columns = new ArrayList<>(List.of("{user}", "{success}", "{at}"));
    if (ip) {
      ids.put("ip", table.ip());
      columns.add("{ip}");
    }
    if (code) {
      ids.put("code", table.failureCode());
      columns.add("{code}");
    }
    this.insert = Jdbc.render("INSERT INTO {t} (" + String.join(", ", columns)
        + ") VALUES (?, FALSE, ?" + ", ?".repeat(columns.size() - 3) + ")", ids);
    this.count = Jdbc.render(COUNT, ids);
  }

  /**
   * Records a failed attempt.
   *
   * @param userId the account
   * @param ip the client address (dropped when the table keeps none)
   * @param failureCode why it failed (e.g. {@code bad-password}), never the password
   */
  public void recordFailure(Object userId, String ip, String failureCode) {
    List<Object> params = new ArrayList<>(List.of(userId, clock.instant()));
    if (this.ip) {
      params.add(ip);
    }
    if (code) {
      params.add(failureCode);
    }
    db.update(insert, params.toArray());
  }

  /**
   * Failed attempts of a user since a time.
   *
   * @param userId the account
   * @param since the first instant counted
   * @return the count
   */
  public int failuresSince(Object userId, Instant since) {
    return db.query(count, rs -> rs.getInt(1), userId, since).get(0);
  }
}
