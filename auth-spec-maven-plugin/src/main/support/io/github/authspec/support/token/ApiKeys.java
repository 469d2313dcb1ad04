package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * API keys: {@code ak_} + 256 random bits, shown once at creation; only SHA-256 of the whole key
 * is stored (a high-entropy key needs no salt, and the hash is the lookup key). Keys carry scopes
 * (space-separated in one column) and an optional expiry; authentication also records
 * last_used_at in the same statement.
 */
public final class ApiKeys {
  /** The prefix that makes a leaked key easy to recognise (secret scanners). */
  public static final String PREFIX = "ak_";

  /**
   * Where keys live.
   *
   * @param table the table
   * @param id its key
   * @param keyHash SHA-256 of the key (unique)
   * @param userId the owner
   * @param name a label
   * @param expiresAt optional expiry
   * @param lastUsedAt last use
   * @param scopes the scopes, space-separated
   */
  public record Table(String table, String id, String keyHash, String userId, String name,
      String expiresAt, String lastUsedAt, String scopes) {
    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code api_keys}
     */
    public static Table conventional() {
      return new Table("api_keys", "id", "key_hash", "user_id", "name", "expires_at",
          "last_used_at", "scopes");
    }

    Map<String, String> ids() {
      return Map.of("t", table, "id", id, "hash", keyHash, "user", userId, "name", name,
          "expires", expiresAt, "used", lastUsedAt, "scopes", scopes);
    }
  }

  /**
   * A key just created. {@link #toString()} leaves the secret out.
   *
   * @param id the key's id (for listing and revoking)
   * @param secret the key, shown to the user once
   */
  public record Created(long id, String secret) {
    @Override
    public String toString() {
      return "ApiKeys.Created[id=" + id + ", secret=<redacted>]";
    }
  }

  /**
   * An authenticated key.
   *
   * @param id its id
   * @param userId its owner
   * @param scopes its scopes
   * @param expiresAt its expiry, if any
   */
  public record Key(long id, Object userId, Set<String> scopes, Optional<Instant> expiresAt) {
    /**
     * Whether the key carries a scope.
     *
     * @param scope the scope
     * @return whether it does
     */
    public boolean hasScope(String scope) {
      return scopes.contains(scope);
    }
  }

  private static final String INSERT = "INSERT INTO {t} ({hash}, {user}, {name}, {expires},"
      + " {scopes}) VALUES (?, ?, ?, ?, ?) RETURNING {id}";
  private static final String AUTHENTICATE = "UPDATE {t} SET {used} = ? WHERE {hash} = ?"
      + " AND ({expires} IS NULL OR {expires} > ?) RETURNING {id}, {user}, {scopes}, {expires},"
      + " {hash}";
  private static final String REVOKE = "DELETE FROM {t} WHERE {id} = ? AND {user} = ?";
  private static final String REVOKE_USER = "DELETE FROM {t} WHERE {user} = ?";

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random;
  private final String insert;
  private final String authenticate;
  private final String revoke;
  private final String revokeUser;

  /**
   * A store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   */
  public ApiKeys(DataSource dataSource, Table table, Clock clock, SecureRandom random) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
    Map<String, String> ids = table.ids();
    this.insert = Sql.render(INSERT, ids);
    this.authenticate = Sql.render(AUTHENTICATE, ids);
    this.revoke = Sql.render(REVOKE, ids);
    this.revokeUser = Sql.render(REVOKE_USER, ids);
  }

  /**
   * Creates a key.
   *
   * @param userId the owner
   * @param name a label
   * @param scopes its scopes (no spaces inside one)
   * @param expiresAt its expiry, if any
   * @return the key and its id
   */
  public Created create(Object userId, String name, Set<String> scopes,
      Optional<Instant> expiresAt) {
    for (String s : scopes) {
      if (s.isEmpty() || s.contains(" ")) {
        throw new IllegalArgumentException("a scope is one non-empty word");
      }
    }
    String secret = PREFIX + Secrets.newToken(random);
    long id = Sql.transaction(dataSource, "creating an API key", c -> {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setString(1, Secrets.sha256(secret));
        ps.setObject(2, userId);
        ps.setString(3, name);
        Sql.set(ps, 4, expiresAt.orElse(null));
        ps.setString(5, String.join(" ", new TreeSet<>(scopes)));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
    return new Created(id, secret);
  }

  /**
   * Resolves a presented key.
   *
   * @param presented the key from the request
   * @return the key, if it exists and has not expired
   */
  public Optional<Key> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(presented);
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "authenticating an API key", c -> {
      try (PreparedStatement ps = c.prepareStatement(authenticate)) {
        Sql.set(ps, 1, now);
        ps.setString(2, hash);
        Sql.set(ps, 3, now);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || !Secrets.constantTimeEquals(hash, rs.getString(5))) {
            return Optional.<Key>empty();
          }
          String scopes = rs.getString(3);
          Set<String> set = new LinkedHashSet<>();
          if (scopes != null) {
            Arrays.stream(scopes.split(" ")).filter(s -> !s.isEmpty()).forEach(set::add);
          }
          return Optional.of(new Key(rs.getLong(1), rs.getObject(2), Set.copyOf(set),
              Optional.ofNullable(Sql.instant(rs, 4))));
        }
      }
    });
  }

  /**
   * Revokes (deletes) a key of a user.
   *
   * @param userId the owner
   * @param keyId the key's id
   * @return whether a key was revoked
   */
  public boolean revoke(Object userId, long keyId) {
    return Sql.transaction(dataSource, "revoking an API key", c -> {
      try (PreparedStatement ps = c.prepareStatement(revoke)) {
        ps.setLong(1, keyId);
        ps.setObject(2, userId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Revokes (deletes) a key of a user by its id as text: text that is no id of ours revokes
   * nothing.
   *
   * @param userId the owner
   * @param keyId the key's id, as the service interface passes it
   * @return whether a key was revoked
   */
  public boolean revoke(Object userId, String keyId) {
    long id;
    try {
      id = Long.parseLong(keyId);
    } catch (NumberFormatException e) {
      return false;
    }
    return revoke(userId, id);
  }

  /**
   * Revokes (deletes) every key of a user: the account was reset, suspended or deleted.
   *
   * @param userId the owner
   * @return how many keys were revoked
   */
  public int revokeAll(Object userId) {
    return Sql.transaction(dataSource, "revoking a user's API keys", c -> {
      try (PreparedStatement ps = c.prepareStatement(revokeUser)) {
        ps.setObject(1, userId);
        return ps.executeUpdate();
      }
    });
  }
}
