package io.github.authspec.support.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Effective permissions kept in a store (the spec's {@code permissions:user:{userId}} key) so a
 * check is one read of the version row and one GET, with an invalidation that leaves no window.
 * Each entry carries the version of the data it was evaluated from, read in the same snapshot,
 * the instant it was evaluated at, and its horizon (the next instant at which an expiry,
 * interval or window could change it); it answers only between the two:
 *
 * <ul>
 *   <li>every write through {@link Authorization} bumps the version inside its own transaction,
 *       so the change and the bump commit together or not at all;
 *   <li>a check first reads the version from the database, then uses an entry only when it
 *       carries that very version and its horizon has not come; otherwise it evaluates afresh
 *       (and stores the result).
 * </ul>
 *
 * <p>So after a revoking transaction has committed, every check (on any instance, whatever its
 * store holds) reads a version at least that of the revocation, and every entry carrying such
 * a version was evaluated from a snapshot that includes the revocation: no check answers from
 * data older than the commit. A stale entry written late by a slow instance carries an old
 * version and is never used. The cost: one primary-key read per check, and any write makes
 * every entry a miss once.
 */
public final class AuthorizationCache {
  private static final String FORMAT = "authz1";

  /** Where entries live: Redis in production, a map in tests. */
  public interface Store {
    /**
     * The value of a key.
     *
     * @param key the key
     * @return its value, or null
     */
    String get(String key);

    /**
     * Sets a key with a time to live.
     *
     * @param key the key
     * @param value the value
     * @param ttlSeconds seconds to live
     */
    void set(String key, String value, long ttlSeconds);

    /**
     * Deletes a key.
     *
     * @param key the key
     */
    void delete(String key);
  }

  private final Authorization authorization;
  private final Store store;
  private final Clock clock;
  private final Function<Object, String> key;
  private final long ttlSeconds;
  private final String described;

  /**
   * A cache over the decision.
   *
   * @param authorization the decision, whose writes bump the version (it must be bound to a
   *     version row, or nothing is cached)
   * @param store the entries' store
   * @param clock the server's clock
   * @param keyPattern the key, with one placeholder for the user's id
   *     ({@code permissions:user:{userId}})
   * @param ttlSeconds how long an entry lives at most
   */
  public AuthorizationCache(Authorization authorization, Store store, Clock clock,
      String keyPattern, long ttlSeconds) {
    this(authorization, store, clock, fill(keyPattern), ttlSeconds, keyPattern);
  }

  /**
   * A cache over the decision, whose keys a function makes (the generated key class of the
   * spec's key, with its prefix and hash tag).
   *
   * @param authorization the decision, whose writes bump the version
   * @param store the entries' store
   * @param clock the server's clock
   * @param key the key of a user's entry
   * @param ttlSeconds how long an entry lives at most
   */
  public AuthorizationCache(Authorization authorization, Store store, Clock clock,
      Function<Object, String> key, long ttlSeconds) {
    this(authorization, store, clock, key, ttlSeconds, "key function");
  }

  private AuthorizationCache(Authorization authorization, Store store, Clock clock,
      Function<Object, String> key, long ttlSeconds, String described) {
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.key = Objects.requireNonNull(key, "key");
    this.ttlSeconds = ttlSeconds;
    this.described = described;
  }

  /** The key of a pattern with one placeholder, filled with the user's id. */
  private static Function<Object, String> fill(String keyPattern) {
    int open = keyPattern.indexOf('{');
    int close = open < 0 ? -1 : keyPattern.indexOf('}', open);
    if (close < 0) {
      throw new IllegalArgumentException("the key pattern needs a placeholder: " + keyPattern);
    }
    return userId -> keyPattern.substring(0, open) + userId + keyPattern.substring(close + 1);
  }

  /**
   * Whether the user holds the permission now.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @return whether allowed
   */
  public boolean isAllowed(Object userId, String permission) {
    return evaluation(userId).matches().contains(permission);
  }

  /**
   * The user's permissions now.
   *
   * @param userId the subject
   * @return the permission names
   */
  public Set<String> permissions(Object userId) {
    return evaluation(userId).permissions();
  }

  /**
   * The cached permissions, when an entry is fresh (current version, horizon not reached).
   *
   * @param userId the subject
   * @return them, or empty
   */
  public Optional<Set<String>> cached(Object userId) {
    return fresh(userId, authorization.version()).map(Authorization.Evaluation::permissions);
  }

  /**
   * Drops the user's entry (correctness does not depend on it: the version does).
   *
   * @param userId the subject
   */
  public void invalidate(Object userId) {
    store.delete(key(userId));
  }

  private Authorization.Evaluation evaluation(Object userId) {
    long version = authorization.version();
    Optional<Authorization.Evaluation> hit = fresh(userId, version);
    if (hit.isPresent()) {
      return hit.get();
    }
    Authorization.Evaluation e = authorization.evaluate(userId);
    if (e.version() >= 0) {
      store.set(key(userId), encode(e), ttlSeconds);
    }
    return e;
  }

  private Optional<Authorization.Evaluation> fresh(Object userId, long version) {
    String raw = version >= 0 ? store.get(key(userId)) : null;
    Authorization.Evaluation e = raw == null ? null : decode(raw);
    Instant now = clock.instant();
    if (e == null || e.version() != version || now.isBefore(e.at())
        || e.horizon() != null && !now.isBefore(e.horizon())) {
      return Optional.empty();
    }
    return Optional.of(e);
  }

  private String key(Object userId) {
    return key.apply(userId);
  }

  /** {@code authz1 version at horizon n:name... m:match...}, names URL-encoded. */
  static String encode(Authorization.Evaluation e) {
    List<String> parts = new ArrayList<>(List.of(FORMAT, Long.toString(e.version()),
        e.at().toString(), e.horizon() == null ? "-" : e.horizon().toString()));
    e.permissions().forEach(p -> parts.add("n:" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
    e.matches().forEach(p -> parts.add("m:" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
    return String.join(" ", parts);
  }

  /** The entry, or null for one this version does not read. */
  static Authorization.Evaluation decode(String raw) {
    String[] parts = raw.split(" ");
    if (parts.length < 4 || !parts[0].equals(FORMAT)) {
      return null;
    }
    Set<String> names = new TreeSet<>();
    Set<String> matches = new TreeSet<>();
    for (int i = 4; i < parts.length; i++) {
      String value = URLDecoder.decode(parts[i].substring(2), StandardCharsets.UTF_8);
      (parts[i].startsWith("n:") ? names : matches).add(value);
    }
    return new Authorization.Evaluation(names, matches, Instant.parse(parts[2]),
        parts[3].equals("-") ? null : Instant.parse(parts[3]), Long.parseLong(parts[1]));
  }

  @Override
  public String toString() {
    return "AuthorizationCache[" + described + "]";
  }
}
