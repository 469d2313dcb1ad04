package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A user's single-use recovery codes over one table, stored as keyed hashes
 * ({@link BackupCodes}). A code is used up by one UPDATE that finds it unused, so of two
 * requests with one code exactly one wins; new codes replace the old ones in one transaction,
 * so no moment exists with both sets or neither.
 */
public final class BackupCodeStore {
  /**
   * Where the codes live.
   *
   * @param table the table
   * @param user the owner's id
   * @param hash the keyed hash of a code
   * @param used whether the code was used
   * @param usedAt when it was used, or null when the table keeps none
   */
  public record Table(String table, String user, String hash, String used, String usedAt) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, user, hash, used}) {
        Objects.requireNonNull(s, "every required column of the code table must be named");
      }
    }

    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code backup_codes}
     */
    public static Table conventional() {
      return new Table("backup_codes", "user_id", "code_hash", "used", "used_at");
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("user", user);
      m.put("hash", hash);
      m.put("used", used);
      if (usedAt != null) {
        m.put("at", usedAt);
      }
      return m;
    }
  }

  private static final String DELETE = "DELETE FROM {t} WHERE {user} = ?";
  private static final String INSERT = "INSERT INTO {t} ({user}, {hash}, {used})"
      + " VALUES (?, ?, FALSE)";
  private static final String REDEEM = "UPDATE {t} SET {used} = TRUE";
  private static final String REDEEMED_AT = ", {at} = ?";
  private static final String IF_UNUSED = " WHERE {user} = ? AND {hash} = ? AND {used} = FALSE";
  private static final String REMAINING = "SELECT count(*) FROM {t} WHERE {user} = ?"
      + " AND {used} = FALSE";

  private final Db db;
  private final Clock clock;
  private final BackupCodes codes;
  private final boolean usedAt;
  private final String deleteSql;
  private final String insertSql;
  private final String redeemSql;
  private final String remainingSql;

  /**
   * Codes in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps redemptions
   * @param codes makes and hashes codes (its key lives outside the database)
   */
  public BackupCodeStore(DataSource dataSource, Table table, Clock clock, BackupCodes codes) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.codes = Objects.requireNonNull(codes, "codes");
    this.usedAt = table.usedAt() != null;
    Map<String, String> ids = table.ids();
    this.deleteSql = Jdbc.render(DELETE, ids);
    this.insertSql = Jdbc.render(INSERT, ids);
    this.redeemSql = Jdbc.render(REDEEM + (usedAt ? REDEEMED_AT : "") + IF_UNUSED, ids);
    this.remainingSql = Jdbc.render(REMAINING, ids);
  }

  /**
   * Replaces the user's codes with new ones, in one transaction.
   *
   * @param userId the user
   * @return the new codes, to show once
   */
  public List<String> generate(Object userId) {
    List<String> fresh = codes.generate();
    db.transaction(c -> {
      Db.update(c, deleteSql, userId);
      for (String code : fresh) {
        Db.update(c, insertSql, userId, codes.hash(code));
      }
      return fresh.size();
    });
    return fresh;
  }

  /**
   * Uses up a code.
   *
   * @param userId the user
   * @param code the code as typed
   * @return whether it was the user's and unused (and is used now)
   */
  public boolean redeem(Object userId, String code) {
    String hashed = codes.hash(code);
    return hashed != null && (usedAt ? db.update(redeemSql, clock.instant(), userId, hashed)
        : db.update(redeemSql, userId, hashed)) == 1;
  }

  /**
   * Counts the user's unused codes.
   *
   * @param userId the user
   * @return how many remain
   */
  public int remaining(Object userId) {
    return db.query(remainingSql, rs -> rs.getInt(1), userId).get(0);
  }

  @Override
  public String toString() {
    return "BackupCodeStore[usedAt=" + usedAt + "]";
  }
}
