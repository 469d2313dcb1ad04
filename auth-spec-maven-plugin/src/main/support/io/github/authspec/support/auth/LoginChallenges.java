package io.github.authspec.support.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-side state of a login between its password and its remaining steps (second
 * factor, required password change). The client holds an opaque challenge: the account, the
 * steps left, the digest of the password in force and an expiry, sealed with AES-GCM
 * ({@link SecretBox}) so it can be neither read nor forged nor moved to another account. The
 * server holds, in Redis under the SHA-256 of the challenge (never the challenge itself), the
 * challenge's life: created by the login, counted on every attempt and deleted by the first
 * success (after its attempts ran out it refuses until it expires), each step one script on one
 * key. So a challenge is
 * short-lived, single use, attempt-limited, shared by every instance, bound to the login that
 * created it (only that login's holder has it, and nothing else completes it) and dead after a
 * password change.
 *
 * <p>Why Redis and not a table: the state lives minutes and is touched on every attempt, the
 * seed schema has no table for it, and Redis gives expiry and single-key atomic scripts; the
 * sealed part needs no storage at all.
 */
public final class LoginChallenges {
  /** The steps a challenge may have left. */
  public enum Step {
    /** A TOTP or backup code. */
    SECOND_FACTOR,
    /** The password must be changed before any credential is issued. */
    PASSWORD_CHANGE,
    /** A second factor must be enrolled (its grace period is over) and one code proved. */
    ENROLMENT
  }

  /**
   * An opened challenge: who, what is left, and the password it was made under.
   *
   * @param userId the account, as text
   * @param steps the steps left, in order
   * @param passwordStamp the digest of the password in force at the login
   */
  public record Opened(String userId, List<Step> steps, String passwordStamp) {
    /** The account's id stays out of logs. */
    @Override
    public String toString() {
      return "LoginChallenges.Opened" + steps;
    }
  }

  /** What counting an attempt found. */
  public enum Attempt {
    /** The challenge is live and this attempt is within the limit. */
    ALLOWED,
    /** Unknown, expired, already used, or its attempts ran out. */
    GONE
  }

  static final String CREATE = "redis.call('SET', KEYS[1], '0', 'PX', ARGV[1]) return {1}";
  static final String ATTEMPT = String.join("\n",
      "if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end",
      "local n = redis.call('INCR', KEYS[1])",
      "if n > tonumber(ARGV[1]) then return {0} end",
      "return {n}");
  static final String CONSUME = "return {redis.call('DEL', KEYS[1])}";
  private static final String CONTEXT = "login-challenge";

  private final RedisScripts redis;
  private final SecretBox box;
  private final Clock clock;
  private final Duration lifetime;
  private final int maxAttempts;
  private final String keyPrefix;

  /**
   * Challenges over Redis.
   *
   * @param redis runs the scripts
   * @param box seals the client's part (its key lives outside the database)
   * @param clock the time of expiry
   * @param lifetime how long a challenge lives (at most 15 minutes)
   * @param maxAttempts attempts a challenge allows; later ones are refused until it expires
   *     (1 to 10)
   * @param keyPrefix the Redis key prefix (e.g. {@code login_challenge:})
   */
  public LoginChallenges(RedisScripts redis, SecretBox box, Clock clock, Duration lifetime,
      int maxAttempts, String keyPrefix) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.box = Objects.requireNonNull(box, "box");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (lifetime.toSeconds() < 1 || lifetime.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException("a challenge lives 1 second to 15 minutes");
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("a challenge allows 1 to 10 attempts");
    }
    this.lifetime = lifetime;
    this.maxAttempts = maxAttempts;
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /**
   * A new challenge for the steps a login has left.
   *
   * @param userId the account, as text
   * @param steps the steps left (at least one)
   * @param passwordStamp the digest of the password in force
   * @return the challenge to hand to the client
   */
  public String create(String userId, List<Step> steps, String passwordStamp) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a challenge has a step left");
    }
    Instant expires = clock.instant().plus(lifetime);
    StringBuilder body = new StringBuilder().append(expires.toEpochMilli()).append('\n')
        .append(passwordStamp).append('\n');
    steps.forEach(s -> body.append(s.ordinal()));
    body.append('\n').append(userId);
    String challenge = box.seal(body.toString().getBytes(StandardCharsets.UTF_8), CONTEXT)
        .substring(3).replace('+', '-').replace('/', '_');
    redis.eval(CREATE, key(challenge), List.of(Long.toString(lifetime.toMillis())));
    return challenge;
  }

  /**
   * Opens a challenge without touching its state: empty when it was not made here, was
   * tampered with, or expired.
   *
   * @param challenge what the client presented
   * @return the opened challenge
   */
  public Optional<Opened> open(String challenge) {
    if (challenge == null || challenge.isEmpty() || challenge.length() > 1024) {
      return Optional.empty();
    }
    String[] parts;
    try {
      parts = new String(box.open("v1:" + challenge.replace('-', '+').replace('_', '/'),
          CONTEXT), StandardCharsets.UTF_8).split("\n", 4);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (parts.length != 4 || !clock.instant().isBefore(Instant.ofEpochMilli(
        Long.parseLong(parts[0])))) {
      return Optional.empty();
    }
    List<Step> steps = parts[2].chars().mapToObj(c -> Step.values()[c - '0']).toList();
    return Optional.of(new Opened(parts[3], steps, parts[1]));
  }

  /**
   * Counts an attempt on a live challenge. Attempts past the limit are refused but do not
   * delete it: an attempt within the limit may be verifying a right code at this moment, and
   * must still be able to use the challenge up (and the code it spent).
   *
   * @param challenge the challenge
   * @return whether the attempt may proceed
   */
  public Attempt attempt(String challenge) {
    return redis.eval(ATTEMPT, key(challenge), List.of(Integer.toString(maxAttempts))).get(0) > 0
        ? Attempt.ALLOWED : Attempt.GONE;
  }

  /**
   * Uses the challenge up: exactly one of any number of concurrent callers gets true.
   *
   * @param challenge the challenge
   * @return whether this call used it
   */
  public boolean consume(String challenge) {
    return redis.eval(CONSUME, key(challenge), List.of()).get(0) == 1;
  }

  private String key(String challenge) {
    return keyPrefix + EmailPasswordLogin.digest(challenge);
  }

  @Override
  public String toString() {
    return "LoginChallenges[lifetime=" + lifetime + ", maxAttempts=" + maxAttempts + "]";
  }
}
