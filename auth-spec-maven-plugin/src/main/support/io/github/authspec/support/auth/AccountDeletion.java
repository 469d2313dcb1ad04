package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.token.AccountCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Deleting an account is two steps. A request marks the row deleted at once (a soft delete:
 * {@code deleted_at} and the reason) and ends every credential the account holds
 * ({@link AccountCredentials.Change#DELETED}), so from that moment the account signs in
 * nowhere and the login flow refuses it like a wrong password. For a grace period the mark can
 * be cancelled (an operator, or a flow that proved the owner by other means, restores the
 * account; credentials stay ended, the owner signs in again). After the grace period
 * {@link #due} lists the accounts whose personal data the application's erasure job erases or
 * anonymises; nothing here erases rows, since what must be kept (invoices, audit) is the
 * application's decision.
 */
public final class AccountDeletion {
  /** The longest reason stored. */
  public static final int MAX_REASON = 500;

  /**
   * Where the mark lives: on the account row.
   *
   * @param table the account table
   * @param id the account id
   * @param deletedAt when deletion was requested (set while marked)
   * @param reason why (null when the table keeps none)
   */
  public record Table(String table, String id, String deletedAt, String reason) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, id, deletedAt}) {
        Objects.requireNonNull(s, "every required column of the deletion must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("id", id);
      m.put("at", deletedAt);
      if (reason != null) {
        m.put("reason", reason);
      }
      return m;
    }
  }

  private static final String MARK = "UPDATE {t} SET {at} = ?";
  private static final String REASON = ", {reason} = ?";
  private static final String UNMARKED = " WHERE {id} = ? AND {at} IS NULL";
  private static final String CANCEL = "UPDATE {t} SET {at} = NULL";
  private static final String NO_REASON = ", {reason} = NULL";
  private static final String IN_GRACE = " WHERE {id} = ? AND {at} > ?";
  private static final String DELETED = "SELECT {at} IS NOT NULL FROM {t} WHERE {id} = ?";
  private static final String DUE = "SELECT {id} FROM {t} WHERE {at} <= ? ORDER BY {at}, {id}"
      + " LIMIT ?";

  private final Db db;
  private final Clock clock;
  private final AccountCredentials credentials;
  private final Duration grace;
  private final boolean reason;
  private final String markSql;
  private final String cancelSql;
  private final String deletedSql;
  private final String dueSql;

  /**
   * Deletions over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time of requests
   * @param credentials ends the account's credentials when deletion is requested
   * @param grace how long a deletion can be cancelled (at least a minute)
   */
  public AccountDeletion(DataSource dataSource, Table table, Clock clock,
      AccountCredentials credentials, Duration grace) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("the grace period is at least a minute");
    }
    this.grace = grace;
    this.reason = table.reason() != null;
    Map<String, String> ids = table.ids();
    this.markSql = Jdbc.render(MARK + (reason ? REASON : "") + UNMARKED, ids);
    this.cancelSql = Jdbc.render(CANCEL + (reason ? NO_REASON : "") + IN_GRACE, ids);
    this.deletedSql = Jdbc.render(DELETED, ids);
    this.dueSql = Jdbc.render(DUE, ids);
  }

  /**
   * Marks an account deleted and ends its credentials; a second request keeps the first's
   * time (the grace period does not restart) but ends credentials again.
   *
   * @param userId the account
   * @param why the reason, at most {@link #MAX_REASON} characters
   * @param ip the requester's address (for the caller's audit; not stored here)
   * @param userAgent the requester's agent (likewise)
   * @throws IllegalArgumentException for an over-long reason; nothing was written
   */
  public void requestDeletion(Object userId, String why, String ip, String userAgent) {
    if (why != null && why.length() > MAX_REASON) {
      throw new IllegalArgumentException("a reason has at most " + MAX_REASON + " characters");
    }
    if (reason) {
      db.update(markSql, clock.instant(), why, userId);
    } else {
      db.update(markSql, clock.instant(), userId);
    }
    credentials.end(userId, AccountCredentials.Change.DELETED);
  }

  /**
   * Cancels a deletion within the grace period.
   *
   * @param userId the account
   * @throws IllegalStateException when the account is not marked, or its grace period is over
   */
  public void cancelDeletion(Object userId) {
    if (db.update(cancelSql, userId, clock.instant().minus(grace)) != 1) {
      throw new IllegalStateException("no deletion to cancel within the grace period");
    }
  }

  /**
   * Whether the account is marked deleted.
   *
   * @param userId the account
   * @return whether deletion was requested and not cancelled
   */
  public boolean isDeleted(Object userId) {
    List<Boolean> rows = db.query(deletedSql, rs -> rs.getBoolean(1), userId);
    return !rows.isEmpty() && rows.get(0);
  }

  /**
   * The accounts whose grace period is over, oldest first, for the erasure job.
   *
   * @param limit the most to list
   * @return their ids
   */
  public List<Object> due(int limit) {
    Instant cutoff = clock.instant().minus(grace);
    return db.query(dueSql, rs -> rs.getObject(1), cutoff, limit);
  }

  @Override
  public String toString() {
    return "AccountDeletion[grace=" + grace + "]";
  }
}
