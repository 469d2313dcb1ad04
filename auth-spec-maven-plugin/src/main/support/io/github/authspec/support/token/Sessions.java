package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Server-side sessions in PostgreSQL with sliding expiry and a per-user limit. A session's
 * handle (what the cookie holds) is {@code <row id>.<HMAC-SHA256(key, row id)>}: the row id
 * alone is guessable, the MAC (256 bits, under a key the application supplies) is not, and
 * the database stays the only judge of validity, so revocation is immediate.
 *
 * <p>Sliding expiry: each {@link #touch} sets expires_at to now + idle timeout, never past
 * created_at + absolute lifetime. The limit: {@link #create} locks the user's row
 * ({@code SELECT ... FOR UPDATE}), ends the oldest live sessions (by creation) beyond
 * limit - 1, and inserts the new one, all in one transaction, so parallel logins cannot
 * overshoot.
 */
public final class Sessions {
  /** Default idle timeout: 30 minutes. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  /** Default absolute lifetime: 12 hours. */
  public static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);

  /**
   * Where sessions live.
   *
   * @param table the sessions table
   * @param id its key (identity)
   * @param userId the owner
   * @param createdAt start
   * @param expiresAt current expiry
   * @param active whether it is live
   * @param lastActivityAt last touch
   * @param invalidatedAt when the limit ended it
   * @param loggedOutAt when the user ended it
   * @param sessionOrder the session's ordinal among the user's sessions
   * @param users the users table (its row is locked while the limit is enforced)
   * @param usersId the users table's key
   */
  public record Table(String table, String id, String userId, String createdAt, String expiresAt,
      String active, String lastActivityAt, String invalidatedAt, String loggedOutAt,
      String sessionOrder, String users, String usersId) {
    /** Checks that every role is bound. */
    public Table {
      for (String s : new String[] {table, id, userId, createdAt, expiresAt, active,
          lastActivityAt, invalidatedAt, loggedOutAt, sessionOrder, users, usersId}) {
        Objects.requireNonNull(s, "every column of the session mapping must be named");
      }
    }

    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code sessions} and {@code users}
     */
    public static Table conventional() {
      return new Table("sessions", "id", "user_id", "created_at", "expires_at", "is_active",
          "last_activity_at", "invalidated_at", "logged_out_at", "session_order", "users", "id");
    }

    Map<String, String> ids() {
      return Map.ofEntries(Map.entry("t", table), Map.entry("id", id), Map.entry("user", userId),
          Map.entry("created", createdAt), Map.entry("expires", expiresAt),
          Map.entry("active", active), Map.entry("activity", lastActivityAt),
          Map.entry("invalidated", invalidatedAt), Map.entry("loggedOut", loggedOutAt),
          Map.entry("order", sessionOrder), Map.entry("users", users), Map.entry("usersId", usersId));
    }
  }

  /**
   * A new session. {@link #toString()} leaves the handle out.
   *
   * @param handle the opaque handle for the cookie
   * @param expiresAt its first expiry
   * @param evicted handles of the sessions the limit ended (tell the user)
   */
  public record Created(String handle, Instant expiresAt, List<Long> evicted) {
    @Override
    public String toString() {
      return "Sessions.Created[expiresAt=" + expiresAt + ", evicted=" + evicted + ", handle=<redacted>]";
    }
  }

  /**
   * A live session.
   *
   * @param id its row id
   * @param userId the owner
   * @param expiresAt its expiry
   */
  public record Live(long id, Object userId, Instant expiresAt) {
  }

  /**
   * A live session as its owner may see it: never its handle.
   *
   * @param id the row id
   * @param createdAt its start
   * @param lastActiveAt its last touch
   * @param expiresAt its current expiry
   */
  public record Described(long id, Instant createdAt, Instant lastActiveAt, Instant expiresAt) {
  }

  private static final String LOCK_USER = "SELECT 1 FROM {users} WHERE {usersId} = ? FOR UPDATE";
  private static final String EVICT = "UPDATE {t} SET {active} = false, {invalidated} = ?"
      + " WHERE {id} IN (SELECT {id} FROM {t} WHERE {user} = ? AND {active} AND {expires} > ?"
      + " ORDER BY {created} DESC, {id} DESC OFFSET ?) RETURNING {id}";
  private static final String INSERT = "INSERT INTO {t} ({user}, {created}, {expires}, {active},"
      + " {activity}, {order}) VALUES (?, ?, ?, true, ?,"
      + " (SELECT COALESCE(max(s.{order}), 0) + 1 FROM {t} s WHERE s.{user} = ?)) RETURNING {id}";
  private static final String VALIDATE = "SELECT {user}, {expires} FROM {t} WHERE {id} = ?"
      + " AND {active} AND {expires} > ?";
  private static final String TOUCH = "UPDATE {t} SET {activity} = ?,"
      + " {expires} = LEAST(?, {created} + ?::interval) WHERE {id} = ? AND {active}"
      + " AND {expires} > ? RETURNING {user}, {expires}";
  private static final String LOGOUT = "UPDATE {t} SET {active} = false, {loggedOut} = ?"
      + " WHERE {id} = ? AND {active}";
  private static final String LOGOUT_USER = "UPDATE {t} SET {active} = false, {loggedOut} = ?"
      + " WHERE {user} = ? AND {active}";
  private static final String LIST = "SELECT {id}, {created}, {activity}, {expires} FROM {t}"
      + " WHERE {user} = ? AND {active} AND {expires} > ? ORDER BY {created}, {id}";
  private static final String END = "UPDATE {t} SET {active} = false, {loggedOut} = ?"
      + " WHERE {id} = ? AND {user} = ? AND {active}";

  private final DataSource dataSource;
  private final byte[] handleKey;
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;
  private final String lockUser;
  private final String evict;
  private final String insert;
  private final String validate;
  private final String touch;
  private final String logout;
  private final String logoutUser;
  private final String list;
  private final String end;

  /**
   * A session store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param handleKey the key that MACs handles (at least 32 bytes, from the secret store)
   * @param clock the clock
   * @param idle the idle timeout
   * @param absolute the absolute lifetime
   */
  public Sessions(DataSource dataSource, Table table, byte[] handleKey, Clock clock,
      Duration idle, Duration absolute) {
    if (handleKey.length < 32) {
      throw new IllegalArgumentException("the session handle key needs at least 32 bytes");
    }
    if (idle.compareTo(absolute) > 0) {
      throw new IllegalArgumentException("the idle timeout cannot exceed the absolute lifetime");
    }
    this.dataSource = dataSource;
    this.handleKey = handleKey.clone();
    this.clock = clock;
    this.idle = idle;
    this.absolute = absolute;
    Map<String, String> ids = table.ids();
    this.lockUser = Sql.render(LOCK_USER, ids);
    this.evict = Sql.render(EVICT, ids);
    this.insert = Sql.render(INSERT, ids);
    this.validate = Sql.render(VALIDATE, ids);
    this.touch = Sql.render(TOUCH, ids);
    this.logout = Sql.render(LOGOUT, ids);
    this.logoutUser = Sql.render(LOGOUT_USER, ids);
    this.list = Sql.render(LIST, ids);
    this.end = Sql.render(END, ids);
  }

  /**
   * Starts a session, ending the user's oldest live sessions so at most {@code limit} remain.
   *
   * @param userId the user (must exist)
   * @param limit the most live sessions a user may have (at least 1)
   * @return the session
   */
  public Created create(Object userId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the session limit must be at least 1");
    }
    Instant now = clock.instant();
    Instant expires = now.plus(idle);
    return Sql.transaction(dataSource, "creating a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(lockUser)) {
        ps.setObject(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException("no such user");
          }
        }
      }
      List<Long> evicted = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(evict)) {
        Sql.set(ps, 1, now);
        ps.setObject(2, userId);
        Sql.set(ps, 3, now);
        ps.setInt(4, limit - 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            evicted.add(rs.getLong(1));
          }
        }
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setObject(1, userId);
        Sql.set(ps, 2, now);
        Sql.set(ps, 3, expires);
        Sql.set(ps, 4, now);
        ps.setObject(5, userId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      evicted.sort(null);
      return new Created(handle(id), expires, List.copyOf(evicted));
    });
  }

  /**
   * The session of a handle, if it is live; does not extend it.
   *
   * @param handle the handle
   * @return the session
   */
  public Optional<Live> validate(String handle) {
    Optional<Long> id = idOf(handle);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "validating a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(validate)) {
        ps.setLong(1, id.get());
        Sql.set(ps, 2, now);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Live(id.get(), rs.getObject(1),
              Sql.instant(rs, 2))) : Optional.<Live>empty();
        }
      }
    });
  }

  /**
   * Extends a live session by the idle timeout, capped at its absolute lifetime.
   *
   * @param handle the handle
   * @return the session with its new expiry, if it was live
   */
  public Optional<Live> touch(String handle) {
    Optional<Long> id = idOf(handle);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "extending a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(touch)) {
        Sql.set(ps, 1, now);
        Sql.set(ps, 2, now.plus(idle));
        ps.setString(3, absolute.getSeconds() + " seconds");
        ps.setLong(4, id.get());
        Sql.set(ps, 5, now);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Live(id.get(), rs.getObject(1),
              Sql.instant(rs, 2))) : Optional.<Live>empty();
        }
      }
    });
  }

  /**
   * Ends a session (logout).
   *
   * @param handle the handle
   * @return whether a live session was ended
   */
  public boolean logout(String handle) {
    Optional<Long> id = idOf(handle);
    if (id.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "ending a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(logout)) {
        Sql.set(ps, 1, now);
        ps.setLong(2, id.get());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Ends every session of a user.
   *
   * @param userId the user
   * @return how many were ended
   */
  public int logoutEverywhere(Object userId) {
    return endAll(dataSource, lockUser, logoutUser, clock.instant(), userId);
  }

  /**
   * Ends every session of a user without a store (no handle key is needed to end sessions):
   * what a change of the account's credentials does.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param userId the user
   * @return how many were ended
   */
  public static int endAll(DataSource dataSource, Table table, Clock clock, Object userId) {
    Map<String, String> ids = table.ids();
    return endAll(dataSource, Sql.render(LOCK_USER, ids), Sql.render(LOGOUT_USER, ids),
        clock.instant(), userId);
  }

  private static int endAll(DataSource dataSource, String lockUser, String logoutUser,
      Instant now, Object userId) {
    return Sql.transaction(dataSource, "ending a user's sessions", c -> {
      // The owner's row lock that create takes too: a session is either created before this
      // ends it, or after.
      try (PreparedStatement ps = c.prepareStatement(lockUser)) {
        ps.setObject(1, userId);
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement(logoutUser)) {
        Sql.set(ps, 1, now);
        ps.setObject(2, userId);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * The row ids of a user's live sessions, oldest first.
   *
   * @param userId the user
   * @return the ids
   */
  public List<Long> live(Object userId) {
    return described(userId).stream().map(Described::id).toList();
  }

  /**
   * A user's live sessions, oldest first, as the user may see them (no handle).
   *
   * @param userId the user
   * @return the sessions
   */
  public List<Described> described(Object userId) {
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "listing sessions", c -> {
      try (PreparedStatement ps = c.prepareStatement(list)) {
        ps.setObject(1, userId);
        Sql.set(ps, 2, now);
        List<Described> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Described(rs.getLong(1), Sql.instant(rs, 2), Sql.instant(rs, 3),
                Sql.instant(rs, 4)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Ends one of a user's sessions by its row id: one statement that matches the owner too, so
   * another user's session is never ended and looks like an unknown one.
   *
   * @param userId the owner
   * @param id the row id
   * @return whether a live session of the user was ended
   */
  public boolean end(Object userId, long id) {
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "ending a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(end)) {
        Sql.set(ps, 1, now);
        ps.setLong(2, id);
        ps.setObject(3, userId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * The handles of a user's live sessions, oldest first.
   *
   * @param userId the user
   * @return the handles
   */
  public List<String> handles(Object userId) {
    return live(userId).stream().map(this::handle).toList();
  }

  /**
   * Ends the user's oldest live sessions so that at most {@code limit} remain (the user's row
   * is locked, as in {@link #create}).
   *
   * @param userId the user
   * @param limit the most live sessions to keep (at least 0)
   * @return the row ids of the sessions ended
   */
  public List<Long> enforceLimit(Object userId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the session limit cannot be negative");
    }
    Instant now = clock.instant();
    return Sql.transaction(dataSource, "enforcing a session limit", c -> {
      try (PreparedStatement ps = c.prepareStatement(lockUser)) {
        ps.setObject(1, userId);
        ps.executeQuery().close();
      }
      List<Long> evicted = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(evict)) {
        Sql.set(ps, 1, now);
        ps.setObject(2, userId);
        Sql.set(ps, 3, now);
        ps.setInt(4, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            evicted.add(rs.getLong(1));
          }
        }
      }
      evicted.sort(null);
      return List.copyOf(evicted);
    });
  }

  private String handle(long id) {
    return id + "." + mac(id);
  }

  private String mac(long id) {
    return Secrets.base64Url(Secrets.hmacSha256(handleKey,
        ("session:" + id).getBytes(StandardCharsets.UTF_8)));
  }

  private Optional<Long> idOf(String handle) {
    if (handle == null || handle.length() > 80) {
      return Optional.empty();
    }
    int dot = handle.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String digits = handle.substring(0, dot);
    long id;
    try {
      id = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!Long.toString(id).equals(digits)) {
      // parseLong takes "+7" and "007": one handle has one text.
      return Optional.empty();
    }
    return Secrets.constantTimeEquals(mac(id), handle.substring(dot + 1)) ? Optional.of(id)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "Sessions[idle=" + idle + ", absolute=" + absolute + "]";
  }
}
