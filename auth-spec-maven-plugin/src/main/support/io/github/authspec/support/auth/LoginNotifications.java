package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Tells a user about a sign-in from somewhere new: a successful login whose address and user
 * agent together match none of the account's successful logins of the last 90 days before it
 * (its first login ever is not news). The message holds when, from which address and with which
 * agent, so the user can recognise the sign-in or report it; never a password, code or token.
 * It reads the login history ({@code login-history}'s table) and sends through the application's
 * notifications client.
 */
public final class LoginNotifications {
  /** How far back a known address and agent are looked for. */
  public static final Duration MEMORY = Duration.ofDays(90);

  /** Sends one message (the generated class adapts the notifications client). */
  @FunctionalInterface
  public interface Notifier {
    /**
     * Sends.
     *
     * @param message {@code userId}, {@code at}, {@code ip}, {@code userAgent}
     */
    void send(Map<String, String> message);
  }

  /**
   * Where sign-ins are recorded.
   *
   * @param table the history table
   * @param user the account id
   * @param success whether the attempt succeeded
   * @param at when it happened
   * @param ip the client address
   * @param userAgent the user agent
   */
  public record Table(String table, String user, String success, String at, String ip,
      String userAgent) {
    /** Checks that every column is named. */
    public Table {
      for (String s : new String[] {table, user, success, at, ip, userAgent}) {
        Objects.requireNonNull(s, "every column of the history table must be named");
      }
    }

    /** The same columns as the history's own mapping names them. */
    Map<String, String> ids() {
      return new LoginHistory.Table(table, user, success, at, ip, userAgent, null).ids();
    }
  }

  private static final String SEEN = "SELECT count(*) FILTER (WHERE {ip} IS NOT DISTINCT FROM ?"
      + " AND {agent} IS NOT DISTINCT FROM ?), count(*) FROM {t} WHERE {user} = ? AND {success}"
      + " AND {at} < ? AND {at} >= ?";

  private final Db db;
  private final Clock clock;
  private final Notifier notifier;
  private final String seen;

  /**
   * Notifications over {@code table}.
   *
   * @param dataSource the database
   * @param table the history's mapping
   * @param clock the time of sign-ins
   * @param notifier sends a message to the account's owner
   */
  public LoginNotifications(DataSource dataSource, Table table, Clock clock, Notifier notifier) {
    this.db = new Db(dataSource);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.seen = Jdbc.render(SEEN, table.ids());
  }

  /**
   * Sends a message when this sign-in's address and agent are new for the account. Call it
   * after a successful sign-in, before or after recording it in the history (this instant's
   * rows are not looked at).
   *
   * @param userId the account
   * @param ip the client address
   * @param userAgent the user agent
   * @return whether a message was sent
   */
  public boolean notifyIfUnusual(Object userId, String ip, String userAgent) {
    Instant now = clock.instant();
    // Compared as the history keeps it.
    String agent = LoginHistory.cut(userAgent);
    long[] counts = db.query(seen, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, ip, agent,
        userId, now, now.minus(MEMORY)).get(0);
    if (counts[0] > 0 || counts[1] == 0) {
      return false;
    }
    Map<String, String> message = new LinkedHashMap<>();
    message.put("userId", String.valueOf(userId));
    message.put("at", now.toString());
    message.put("ip", String.valueOf(ip));
    message.put("userAgent", String.valueOf(agent));
    notifier.send(message);
    return true;
  }

  @Override
  public String toString() {
    return "LoginNotifications[memory=" + MEMORY + "]";
  }
}
