package io.github.authspec.support.auth;

import java.time.Duration;

/**
 * When repeated failures lock an account, and for how long: from the {@code threshold}-th
 * consecutive failure on, each failure locks the account for {@code firstLock}, doubled per
 * further failure, at most {@code maxLock}. Growing delays rather than a permanent lock (NIST
 * SP 800-63B §5.2.2 caps consecutive failures at 100; OWASP warns that hard lockout lets anyone
 * lock anyone out). The generated SQL computes the same in one statement.
 *
 * @param threshold the failures that start locking
 * @param firstLock the first lock's length
 * @param maxLock the longest lock
 */
public record LockoutPolicy(int threshold, Duration firstLock, Duration maxLock) {
  /** Exponents past this are capped: 2^40 times any first lock exceeds any sane maximum. */
  public static final int MAX_DOUBLINGS = 40;

  /** A policy. */
  public LockoutPolicy {
    if (threshold < 1 || threshold > 100) {
      throw new IllegalArgumentException("threshold must be 1 to 100 (NIST's cap)");
    }
    if (firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("0 < firstLock <= maxLock");
    }
  }

  /**
   * Five failures, then 1 minute, doubling, at most 15 minutes.
   *
   * @return the policy
   */
  public static LockoutPolicy standard() {
    return new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(15));
  }

  /**
   * How long the account is locked after {@code failures} consecutive failures.
   *
   * @param failures the count, including the one just recorded
   * @return the lock's length, zero below the threshold
   */
  public Duration lockFor(int failures) {
    if (failures < threshold) {
      return Duration.ZERO;
    }
    double millis = firstLock.toMillis() * Math.pow(2, Math.min(failures - threshold,
        MAX_DOUBLINGS));
    return Duration.ofMillis((long) Math.min(maxLock.toMillis(), millis));
  }
}
