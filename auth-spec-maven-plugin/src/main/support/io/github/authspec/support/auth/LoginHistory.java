package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The sign-ins a user can see: one row per attempt on a known account, with when, whether it
 * succeeded, the address, the user agent and a failure's reason code. What is stored is chosen
 * so a leaked table tells no secret: never the password, a code or a token, and the user agent
 * cut to {@link #MAX_AGENT} characters. Attempts on unknown addresses have no account and are
 * not recorded here (the rate limits and brute-force counters see them).
 */
public final class LoginHistory {
  /** The longest user agent stored. */
  public static final int MAX_AGENT = 255;
  /** The most entries one call lists. */
  public static final int MAX_LIST = 100;

  /**
   * Where attempts live.
   *
   * @param table the history table
   * @param user the account id
   * @param success whether the attempt succeeded
   * @param at when it happened
   * @param ip the client address, or null when the table keeps none
   * @param userAgent the user agent, or null when the table keeps none
   * @param failureCode a failure's reason code, or null when the table keeps none
   */
  public record Table(String table, String user, String success, String at, String ip,
      String userAgent, String failureCode) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, user, success, at}) {
        Objects.requireNonNull(s, "every required column of the history table must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("user", user);
      m.put("success", success);
      m.put("at", at);
      String[][] optional = {{"ip", ip}, {"agent", userAgent}, {"code", failureCode}};
      for (String[] o : optional) {
        if (o[1] != null) {
          m.put(o[0], o[1]);
        }
      }
      return m;
    }
  }

  private static final List<String> OPTIONAL = List.of("ip", "agent", "code");

  private final Db db;
  private final Clock clock;
  private final Map<String, String> ids;
  private final String insert;
  private final String recent;

  /**
   * History over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps attempts
   */
  public LoginHistory(DataSource dataSource, Table table, Clock clock) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = table.ids();
    List<String> columns = new ArrayList<>(List.of("{user}", "{success}", "{at}"));
    OPTIONAL.stream().filter(ids::containsKey).forEach(o -> columns.add("{" + o + "}"));
    this.insert = Jdbc.render("INSERT INTO {t} (" + String.join(", ", columns) + ") VALUES (?"
        + ", ?".repeat(columns.size() - 1) + ")", ids);
    this.recent = Jdbc.render("SELECT {at}, {success}" + (ids.containsKey("ip") ? ", {ip}"
        : ", NULL") + (ids.containsKey("agent") ? ", {agent}" : ", NULL") + " FROM {t}"
        + " WHERE {user} = ? ORDER BY {at} DESC LIMIT ?", ids);
  }

  /**
   * Records an attempt.
   *
   * @param userId the account
   * @param success whether it succeeded
   * @param ip the client address
   * @param userAgent the user agent
   */
  public void recordLogin(Object userId, boolean success, String ip, String userAgent) {
    record(userId, success, ip, userAgent, null);
  }

  /**
   * Records an attempt with a failure's reason code.
   *
   * @param userId the account
   * @param success whether it succeeded
   * @param ip the client address (dropped when the table keeps none)
   * @param userAgent the user agent (cut to {@link #MAX_AGENT}; dropped likewise)
   * @param failureCode why it failed ({@code bad-password}, ...), never a secret; null on success
   */
  public void record(Object userId, boolean success, String ip, String userAgent,
      String failureCode) {
    List<Object> params = new ArrayList<>(List.of(userId, success, clock.instant()));
    Object[] optional = {ip, cut(userAgent), success ? null : failureCode};
    for (int i = 0; i < OPTIONAL.size(); i++) {
      if (ids.containsKey(OPTIONAL.get(i))) {
        params.add(optional[i]);
      }
    }
    db.update(insert, params.toArray());
  }

  /**
   * The user's most recent attempts, newest first, one line each:
   * {@code <instant> success|failure <address> <user agent>}.
   *
   * @param userId the account
   * @param limit how many (1 to {@link #MAX_LIST})
   * @return the lines
   */
  public List<String> recent(Object userId, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException("list 1 to " + MAX_LIST + " entries");
    }
    return db.query(recent, rs -> {
      Instant at = SqlTime.get(rs, 1);
      return at + (rs.getBoolean(2) ? " success " : " failure ")
          + Objects.toString(rs.getString(3), "-") + " " + Objects.toString(rs.getString(4), "-");
    }, userId, limit);
  }

  /** A user agent as the history keeps it: at most {@link #MAX_AGENT} characters. */
  static String cut(String userAgent) {
    return userAgent == null || userAgent.length() <= MAX_AGENT ? userAgent
        : userAgent.substring(0, MAX_AGENT);
  }

  @Override
  public String toString() {
    return "LoginHistory" + ids.keySet();
  }
}
