package io.github.authspec.support.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A grace period before MFA enrolment is enforced: an explicit end, or else the account's
 * creation plus the period. Users cannot renew it (nothing here extends it); an unknown user
 * has none.
 */
public final class MfaGracePeriod {
  /**
   * Where the grace period lives.
   *
   * @param table the account table
   * @param id the account id
   * @param graceUntil the explicit end
   * @param createdAt when the account was created, or null when the table keeps none
   */
  public record Table(String table, String id, String graceUntil, String createdAt) {
  }

  private final Clock clock;
  private final Duration grace;
  private final AccountDeadline deadline;

  /**
   * Grace periods over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the time
   * @param grace the period from account creation (e.g. 7 days)
   */
  public MfaGracePeriod(DataSource dataSource, Table table, Clock clock, Duration grace) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.deadline = new AccountDeadline(new Db(dataSource), table.table(), table.id(),
        table.graceUntil(), table.createdAt(), grace);
  }

  /**
   * When the user's grace period ends.
   *
   * @param userId the account
   * @return the end, if known
   */
  public Optional<Instant> graceUntil(Object userId) {
    return deadline.of(userId);
  }

  /**
   * Whether the grace period is over (an unknown user has none). Users who have a second
   * factor already are the caller's to exclude.
   *
   * @param userId the account
   * @return whether the user must enrol now
   */
  public boolean mustEnroll(Object userId) {
    return deadline.passed(userId, clock.instant(), true);
  }

  @Override
  public String toString() {
    return "MfaGracePeriod[" + grace + "]";
  }
}
