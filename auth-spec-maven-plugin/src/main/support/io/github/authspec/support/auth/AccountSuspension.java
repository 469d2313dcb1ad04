package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.token.AccountCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An administrator disables an account, for good or until a time, with a reason. Suspending
 * is one UPDATE of the account row and then the end of every credential the account holds
 * ({@link AccountCredentials.Change#SUSPENDED}: sessions, refresh tokens, remember-me series and
 * API keys), so whoever was signed in is out at once; the login flow refuses a suspended
 * account with the same answer as a wrong password. A suspension with an end lapses by
 * itself; reinstating lifts it early. The reason is for administrators, never shown at login.
 */
public final class AccountSuspension {
  /** The longest reason stored. */
  public static final int MAX_REASON = 500;

  /**
   * Where the suspension lives: on the account row.
   *
   * @param table the account table
   * @param id the account id
   * @param suspendedAt when the suspension began (set while suspended)
   * @param suspendedUntil when it ends by itself (null when the table keeps none)
   * @param reason why (null when the table keeps none)
   */
  public record Table(String table, String id, String suspendedAt, String suspendedUntil,
      String reason) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, id, suspendedAt}) {
        Objects.requireNonNull(s, "every required column of the suspension must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("id", id);
      m.put("at", suspendedAt);
      if (suspendedUntil != null) {
        m.put("until", suspendedUntil);
      }
      if (reason != null) {
        m.put("reason", reason);
      }
      return m;
    }
  }

  private static final String SUSPEND = "UPDATE {t} SET {at} = ?";
  private static final String UNTIL = ", {until} = ?";
  private static final String REASON = ", {reason} = ?";
  private static final String OF_ACCOUNT = " WHERE {id} = ?";
  private static final String REINSTATE = "UPDATE {t} SET {at} = NULL";
  private static final String NO_UNTIL = ", {until} = NULL";
  private static final String NO_REASON = ", {reason} = NULL";
  private static final String SUSPENDED = "SELECT {at} IS NOT NULL FROM {t} WHERE {id} = ?";
  private static final String UNTIL_AHEAD = "SELECT {at} IS NOT NULL AND ({until} IS NULL"
      + " OR {until} > ?) FROM {t} WHERE {id} = ?";

  private final Db db;
  private final Clock clock;
  private final AccountCredentials credentials;
  private final boolean until;
  private final boolean reason;
  private final String suspendSql;
  private final String reinstateSql;
  private final String suspendedSql;

  /**
   * Suspensions over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time of suspensions
   * @param credentials ends the account's credentials when it is suspended
   */
  public AccountSuspension(DataSource dataSource, Table table, Clock clock,
      AccountCredentials credentials) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.until = table.suspendedUntil() != null;
    this.reason = table.reason() != null;
    Map<String, String> ids = table.ids();
    this.suspendSql = Jdbc.render(SUSPEND + (until ? UNTIL : "") + (reason ? REASON : "")
        + OF_ACCOUNT, ids);
    this.reinstateSql = Jdbc.render(REINSTATE + (until ? NO_UNTIL : "")
        + (reason ? NO_REASON : "") + OF_ACCOUNT, ids);
    this.suspendedSql = Jdbc.render(until ? UNTIL_AHEAD : SUSPENDED, ids);
  }

  /**
   * Suspends an account and ends its credentials.
   *
   * @param userId the account
   * @param end when the suspension lapses by itself (after now), or empty for good
   * @param why the reason, at most {@link #MAX_REASON} characters (for administrators)
   * @param by the administrator (audited by the caller)
   * @throws IllegalArgumentException for an end not after now, an end the table cannot keep,
   *     an over-long reason or an unknown account; nothing was written
   */
  public void suspend(Object userId, Optional<Instant> end, String why, Object by) {
    Instant now = clock.instant();
    if (end.isPresent() && (!until || !end.get().isAfter(now))) {
      throw new IllegalArgumentException(until ? "a suspension's end must be after now"
          : "this account table keeps no suspension end");
    }
    if (why != null && why.length() > MAX_REASON) {
      throw new IllegalArgumentException("a reason has at most " + MAX_REASON + " characters");
    }
    List<Object> params = new ArrayList<>();
    params.add(now);
    if (until) {
      params.add(end.orElse(null));
    }
    if (reason) {
      params.add(why);
    }
    params.add(userId);
    if (db.update(suspendSql, params.toArray()) != 1) {
      throw new IllegalArgumentException("no such account");
    }
    // After the suspension committed: nothing issued before survives, nothing new is issued.
    credentials.end(userId, AccountCredentials.Change.SUSPENDED);
  }

  /**
   * Lifts a suspension.
   *
   * @param userId the account
   * @param by the administrator (audited by the caller)
   */
  public void reinstate(Object userId, Object by) {
    db.update(reinstateSql, userId);
  }

  /**
   * Whether the account is suspended now.
   *
   * @param userId the account
   * @return whether a suspension is in force
   */
  public boolean isSuspended(Object userId) {
    List<Boolean> rows = until
        ? db.query(suspendedSql, rs -> rs.getBoolean(1), clock.instant(), userId)
        : db.query(suspendedSql, rs -> rs.getBoolean(1), userId);
    return !rows.isEmpty() && rows.get(0);
  }

  @Override
  public String toString() {
    return "AccountSuspension[until=" + until + ", reason=" + reason + "]";
  }
}
