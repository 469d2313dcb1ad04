package io.github.authspec.support.auth;

import io.github.authspec.support.repository.JdbcSupport.RowMapper;
import io.github.authspec.support.repository.Jdbc;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * TOTP (RFC 6238) enrolment and verification over one table, so that its two race-sensitive
 * rules are written and tested once. No code is accepted twice: the matched time step is
 * recorded by one {@code UPDATE ... WHERE last < step}, so of two requests with one code
 * exactly one wins. Enrolling again leaves a confirmed factor in force until the new seed is
 * itself confirmed, while the user column may be unique: the secret column holds the confirmed
 * sealed seed and, after {@code ;}, a pending one, and confirmation replaces the whole value by
 * one compare-and-set. Seeds are sealed ({@link SecretBox}) and bound to their owner, and
 * wiped from memory after use.
 */
public final class Totp {
  /**
   * Where the seeds live.
   *
   * @param table the table
   * @param user the owner's id
   * @param secret the sealed seed (and a pending one while re-enrolling)
   * @param lastUsed the last accepted time step
   * @param enabled whether the first seed was confirmed
   * @param confirmedAt when enrolment was confirmed, or null when the table keeps none
   * @param lastUsedIsTime whether {@code lastUsed} keeps the step's start time rather than its
   *     number
   */
  public record Table(String table, String user, String secret, String lastUsed, String enabled,
      String confirmedAt, boolean lastUsedIsTime) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, user, secret, lastUsed, enabled}) {
        Objects.requireNonNull(s, "every required column of the TOTP table must be named");
      }
    }

    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code totp_secrets}
     */
    public static Table conventional() {
      return new Table("totp_secrets", "user_id", "secret", "last_used_at", "enabled",
          "confirmed_at", true);
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("user", user);
      m.put("secret", secret);
      m.put("last", lastUsed);
      m.put("enabled", enabled);
      if (confirmedAt != null) {
        m.put("confirmed", confirmedAt);
      }
      return m;
    }
  }

  /**
   * A new enrolment. {@link #toString()} leaves the URI (which holds the seed) out.
   *
   * @param challengeId the enrolment's id
   * @param uri the {@code otpauth://} URI for authenticator apps
   */
  public record Enrolment(String challengeId, String uri) {
    @Override
    public String toString() {
      return "Totp.Enrolment[challengeId=" + challengeId + ", uri=***]";
    }
  }

  /** Separates the confirmed sealed seed from a pending one; no sealed text contains it. */
  private static final String PENDING = ";";
  /** Time steps accepted either side of now (RFC 6238 §5.2). */
  private static final int DRIFT = 1;
  private static final String DELETE = "DELETE FROM {t} WHERE {user} = ?";
  private static final String INSERT = "INSERT INTO {t} ({user}, {secret}, {enabled})"
      + " VALUES (?, ?, FALSE)";
  private static final String SELECT = "SELECT {secret}, {enabled} FROM {t} WHERE {user} = ?";
  private static final String PEND = "UPDATE {t} SET {secret} = ? WHERE {user} = ?";
  private static final String CONSUME = "UPDATE {t} SET {last} = ? WHERE {user} = ?"
      + " AND {enabled} = TRUE AND ({secret} = ? OR starts_with({secret}, ?))"
      + " AND ({last} IS NULL OR {last} < ?)";
  private static final String CONFIRM = "UPDATE {t} SET {secret} = ?, {enabled} = TRUE, ";
  private static final String CONFIRMED_AT = "{confirmed} = ?, ";
  private static final String CONFIRM_IF_UNCHANGED = "{last} = ? WHERE {user} = ?"
      + " AND {secret} = ? AND {enabled} = ?";
  private static final RowMapper<Row> ROW = rs -> new Row(rs.getString(1), rs.getBoolean(2));

  private final Db db;
  private final Clock clock;
  private final SecretBox secrets;
  private final SecureRandom random;
  private final String issuer;
  private final Otp otp = Otp.standard();
  private final boolean lastUsedIsTime;
  private final boolean confirmedAt;
  private final String deleteSql;
  private final String insertSql;
  private final String selectSql;
  private final String lockSql;
  private final String pendSql;
  private final String consumeSql;
  private final String confirmSql;

  /**
   * TOTP over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time of verification
   * @param secrets seals the seeds (its key lives outside the database)
   * @param random the seed source
   * @param issuer the service name shown in authenticator apps
   */
  public Totp(DataSource dataSource, Table table, Clock clock, SecretBox secrets,
      SecureRandom random, String issuer) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.random = Objects.requireNonNull(random, "random");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.lastUsedIsTime = table.lastUsedIsTime();
    this.confirmedAt = table.confirmedAt() != null;
    Map<String, String> ids = table.ids();
    this.deleteSql = Jdbc.render(DELETE, ids);
    this.insertSql = Jdbc.render(INSERT, ids);
    this.selectSql = Jdbc.render(SELECT, ids);
    this.lockSql = selectSql + " FOR UPDATE";
    this.pendSql = Jdbc.render(PEND, ids);
    this.consumeSql = Jdbc.render(CONSUME, ids);
    this.confirmSql = Jdbc.render(CONFIRM + (confirmedAt ? CONFIRMED_AT : "")
        + CONFIRM_IF_UNCHANGED, ids);
  }

  /**
   * Starts an enrolment with a new seed. A confirmed seed stays in force until this one is
   * confirmed; an earlier pending one is replaced. No expiry.
   *
   * @param userId the user
   * @return the enrolment, with the URI to show once
   */
  public Enrolment enroll(Object userId) {
    byte[] seed = otp.newSeed(random);
    try {
      String sealed = secrets.seal(seed, aad(userId));
      db.transaction(c -> {
        List<Row> rows = Db.query(c, lockSql, ROW, userId);
        if (rows.isEmpty()) {
          return Db.update(c, insertSql, userId, sealed);
        }
        String confirmed = rows.get(0).confirmed();
        return Db.update(c, pendSql, confirmed == null ? sealed : confirmed + PENDING + sealed,
            userId);
      });
      return new Enrolment(aad(userId), otp.uri(issuer, String.valueOf(userId), seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Confirms the pending seed by a first code; the code's step is used up too.
   *
   * @param userId the user
   * @param code the code
   * @return whether the code matched and the pending seed is now the confirmed one
   */
  public boolean confirm(Object userId, String code) {
    return accept(userId, code, false);
  }

  /**
   * Verifies a code against the confirmed seed and uses up its time step.
   *
   * @param userId the user
   * @param code the code
   * @return whether it matched a step not used before
   */
  public boolean verify(Object userId, String code) {
    return accept(userId, code, true);
  }

  /**
   * Whether the user has a confirmed seed, so a login must ask for a code.
   *
   * @param userId the user
   * @return whether TOTP is in force for the user
   */
  public boolean isEnabled(Object userId) {
    List<Row> rows = db.query(selectSql, ROW, userId);
    return !rows.isEmpty() && rows.get(0).confirmed() != null;
  }

  /**
   * Removes the user's seeds.
   *
   * @param userId the user
   */
  public void disable(Object userId) {
    db.update(deleteSql, userId);
  }

  private boolean accept(Object userId, String code, boolean confirmed) {
    Instant now = clock.instant();
    List<Row> rows = db.query(selectSql, ROW, userId);
    Row row = rows.isEmpty() ? null : rows.get(0);
    String sealed = row == null ? null : confirmed ? row.confirmed() : row.pending();
    if (sealed == null) {
      return false;
    }
    byte[] seed = secrets.open(sealed, aad(userId));
    try {
      OptionalLong step = otp.matchStep(seed, code, now, DRIFT);
      if (step.isEmpty()) {
        return false;
      }
      Object marker = lastUsedIsTime ? otp.stepStart(step.getAsLong()) : step.getAsLong();
      if (confirmed) {
        return consume(userId, sealed, marker);
      }
      List<Object> params = new ArrayList<>(List.of(sealed));
      if (confirmedAt) {
        params.add(now);
      }
      params.addAll(List.of(marker, userId, row.secret(), row.enabled()));
      return db.update(confirmSql, params.toArray()) == 1;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Uses up a step of the confirmed seed {@code seed}, unless the row's confirmed seed changed
   * or the step is not later than the last one used. The row's seed is compared as text (equal,
   * or followed by a pending one): sealed text may hold {@code _}, so no LIKE pattern.
   *
   * @param userId the user
   * @param seed the confirmed sealed seed the code matched
   * @param marker the step's number or start time
   * @return whether this call used the step
   */
  boolean consume(Object userId, String seed, Object marker) {
    return db.update(consumeSql, marker, userId, seed, seed + PENDING, marker) == 1;
  }

  /** Binds a sealed seed to its owner, so it cannot be copied to another user's row. */
  private static String aad(Object userId) {
    return "totp:" + userId;
  }

  /**
   * A user's row: the secret column's text and whether its first seed is confirmed.
   *
   * @param secret the sealed seed, perhaps followed by a pending one
   * @param enabled whether the first seed is confirmed
   */
  private record Row(String secret, boolean enabled) {
    /** The confirmed sealed seed, or null. */
    String confirmed() {
      int at = secret == null ? -1 : secret.indexOf(PENDING);
      return !enabled || secret == null ? null : at < 0 ? secret : secret.substring(0, at);
    }

    /** The sealed seed awaiting confirmation, or null. */
    String pending() {
      int at = secret == null ? -1 : secret.indexOf(PENDING);
      return !enabled ? secret : at < 0 ? null : secret.substring(at + 1);
    }

    @Override
    public String toString() {
      return "Row[secret=***, enabled=" + enabled + "]";
    }
  }

  @Override
  public String toString() {
    return "Totp[issuer=" + issuer + "]";
  }
}
