package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The last N password hashes of each user over one table. A candidate is verified against every
 * remembered hash, so the time does not say which one matched; a new hash is recorded and the
 * older ones beyond N deleted in one transaction, so only the hashes of the last N passwords
 * are ever kept.
 */
public final class PasswordHistory {
  /**
   * Where the hashes live.
   *
   * @param table the table
   * @param user the owner's id
   * @param hash the password hash
   * @param createdAt when the entry was made
   * @param id its primary key, which orders entries made at one instant
   */
  public record Table(String table, String user, String hash, String createdAt, String id) {
    /** Checks that every column is named. */
    public Table {
      for (String s : new String[] {table, id, user, hash, createdAt}) {
        Objects.requireNonNull(s, "every column of the password history table must be named");
      }
    }

    Map<String, String> ids() {
      return Map.of("t", table, "id", id, "user", user, "hash", hash, "at", createdAt);
    }
  }

  private static final String RECENT = "SELECT {hash} FROM {t} WHERE {user} = ?"
      + " ORDER BY {at} DESC, {id} DESC LIMIT ?";
  private static final String INSERT = "INSERT INTO {t} ({user}, {hash}, {at}) VALUES (?, ?, ?)";
  private static final String PRUNE = "DELETE FROM {t} WHERE {user} = ? AND {id} NOT IN"
      + " (SELECT {id} FROM {t} WHERE {user} = ? ORDER BY {at} DESC, {id} DESC LIMIT ?)";

  private final Db db;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final int keep;
  private final String recentSql;
  private final String insertSql;
  private final String pruneSql;

  /**
   * A history in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps new entries
   * @param hasher verifies candidates against the stored hashes
   * @param keep how many passwords to remember (e.g. 5)
   * @throws IllegalArgumentException when {@code keep} is below 1
   */
  public PasswordHistory(DataSource dataSource, Table table, Clock clock, PasswordHasher hasher,
      int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1");
    }
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.keep = keep;
    Map<String, String> ids = table.ids();
    this.recentSql = Jdbc.render(RECENT, ids);
    this.insertSql = Jdbc.render(INSERT, ids);
    this.pruneSql = Jdbc.render(PRUNE, ids);
  }

  /**
   * Whether the candidate is one of the user's last N passwords; every remembered hash is
   * verified.
   *
   * @param userId the user
   * @param candidate the password; not kept
   * @return whether it was used recently
   */
  public boolean wasUsedRecently(Object userId, char[] candidate) {
    boolean used = false;
    for (String stored : db.query(recentSql, rs -> rs.getString(1), userId, keep)) {
      used |= hasher.verify(candidate, stored);
    }
    return used;
  }

  /**
   * Records a password's hash and forgets all but the last N.
   *
   * @param userId the user
   * @param passwordHash the new password's hash
   */
  public void remember(Object userId, String passwordHash) {
    db.transaction(c -> Db.update(c, insertSql, userId, passwordHash, clock.instant())
        + Db.update(c, pruneSql, userId, userId, keep));
  }

  @Override
  public String toString() {
    return "PasswordHistory[keep=" + keep + "]";
  }
}
