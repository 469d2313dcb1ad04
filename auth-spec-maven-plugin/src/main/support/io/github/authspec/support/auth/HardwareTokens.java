package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * OATH HOTP hardware tokens (RFC 4226) over one table, so that their replay rule is written and
 * tested once: a code is looked for in a window of {@value #LOOK_AHEAD} counters past the
 * token's next one, and the counter moves past the matched value by one compare-and-set UPDATE,
 * so of two requests with one code exactly one wins and no code works twice. Seeds come from
 * {@link TokenSeeds} by serial; the store's array is only read, and the copy used is wiped.
 */
public final class HardwareTokens {
  /**
   * Where the tokens live.
   *
   * @param table the table
   * @param serial the token's serial number
   * @param user the owner's id
   * @param counter the next counter value
   * @param lastUsedAt when a code was last accepted, or null when the table keeps none
   * @param revokedAt when the token was unregistered, or null: then unregistering deletes
   * @param type the token kind, written {@code hotp}, or null when the table keeps none
   */
  public record Table(String table, String serial, String user, String counter,
      String lastUsedAt, String revokedAt, String type) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, serial, user, counter}) {
        Objects.requireNonNull(s, "every required column of the token table must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("serial", serial);
      m.put("user", user);
      m.put("counter", counter);
      if (lastUsedAt != null) {
        m.put("used", lastUsedAt);
      }
      if (revokedAt != null) {
        m.put("revoked", revokedAt);
      }
      if (type != null) {
        m.put("type", type);
      }
      return m;
    }
  }

  /** Counters tried past the expected one (RFC 4226 §7.2). */
  public static final int LOOK_AHEAD = 10;
  private static final String INSERT = "INSERT INTO {t} ({user}, {serial}, {counter})"
      + " VALUES (?, ?, 0)";
  private static final String INSERT_TYPED = "INSERT INTO {t} ({user}, {serial}, {counter},"
      + " {type}) VALUES (?, ?, 0, 'hotp')";
  private static final String LIVE = " AND {revoked} IS NULL";
  private static final String TOKENS = "SELECT {serial}, COALESCE({counter}, 0) FROM {t}"
      + " WHERE {user} = ?";
  private static final String ADVANCE = "UPDATE {t} SET {counter} = ?";
  private static final String STAMP = ", {used} = ?";
  private static final String IF_UNMOVED = " WHERE {serial} = ? AND {user} = ?"
      + " AND COALESCE({counter}, 0) <= ?";
  private static final String REVOKE = "UPDATE {t} SET {revoked} = ? WHERE {user} = ?"
      + " AND {serial} = ?";
  private static final String DELETE = "DELETE FROM {t} WHERE {user} = ? AND {serial} = ?";

  private final Db db;
  private final Clock clock;
  private final TokenSeeds seeds;
  private final Otp otp = Otp.standard();
  private final boolean stamps;
  private final boolean revokes;
  private final String insertSql;
  private final String tokensSql;
  private final String advanceSql;
  private final String unregisterSql;

  /**
   * Tokens in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock stamps use and revocation
   * @param seeds the tokens' seeds by serial (the vendor's seed file)
   */
  public HardwareTokens(DataSource dataSource, Table table, Clock clock, TokenSeeds seeds) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seeds = Objects.requireNonNull(seeds, "seeds");
    this.stamps = table.lastUsedAt() != null;
    this.revokes = table.revokedAt() != null;
    Map<String, String> ids = table.ids();
    String live = revokes ? LIVE : "";
    this.insertSql = Jdbc.render(table.type() != null ? INSERT_TYPED : INSERT, ids);
    this.tokensSql = Jdbc.render(TOKENS + live, ids);
    this.advanceSql = Jdbc.render(ADVANCE + (stamps ? STAMP : "") + IF_UNMOVED + live, ids);
    this.unregisterSql = Jdbc.render(revokes ? REVOKE : DELETE, ids);
  }

  /**
   * Assigns a token to a user, its counter at 0.
   *
   * @param userId the user
   * @param serial the token's serial number
   */
  public void register(Object userId, String serial) {
    db.update(insertSql, userId, serial);
  }

  /**
   * Verifies a code against the user's live tokens and uses it up.
   *
   * @param userId the user
   * @param code the code
   * @return whether it matched a token and this call moved that token's counter past it
   */
  public boolean verify(Object userId, String code) {
    List<Token> tokens = db.query(tokensSql, rs -> new Token(rs.getString(1), rs.getLong(2)),
        userId);
    for (Token token : tokens) {
      Optional<byte[]> seed = seeds.seed(token.serial());
      if (seed.isEmpty()) {
        continue;
      }
      // The store may hand out its own array: wipe a copy, never the original.
      byte[] key = seed.get().clone();
      OptionalLong match;
      try {
        match = otp.matchCounter(key, code, token.counter(), LOOK_AHEAD);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
      if (match.isPresent()) {
        long matched = match.getAsLong();
        List<Object> params = new ArrayList<>(List.of(matched + 1));
        if (stamps) {
          params.add(clock.instant());
        }
        params.addAll(List.of(token.serial(), userId, matched));
        return db.update(advanceSql, params.toArray()) == 1;
      }
    }
    return false;
  }

  /**
   * Removes a token from a user: stamps it revoked, or deletes the row when the table keeps no
   * revocation time.
   *
   * @param userId the user
   * @param serial the token's serial number
   */
  public void unregister(Object userId, String serial) {
    if (revokes) {
      db.update(unregisterSql, clock.instant(), userId, serial);
    } else {
      db.update(unregisterSql, userId, serial);
    }
  }

  /**
   * A token's serial and next counter.
   *
   * @param serial the serial number
   * @param counter the next counter value
   */
  private record Token(String serial, long counter) {}

  @Override
  public String toString() {
    return "HardwareTokens[lookAhead=" + LOOK_AHEAD + "]";
  }
}
