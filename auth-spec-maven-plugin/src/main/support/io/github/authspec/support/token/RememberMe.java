package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Remember-me cookies {@code id:series:token}: the row id finds the row, the series is a
 * 256-bit secret fixed for the life of the series, the token changes on every use. The row
 * stores only {@code SHA-256(series) "." SHA-256(token)}. The series must be secret because
 * theft detection acts on it: a row id alone is guessable, so a cookie whose series does not
 * match its row (compared in constant time) is {@link Outcome#INVALID} and changes nothing.
 * Only the right series with a wrong token means the cookie was copied and one copy was already
 * used: every remember-me series of that user is deleted ({@link Outcome#THEFT}). Each use
 * rotates the token, keeping the series, in one compare-and-set statement; of concurrent uses
 * of one cookie exactly one wins and the rest look like theft, strictly. A series expires at
 * its first expiry; rotation does not extend it.
 */
public final class RememberMe {
  /** Default lifetime of a series: 30 days. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(30);

  /**
   * Where series live.
   *
   * @param table the table
   * @param id the row id (the cookie's first part)
   * @param userId the owner
   * @param tokenHash SHA-256 of the series secret, {@code .}, SHA-256 of the current token
   * @param expiresAt the series' expiry
   * @param createdAt creation
   * @param lastUsedAt last use
   */
  public record Table(String table, String id, String userId, String tokenHash,
      String expiresAt, String createdAt, String lastUsedAt) {
    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code remember_tokens}
     */
    public static Table conventional() {
      return new Table("remember_tokens", "id", "user_id", "token_hash", "expires_at",
          "created_at", "last_used_at");
    }

    Map<String, String> ids() {
      return Map.of("t", table, "id", id, "user", userId, "hash", tokenHash,
          "expires", expiresAt, "created", createdAt, "used", lastUsedAt);
    }
  }

  /** What presenting a cookie did. */
  public enum Outcome {
    /** Signed in; the cookie was rotated. */
    VALID,
    /** The right series with a stale token (a copied cookie): every series of the user deleted. */
    THEFT,
    /** Expired (and deleted). */
    EXPIRED,
    /** Not a cookie of ours (unknown row, or a series secret that does not match it). */
    INVALID
  }

  /**
   * The result. {@link #toString()} leaves the cookie out.
   *
   * @param outcome what happened
   * @param userId the user, for VALID and THEFT
   * @param cookie the rotated cookie, for VALID
   */
  public record Result(Outcome outcome, Optional<Object> userId, Optional<String> cookie) {
    /**
     * The user signed in.
     *
     * @return the user when the outcome is VALID, else empty
     */
    public Optional<Object> signedIn() {
      return outcome == Outcome.VALID ? userId : Optional.empty();
    }

    @Override
    public String toString() {
      return "RememberMe.Result[" + outcome + ", userId=" + userId + ", cookie=<redacted>]";
    }
  }

  private static final String INSERT = "INSERT INTO {t} ({user}, {hash}, {expires}, {created})"
      + " VALUES (?, ?, ?, ?) RETURNING {id}";
  private static final String ROTATE = "UPDATE {t} SET {hash} = ?, {used} = ? WHERE {id} = ?"
      + " AND {hash} = ? AND {expires} > ? RETURNING {user}";
  private static final String LOOKUP = "SELECT {user}, {expires}, {hash} FROM {t} WHERE {id} = ?";
  /** Longest cookie read: a long id and two tokens. */
  private static final int MAX_COOKIE = 200;
  private static final String DELETE_USER = "DELETE FROM {t} WHERE {user} = ?";
  private static final String DELETE_ONE = "DELETE FROM {t} WHERE {id} = ?";

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration ttl;
  private final String insert;
  private final String rotate;
  private final String lookup;
  private final String deleteUser;
  private final String deleteOne;

  /**
   * A store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   * @param ttl the series lifetime
   */
  public RememberMe(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration ttl) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
    this.ttl = ttl;
    Map<String, String> ids = table.ids();
    this.insert = Sql.render(INSERT, ids);
    this.rotate = Sql.render(ROTATE, ids);
    this.lookup = Sql.render(LOOKUP, ids);
    this.deleteUser = Sql.render(DELETE_USER, ids);
    this.deleteOne = Sql.render(DELETE_ONE, ids);
  }

  /**
   * Starts a series (at a login with "remember me").
   *
   * @param userId the user
   * @return the cookie value {@code id:series:token}
   */
  public String issue(Object userId) {
    String series = Secrets.newToken(random);
    String token = Secrets.newToken(random);
    Instant now = clock.instant();
    long id = Sql.transaction(dataSource, "issuing a remember-me token", c -> {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setObject(1, userId);
        ps.setString(2, stored(series, token));
        Sql.set(ps, 3, now.plus(ttl));
        Sql.set(ps, 4, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
    return id + ":" + series + ":" + token;
  }

  /** The stored form of a series and its current token. */
  private static String stored(String series, String token) {
    return Secrets.sha256(series) + "." + Secrets.sha256(token);
  }

  /** Whether the stored value's series digest is that of {@code series}, in constant time. */
  private static boolean sameSeries(String stored, String series) {
    int dot = stored == null ? -1 : stored.indexOf('.');
    if (dot < 0) {
      return false;
    }
    byte[] expected = stored.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = Secrets.sha256(series).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented);
  }

  /**
   * The three parts of a cookie, or null when it cannot be one of ours: a decimal id (digits
   * only: no sign, no leading zero, so one cookie has one text) and two non-empty base64url
   * parts.
   */
  private static String[] parts(String cookie) {
    if (cookie == null || cookie.length() > MAX_COOKIE) {
      return null;
    }
    String[] parts = cookie.split(":", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 18
        || parts[0].length() > 1 && parts[0].charAt(0) == '0') {
      return null;
    }
    for (int i = 0; i < parts[0].length(); i++) {
      if (parts[0].charAt(i) < '0' || parts[0].charAt(i) > '9') {
        return null;
      }
    }
    for (int p = 1; p < 3; p++) {
      if (parts[p].isEmpty()) {
        return null;
      }
      for (int i = 0; i < parts[p].length(); i++) {
        char ch = parts[p].charAt(i);
        if (!(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9'
            || ch == '-' || ch == '_')) {
          return null;
        }
      }
    }
    return parts;
  }

  /**
   * Signs in from a cookie and rotates its token.
   *
   * @param cookie the presented {@code id:series:token}
   * @return the result
   */
  public Result authenticate(String cookie) {
    String[] parts = parts(cookie);
    if (parts == null) {
      return new Result(Outcome.INVALID, Optional.empty(), Optional.empty());
    }
    long id = Long.parseLong(parts[0]);
    String series = parts[1];
    String presented = stored(series, parts[2]);
    String next = Secrets.newToken(random);
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "using a remember-me token", c -> {
      try (PreparedStatement ps = c.prepareStatement(rotate)) {
        ps.setString(1, stored(series, next));
        Sql.set(ps, 2, now);
        ps.setLong(3, id);
        ps.setString(4, presented);
        Sql.set(ps, 5, now);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new Result(Outcome.VALID, Optional.of(rs.getObject(1)),
                Optional.of(id + ":" + series + ":" + next));
          }
        }
      }
      Object user;
      Instant expires;
      String hash;
      try (PreparedStatement ps = c.prepareStatement(lookup)) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return new Result(Outcome.INVALID, Optional.empty(), Optional.empty());
          }
          user = rs.getObject(1);
          expires = Sql.instant(rs, 2);
          hash = rs.getString(3);
        }
      }
      if (!sameSeries(hash, series)) {
        // Someone who knows (or guessed) a row id but not its series: not theft, nothing to do.
        return new Result(Outcome.INVALID, Optional.empty(), Optional.empty());
      }
      if (!now.isBefore(expires)) {
        try (PreparedStatement ps = c.prepareStatement(deleteOne)) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
        return new Result(Outcome.EXPIRED, Optional.empty(), Optional.empty());
      }
      try (PreparedStatement ps = c.prepareStatement(deleteUser)) {
        ps.setObject(1, user);
        ps.executeUpdate();
      }
      return new Result(Outcome.THEFT, Optional.of(user), Optional.empty());
    });
  }

  /**
   * Deletes every series of a user (logout everywhere).
   *
   * @param userId the user
   * @return how many were deleted
   */
  public int forget(Object userId) {
    return Sql.transaction(dataSource, "deleting remember-me tokens", c -> {
      try (PreparedStatement ps = c.prepareStatement(deleteUser)) {
        ps.setObject(1, userId);
        return ps.executeUpdate();
      }
    });
  }
}
