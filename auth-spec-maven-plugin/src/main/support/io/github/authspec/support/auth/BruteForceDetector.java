package io.github.authspec.support.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Detects guessing: failures counted per address (across accounts: spraying) and per account
 * (across addresses: stuffing) in windowed Redis counters ({@link Counters}, one script per
 * count, so parallel failures are counted exactly); a count at the threshold means an attack.
 * Keys are the caller's, built from the spec's key patterns; nothing else is stored.
 */
public final class BruteForceDetector {
  private final Counters counters;
  private final int threshold;

  /**
   * Detection over Redis.
   *
   * @param redis runs the scripts
   * @param threshold failures in a window that mean an attack, at least 1
   * @param window the counting window
   */
  public BruteForceDetector(RedisScripts redis, int threshold, Duration window) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.counters = new Counters(redis, window);
    this.threshold = threshold;
  }

  /**
   * Records an attempt: a failure counts for the address and, when known, the account;
   * successes do not reset, since a sprayer succeeds now and then.
   *
   * @param ipKey the address's counter key
   * @param userKey the account's counter key, if the account is known and counted
   * @param success whether the attempt succeeded
   */
  public void recordAttempt(String ipKey, Optional<String> userKey, boolean success) {
    if (success) {
      return;
    }
    counters.increment(ipKey);
    userKey.ifPresent(counters::increment);
  }

  /**
   * Whether an address reached the threshold in its window.
   *
   * @param ipKey the address's counter key
   * @return whether it is under attack
   */
  public boolean isUnderAttack(String ipKey) {
    return counters.read(ipKey) >= threshold;
  }

  /**
   * Whether an account collects failures from many attempts (stuffing).
   *
   * @param userKey the account's counter key
   * @return whether it reached the threshold
   */
  public boolean isTargeted(String userKey) {
    return counters.read(userKey) >= threshold;
  }

  @Override
  public String toString() {
    return "BruteForceDetector[threshold=" + threshold + "]";
  }
}
