package io.github.authspec.support.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Password expiry. NIST SP 800-63B advises against periodic expiry: by default a password
 * expires only when {@link #expireNow} marks it (on evidence of compromise); a maximum age,
 * counted from the last change, is opt-in. A user without a row has no expiry.
 */
public final class PasswordExpiry {
  /**
   * Where the expiry lives.
   *
   * @param table the account table
   * @param id the account id
   * @param expiresAt when the password expires
   * @param changedAt when it was last set, or null when the table keeps none
   */
  public record Table(String table, String id, String expiresAt, String changedAt) {
  }

  private final Clock clock;
  private final Duration maxAge;
  private final AccountDeadline deadline;

  /**
   * Expiry over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time
   * @param maxAge a maximum age counted from the last change, or null for none (NIST's advice)
   */
  public PasswordExpiry(DataSource dataSource, Table table, Clock clock, Duration maxAge) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = maxAge;
    this.deadline = new AccountDeadline(new Db(dataSource), table.table(), table.id(),
        table.expiresAt(), table.changedAt(), maxAge);
  }

  /**
   * When the password expires: the marked expiry, else the last change plus the maximum age.
   *
   * @param userId the account
   * @return the expiry, if any
   */
  public Optional<Instant> expiresAt(Object userId) {
    return deadline.of(userId);
  }

  /**
   * Whether the password has expired by now.
   *
   * @param userId the account
   * @return whether its expiry is not after now
   */
  public boolean isExpired(Object userId) {
    return deadline.passed(userId, clock.instant(), false);
  }

  /**
   * Expires the password now, e.g. on evidence of compromise.
   *
   * @param userId the account
   */
  public void expireNow(Object userId) {
    deadline.set(userId, clock.instant());
  }

  /**
   * Clears an explicit expiry once the password was changed (a maximum age counts from the
   * change itself).
   *
   * @param userId the account
   */
  public void renew(Object userId) {
    deadline.set(userId, null);
  }

  @Override
  public String toString() {
    return "PasswordExpiry[maxAge=" + maxAge + "]";
  }
}
