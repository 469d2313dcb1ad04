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
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Account lockout after repeated failed logins, for growing periods ({@link LockoutPolicy}).
 * One UPDATE counts a failure and sets the lock from the new count, so parallel failures are
 * counted exactly and lock exactly as the policy says; no read-then-write window exists in
 * which two failures see the same count.
 */
public final class AccountLockout {
  /**
   * Where the counter and the lock live.
   *
   * @param table the account table
   * @param id the account id
   * @param failures the consecutive failed-attempt counter
   * @param lockedUntil the end of the current lock
   * @param lockedAt when the lock began, or null when the table keeps none
   * @param timeType the SQL type of the time columns, {@code timestamp} (UTC wall time) or
   *     {@code timestamptz}: the lock's end is computed in SQL from a bound instant, and the
   *     cast must name the column's own type so the instant keeps its meaning
   */
  public record Table(String table, String id, String failures, String lockedUntil,
      String lockedAt, String timeType) {
    /** Checks that every required column is named and the time type is one of the two. */
    public Table {
      for (String s : new String[] {table, id, failures, lockedUntil}) {
        Objects.requireNonNull(s, "every required column of the lockout table must be named");
      }
      if (!Set.of("timestamp", "timestamptz").contains(timeType)) {
        throw new IllegalArgumentException("timeType must be timestamp or timestamptz");
      }
    }

    /**
     * The seed spec's names.
     *
     * @param timeType {@code timestamp} or {@code timestamptz}
     * @return the mapping of {@code users}
     */
    public static Table conventional(String timeType) {
      return new Table("users", "id", "failed_login_attempts", "lockout_until", "locked_at",
          timeType);
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("id", id);
      m.put("failures", failures);
      m.put("until", lockedUntil);
      m.put("time", timeType);
      if (lockedAt != null) {
        m.put("at", lockedAt);
      }
      return m;
    }
  }

  private static final String RECORD_FAILURE = "UPDATE {t} SET {failures} = {failures} + 1,"
      + " {until} = CASE WHEN {failures} + 1 >= ? THEN CAST(? AS {time})"
      + " + LEAST(CAST(? AS double precision), CAST(? AS double precision)"
      + " * POWER(2, LEAST({failures} + 1 - ?, ?))) * INTERVAL '1 millisecond' ELSE {until} END";
  private static final String LOCK_BEGAN = ", {at} = CASE WHEN {failures} + 1 = ?"
      + " THEN CAST(? AS {time}) ELSE {at} END";
  private static final String RESET = "UPDATE {t} SET {failures} = 0, {until} = NULL";
  private static final String NO_LOCK_BEGAN = ", {at} = NULL";
  private static final String OF_ACCOUNT = " WHERE {id} = ?";
  private static final String LOCKED_UNTIL = "SELECT {until} FROM {t} WHERE {id} = ?"
      + " AND {until} > ?";

  private final Db db;
  private final Clock clock;
  private final LockoutPolicy policy;
  private final boolean lockedAt;
  private final String recordFailureSql;
  private final String resetSql;
  private final String lockedUntilSql;

  /**
   * Lockout over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time of failures and locks
   * @param policy when and how long to lock
   */
  public AccountLockout(DataSource dataSource, Table table, Clock clock, LockoutPolicy policy) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    Map<String, String> ids = table.ids();
    this.lockedAt = table.lockedAt() != null;
    this.recordFailureSql = Jdbc.render(RECORD_FAILURE + (lockedAt ? LOCK_BEGAN : "")
        + OF_ACCOUNT, ids);
    this.resetSql = Jdbc.render(RESET + (lockedAt ? NO_LOCK_BEGAN : "") + OF_ACCOUNT, ids);
    this.lockedUntilSql = Jdbc.render(LOCKED_UNTIL, ids);
  }

  /**
   * Counts a failed login and, from the new count, locks: at the threshold for the first
   * period, doubling with each further failure up to the maximum.
   *
   * @param userId the account
   */
  public void recordFailure(Object userId) {
    Instant now = clock.instant();
    List<Object> params = new ArrayList<>(List.of(policy.threshold(), now,
        policy.maxLock().toMillis(), policy.firstLock().toMillis(), policy.threshold(),
        LockoutPolicy.MAX_DOUBLINGS));
    if (lockedAt) {
      params.addAll(List.of(policy.threshold(), now));
    }
    params.add(userId);
    db.update(recordFailureSql, params.toArray());
  }

  /**
   * Clears the counter and the lock (after a successful login, or an unlock).
   *
   * @param userId the account
   */
  public void reset(Object userId) {
    db.update(resetSql, userId);
  }

  /**
   * The end of the account's lock, if it is still ahead.
   *
   * @param userId the account
   * @return the lock's end
   */
  public Optional<Instant> lockedUntil(Object userId) {
    return db.query(lockedUntilSql, rs -> SqlTime.get(rs, 1), userId, clock.instant()).stream()
        .findFirst();
  }

  @Override
  public String toString() {
    return "AccountLockout[" + policy + "]";
  }
}
