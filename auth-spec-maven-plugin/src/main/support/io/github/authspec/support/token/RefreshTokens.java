package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Opaque refresh tokens with rotation, families and reuse detection (RFC 9700 §4.14.2). A token
 * is 256 random bits; only its SHA-256 is stored. Each login starts a family; each refresh
 * retires the presented token and inserts its successor in ONE statement (a data-modifying
 * CTE: {@code WITH old AS (UPDATE ... WHERE hash = ? AND used_at IS NULL AND revoked_at IS NULL
 * AND expires_at > ? RETURNING ...) INSERT ... SELECT ... FROM old}), so no two refreshes can
 * both succeed and no successor exists without its predecessor retired.
 *
 * <p>Concurrency, strict by default: of N concurrent presentations of one token exactly one
 * wins; every other one arrives after the token was retired and is treated as reuse, since the
 * server cannot tell a racing client from a racing attacker, so the whole family, the winner's
 * successor included, is revoked ({@link Outcome#REUSED}). With a grace window configured, a
 * presentation within that window after the retirement gets {@link Outcome#CONCURRENT}: no new
 * token, the family untouched; after it, reuse. A successor's expiry never passes the family's
 * absolute lifetime, so rotation cannot extend a login forever.
 *
 * <p>Every change to a user's refresh state (issue, rotation, reuse, revocation of a family or
 * of the user) first takes one transaction-scoped lock per user
 * ({@code pg_advisory_xact_lock}), and decides after it; a rotation takes it inside its one
 * statement, before the statement updates the token's row, so the usual refresh is one round
 * trip. That statement's snapshot may predate a revocation that held the lock, but the
 * revocation updated the token's row, and an UPDATE re-reads a row changed since its snapshot
 * and re-checks {@code revoked_at IS NULL} on the latest version, so it finds the token
 * revoked; a token that did not rotate is then classified in a transaction of its own, under
 * the lock, as before. Without that, a revocation's
 * {@code UPDATE ... WHERE family = ?} misses the successor a rotation commits while it runs, and
 * a thief who keeps rotating outlives the revocation. Under the lock, a rotation either commits
 * before the revocation (which then sees and revokes its successor) or starts after it (and
 * finds its token revoked): no token of a revoked family ever rotates again.
 */
public final class RefreshTokens {
  /** Default lifetime of one refresh token: 14 days. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(14);
  /** Default absolute lifetime of a family (a login): 30 days. */
  public static final Duration DEFAULT_FAMILY_LIFETIME = Duration.ofDays(30);

  /**
   * Where refresh tokens live. The seed spec's {@code refresh_tokens} has no revoked-at column;
   * its {@code reuse_detected_at} serves as the family's revocation marker.
   *
   * @param table the table
   * @param tokenHash base64url SHA-256 of the token (unique)
   * @param userId the owner
   * @param familyId the family (grant) id, a UUID string
   * @param familyCounter the position in the family (0 for the login's first token)
   * @param createdAt creation time
   * @param expiresAt expiry
   * @param usedAt when it was presented and rotated
   * @param rotatedAt when it was rotated (set with usedAt)
   * @param revokedAt when its family was revoked
   * @param scope the granted scope, space-separated, carried to each successor (null when the
   *     table keeps none: refreshed access tokens then carry no scope)
   */
  public record Table(String table, String tokenHash, String userId, String familyId,
      String familyCounter, String createdAt, String expiresAt, String usedAt, String rotatedAt,
      String revokedAt, String scope) {
    /** Checks that every required role is bound. */
    public Table {
      for (String s : new String[] {table, tokenHash, userId, familyId, familyCounter, createdAt,
          expiresAt, usedAt, rotatedAt, revokedAt}) {
        Objects.requireNonNull(s, "every column of the refresh token table must be named");
      }
    }

    /**
     * A mapping without a scope column.
     *
     * @param table the table
     * @param tokenHash the token digest
     * @param userId the owner
     * @param familyId the family
     * @param familyCounter the position in the family
     * @param createdAt creation time
     * @param expiresAt expiry
     * @param usedAt when it was rotated
     * @param rotatedAt when it was rotated
     * @param revokedAt when its family was revoked
     */
    public Table(String table, String tokenHash, String userId, String familyId,
        String familyCounter, String createdAt, String expiresAt, String usedAt,
        String rotatedAt, String revokedAt) {
      this(table, tokenHash, userId, familyId, familyCounter, createdAt, expiresAt, usedAt,
          rotatedAt, revokedAt, null);
    }

    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code refresh_tokens}
     */
    public static Table conventional() {
      return new Table("refresh_tokens", "token_hash", "user_id", "family_id", "family_counter",
          "created_at", "expires_at", "used_at", "rotated_at", "reuse_detected_at");
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("hash", tokenHash);
      m.put("user", userId);
      m.put("family", familyId);
      m.put("counter", familyCounter);
      m.put("created", createdAt);
      m.put("expires", expiresAt);
      m.put("used", usedAt);
      m.put("rotated", rotatedAt);
      m.put("revoked", revokedAt);
      if (scope != null) {
        m.put("scope", scope);
      }
      return m;
    }
  }

  /** What a refresh did. */
  public enum Outcome {
    /** The token was retired and a successor issued. */
    ROTATED,
    /** The token was already retired (a replay, or a concurrent loser): its family is revoked. */
    REUSED,
    /** Within the grace window after its retirement (only with a grace window): nothing done. */
    CONCURRENT,
    /** A token never rotated whose family was revoked (logout, reuse elsewhere in the family). */
    REVOKED,
    /** It expired. */
    EXPIRED,
    /** No such token. */
    INVALID
  }

  /**
   * A refresh token and what it belongs to. {@link #toString()} leaves the token out.
   *
   * @param token the opaque token to hand to the client (null when none was issued)
   * @param userId the owner
   * @param familyId the family (grant) id: put it into access tokens as {@code fid}
   * @param expiresAt its expiry
   * @param scopes the login's granted scopes (empty when the table keeps none)
   */
  public record Issued(String token, Object userId, String familyId, Instant expiresAt,
      Set<String> scopes) {
    @Override
    public String toString() {
      return "RefreshTokens.Issued[userId=" + userId + ", familyId=" + familyId + ", expiresAt="
          + expiresAt + ", scopes=" + scopes + ", token=<redacted>]";
    }
  }

  /**
   * The result of a refresh.
   *
   * @param outcome what happened
   * @param issued the successor, for {@link Outcome#ROTATED}
   * @param familyId the family of the presented token, when it is known
   */
  public record Refresh(Outcome outcome, Optional<Issued> issued, Optional<String> familyId) {
  }

  /**
   * A refresh that issued no token, for callers that must return a token pair. The message
   * names the outcome only, never the token.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The outcome (never {@link Outcome#ROTATED}). */
    private final Outcome outcome;

    /**
     * A refusal.
     *
     * @param outcome why no token was issued
     */
    public Refused(Outcome outcome) {
      super("refresh token refused: " + outcome);
      this.outcome = outcome;
    }

    /**
     * Why no token was issued.
     *
     * @return the outcome
     */
    public Outcome outcome() {
      return outcome;
    }
  }

  /**
   * The successor of a refresh, or {@link Refused} with the outcome.
   *
   * @param token the presented refresh token
   * @return the successor
   * @throws Refused when the token did not rotate (reuse revoked its family)
   */
  public Issued rotateOrThrow(String token) {
    Refresh r = rotate(token);
    return r.issued().orElseThrow(() -> new Refused(r.outcome()));
  }

  private static final String ISSUE = "INSERT INTO {t} ({hash}, {user}, {family}, {counter},"
      + " {created}, {expires}) VALUES (?, ?, ?, 0, ?, ?)";
  /**
   * Takes the owner's lock inside the rotation's own statement; a token of no owner takes none
   * and updates nothing.
   */
  private static final String LOCKED = "WITH lock AS (SELECT pg_advisory_xact_lock(?,"
      + " hashtext(CAST(l.{user} AS text))) FROM {t} l WHERE l.{hash} = ?), ";
  private static final String ROTATE = LOCKED + "old AS (UPDATE {t} SET {used} = ?,"
      + " {rotated} = ? WHERE {hash} = ? AND {used} IS NULL AND {revoked} IS NULL"
      + " AND {expires} > ? AND EXISTS (SELECT 1 FROM lock) RETURNING {user}, {family},"
      + " {counter})"
      + " INSERT INTO {t} ({hash}, {user}, {family}, {counter}, {created}, {expires})"
      + " SELECT ?, old.{user}, old.{family}, old.{counter} + 1, ?,"
      + " LEAST(?, (SELECT min(f.{created}) FROM {t} f WHERE f.{family} = old.{family}) + ?::interval)"
      + " FROM old RETURNING {user}, {family}, {expires}";
  private static final String ISSUE_SCOPED = "INSERT INTO {t} ({hash}, {user}, {family},"
      + " {counter}, {created}, {expires}, {scope}) VALUES (?, ?, ?, 0, ?, ?, ?)";
  private static final String ROTATE_SCOPED = LOCKED + "old AS (UPDATE {t} SET {used} = ?,"
      + " {rotated} = ? WHERE {hash} = ? AND {used} IS NULL AND {revoked} IS NULL"
      + " AND {expires} > ? AND EXISTS (SELECT 1 FROM lock)"
      + " RETURNING {user}, {family}, {counter}, {scope})"
      + " INSERT INTO {t} ({hash}, {user}, {family}, {counter}, {created}, {expires}, {scope})"
      + " SELECT ?, old.{user}, old.{family}, old.{counter} + 1, ?,"
      + " LEAST(?, (SELECT min(f.{created}) FROM {t} f WHERE f.{family} = old.{family}) + ?::interval),"
      + " old.{scope} FROM old RETURNING {user}, {family}, {expires}, {scope}";
  private static final String LOOKUP = "SELECT {family}, {used}, {revoked} FROM {t}"
      + " WHERE {hash} = ?";
  private static final String OWNER_OF_TOKEN = "SELECT {user} FROM {t} WHERE {hash} = ?";
  private static final String OWNER_OF_FAMILY = "SELECT {user} FROM {t} WHERE {family} = ?"
      + " LIMIT 1";
  /** One lock per (table, user): the key space is the table's, the key the user id's text. */
  private static final String LOCK_USER = "SELECT pg_advisory_xact_lock(?, hashtext(CAST(? AS"
      + " text)))";
  private static final String REVOKE_FAMILY = "UPDATE {t} SET {revoked} = ? WHERE {family} = ?"
      + " AND {revoked} IS NULL";
  private static final String REVOKE_USER = "UPDATE {t} SET {revoked} = ? WHERE {user} = ?"
      + " AND {revoked} IS NULL RETURNING {family}";
  private static final String ACTIVE = "SELECT DISTINCT {family} FROM {t} WHERE {user} = ?"
      + " AND {used} IS NULL AND {revoked} IS NULL AND {expires} > ? ORDER BY {family}";

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration ttl;
  private final Duration familyLifetime;
  private final Duration grace;
  private final boolean scoped;
  private final String issueSql;
  private final String rotateSql;
  private final String lookupSql;
  private final String revokeFamilySql;
  private final String revokeUserSql;
  private final String activeSql;
  private final String ownerOfTokenSql;
  private final String ownerOfFamilySql;
  private final int lockSpace;

  /**
   * A strict store (no grace window) with the default lifetimes.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   */
  public RefreshTokens(DataSource dataSource, Table table, Clock clock, SecureRandom random) {
    this(dataSource, table, clock, random, DEFAULT_TTL, DEFAULT_FAMILY_LIFETIME, Duration.ZERO);
  }

  /**
   * A store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   * @param ttl lifetime of each token
   * @param familyLifetime absolute lifetime of a family
   * @param grace how long after its retirement a token counts as a concurrent retry rather than
   *     reuse (zero: strict; at most 60 seconds)
   */
  public RefreshTokens(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration ttl, Duration familyLifetime, Duration grace) {
    if (grace.isNegative() || grace.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("the grace window must be between 0 and 60 seconds");
    }
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
    this.ttl = ttl;
    this.familyLifetime = familyLifetime;
    this.grace = grace;
    Map<String, String> ids = table.ids();
    this.scoped = table.scope() != null;
    this.issueSql = Sql.render(scoped ? ISSUE_SCOPED : ISSUE, ids);
    this.rotateSql = Sql.render(scoped ? ROTATE_SCOPED : ROTATE, ids);
    this.lookupSql = Sql.render(LOOKUP, ids);
    this.revokeFamilySql = Sql.render(REVOKE_FAMILY, ids);
    this.revokeUserSql = Sql.render(REVOKE_USER, ids);
    this.activeSql = Sql.render(ACTIVE, ids);
    this.ownerOfTokenSql = Sql.render(OWNER_OF_TOKEN, ids);
    this.ownerOfFamilySql = Sql.render(OWNER_OF_FAMILY, ids);
    this.lockSpace = table.table().hashCode();
  }

  /**
   * Starts a family (at login) with its first token.
   *
   * @param userId the owner (as the user table's key type)
   * @return the token
   */
  public Issued issue(Object userId) {
    return issue(userId, Set.of());
  }

  /**
   * Starts a family (at login) with its first token and the scopes granted at login, which
   * every successor keeps (when the table has a scope column).
   *
   * @param userId the owner (as the user table's key type)
   * @param scopes the granted scopes
   * @return the token
   */
  public Issued issue(Object userId, Set<String> scopes) {
    Set<String> kept = scoped ? Set.copyOf(scopes) : Set.of();
    String token = Secrets.newToken(random);
    String family = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Instant expires = min(now.plus(ttl), now.plus(familyLifetime));
    Sql.transaction(dataSource, "issuing a refresh token", c -> {
      lockUser(c, userId);
      try (PreparedStatement ps = c.prepareStatement(issueSql)) {
        ps.setString(1, Secrets.sha256(token));
        ps.setObject(2, userId);
        ps.setString(3, family);
        Sql.set(ps, 4, now);
        Sql.set(ps, 5, expires);
        if (scoped) {
          ps.setString(6, kept.isEmpty() ? null : String.join(" ", new TreeSet<>(kept)));
        }
        return ps.executeUpdate();
      }
    });
    return new Issued(token, userId, family, expires, kept);
  }

  /**
   * Refreshes: retires the presented token and issues its successor, or reports why not.
   *
   * @param token the presented refresh token
   * @return the result
   */
  public Refresh rotate(String token) {
    if (token == null || token.isEmpty() || token.length() > 512) {
      return new Refresh(Outcome.INVALID, Optional.empty(), Optional.empty());
    }
    String hash = Secrets.sha256(token);
    String successor = Secrets.newToken(random);
    Instant now = clock.instant();
    // The usual case in one round trip: one statement, its own transaction, takes the owner's
    // lock, retires the token and inserts its successor.
    Optional<Issued> rotated = Sql.statement(dataSource, "rotating a refresh token",
        c -> successor(c, hash, successor, now));
    if (rotated.isPresent()) {
      return new Refresh(Outcome.ROTATED, rotated, rotated.map(Issued::familyId));
    }
    // Unknown, spent, revoked or expired: why, under the owner's lock (a reuse revokes).
    return Sql.transaction(dataSource, "rotating a refresh token", c -> {
      Optional<Object> owner = owner(c, ownerOfTokenSql, hash);
      if (owner.isEmpty()) {
        return new Refresh(Outcome.INVALID, Optional.empty(), Optional.empty());
      }
      lockUser(c, owner.get());
      return classify(c, hash, now);
    });
  }

  /** The rotation itself: one statement retires the token and inserts its successor. */
  private Optional<Issued> successor(Connection c, String hash, String successor, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(rotateSql)) {
      ps.setInt(1, lockSpace);
      ps.setString(2, hash);
      Sql.set(ps, 3, now);
      Sql.set(ps, 4, now);
      ps.setString(5, hash);
      Sql.set(ps, 6, now);
      ps.setString(7, Secrets.sha256(successor));
      Sql.set(ps, 8, now);
      Sql.set(ps, 9, now.plus(ttl));
      ps.setString(10, familyLifetime.getSeconds() + " seconds");
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Issued(successor, rs.getObject(1), rs.getString(2),
            Sql.instant(rs, 3), scoped ? scopes(rs.getString(4)) : Set.of()));
      }
    }
  }

  /** The owner of the row {@code sql} finds by {@code key}, if any. */
  private static Optional<Object> owner(Connection c, String sql, String key)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
      }
    }
  }

  /** Serialises this transaction with every other change to the user's refresh state. */
  private void lockUser(Connection c, Object userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK_USER)) {
      ps.setInt(1, lockSpace);
      ps.setObject(2, userId);
      ps.execute();
    }
  }

  /** Why a token did not rotate; revokes the family on reuse. The user's lock is held. */
  private Refresh classify(Connection c, String hash, Instant now) throws SQLException {
    String family;
    Instant used;
    Instant revoked;
    try (PreparedStatement ps = c.prepareStatement(lookupSql)) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Refresh(Outcome.INVALID, Optional.empty(), Optional.empty());
        }
        family = rs.getString(1);
        used = Sql.instant(rs, 2);
        revoked = Sql.instant(rs, 3);
      }
    }
    Optional<String> fid = Optional.ofNullable(family);
    if (used == null) {
      return new Refresh(revoked != null ? Outcome.REVOKED : Outcome.EXPIRED, Optional.empty(),
          fid);
    }
    if (!grace.isZero() && now.isBefore(used.plus(grace))) {
      return new Refresh(Outcome.CONCURRENT, Optional.empty(), fid);
    }
    try (PreparedStatement ps = c.prepareStatement(revokeFamilySql)) {
      Sql.set(ps, 1, now);
      ps.setString(2, family);
      ps.executeUpdate();
    }
    return new Refresh(Outcome.REUSED, Optional.empty(), fid);
  }

  /**
   * Revokes a family: logout, a withdrawn grant, RFC 7009 revocation of one of its tokens.
   *
   * @param familyId the family
   * @return how many tokens were revoked
   */
  public int revokeFamily(String familyId) {
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "revoking a token family", c -> {
      Optional<Object> owner = owner(c, ownerOfFamilySql, familyId);
      if (owner.isEmpty()) {
        return 0;
      }
      lockUser(c, owner.get());
      try (PreparedStatement ps = c.prepareStatement(revokeFamilySql)) {
        Sql.set(ps, 1, now);
        ps.setString(2, familyId);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * The family of a presented token, so it can be revoked (RFC 7009) without knowing its state.
   *
   * @param token the token
   * @return its family, if the token is known
   */
  public Optional<String> familyOf(String token) {
    String hash = Secrets.sha256(token);
    return Sql.transaction(dataSource, "looking up a refresh token", c -> {
      try (PreparedStatement ps = c.prepareStatement(lookupSql)) {
        ps.setString(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /**
   * Revokes the family of a presented token, as on detected reuse; a null, unknown or overlong
   * (over 512 characters, never one of ours) token changes nothing.
   *
   * @param token the presented token
   * @return whether a family was revoked
   */
  public boolean revokeFamilyOf(String token) {
    if (token == null || token.length() > 512) {
      return false;
    }
    Optional<String> family = familyOf(token);
    family.ifPresent(this::revokeFamily);
    return family.isPresent();
  }

  /**
   * Whether a token was already rotated (presenting it again is reuse).
   *
   * @param token the token
   * @return whether it is a retired token of a known family
   */
  public boolean isReused(String token) {
    if (token == null || token.length() > 512) {
      return false;
    }
    String hash = Secrets.sha256(token);
    return Sql.transaction(dataSource, "looking up a refresh token", c -> {
      try (PreparedStatement ps = c.prepareStatement(lookupSql)) {
        ps.setString(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getObject(2) != null;
        }
      }
    });
  }

  /**
   * Revokes every family of a user (logout everywhere, password reset).
   *
   * @param userId the user
   * @return the revoked families
   */
  public List<String> revokeUser(Object userId) {
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "revoking a user's refresh tokens", c -> {
      lockUser(c, userId);
      try (PreparedStatement ps = c.prepareStatement(revokeUserSql)) {
        Sql.set(ps, 1, now);
        ps.setObject(2, userId);
        List<String> families = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (!families.contains(rs.getString(1))) {
              families.add(rs.getString(1));
            }
          }
        }
        return families;
      }
    });
  }

  /**
   * The user's families that still hold a live token.
   *
   * @param userId the user
   * @return the family ids, sorted
   */
  public List<String> activeFamilies(Object userId) {
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "listing token families", c -> {
      try (PreparedStatement ps = c.prepareStatement(activeSql)) {
        ps.setObject(1, userId);
        Sql.set(ps, 2, now);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    });
  }

  private static Set<String> scopes(String stored) {
    if (stored == null || stored.isBlank()) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (String s : stored.split(" ")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return Set.copyOf(out);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "RefreshTokens[grace=" + grace + "]";
  }
}
