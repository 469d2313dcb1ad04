package io.github.authspec.support.auth;

import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.List;

/**
 * Hashes and verifies passwords: NFKC normalisation (NIST SP 800-63B), a current scheme for new
 * hashes (PBKDF2-HMAC-SHA256 by default, Argon2id with Bouncy Castle), legacy schemes that still
 * verify (so old hashes log in and are rehashed), and one verification on every path, so a
 * refusal costs what a wrong password costs and timing does not tell which accounts exist: an
 * unknown account, an unknown scheme and input that cannot be a password (empty, longer than
 * {@link #MAX_LENGTH} characters, malformed) are verified against a dummy hash of the current
 * scheme. {@link #hash} refuses such input before any work. A password must be well-formed
 * UTF-16: an unpaired surrogate would be encoded as {@code ?}, so {@code "a\uD800b"} would be
 * the password {@code "a?b"}.
 */
public final class PasswordHasher {
  /** Longer inputs are refused unread: no one types a kilobyte, and hashing it costs. */
  public static final int MAX_LENGTH = 1024;
  /** What input that cannot be a password is verified as. */
  private static final String STAND_IN = "x";

  private final PasswordAlgorithm current;
  private final List<PasswordAlgorithm> legacy;
  private final SecureRandom random;
  private final String dummy;

  /**
   * A hasher.
   *
   * @param random the salt source
   * @param current the scheme of new hashes
   * @param legacy schemes of existing hashes that still verify
   */
  public PasswordHasher(SecureRandom random, PasswordAlgorithm current,
      PasswordAlgorithm... legacy) {
    this.random = random;
    this.current = current;
    this.legacy = List.of(legacy);
    char[] nothing = "dummy password for unknown accounts".toCharArray();
    this.dummy = current.hash(nothing, random);
  }

  /**
   * PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations.
   *
   * @param random the salt source
   * @return the hasher
   */
  public static PasswordHasher pbkdf2(SecureRandom random) {
    return new PasswordHasher(random, Pbkdf2.owasp());
  }

  /**
   * A new hash of {@code password} in the current scheme.
   *
   * @param password the password
   * @return the PHC string
   * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or not
   *     well-formed UTF-16
   */
  public String hash(char[] password) {
    if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
      throw new IllegalArgumentException("a password must have 1 to " + MAX_LENGTH
          + " characters");
    }
    if (!wellFormed(password)) {
      throw new IllegalArgumentException("a password must be well-formed UTF-16 (no unpaired "
          + "surrogate)");
    }
    return current.hash(normalise(password), random);
  }

  /**
   * Whether {@code password} matches {@code stored}, in whichever known scheme it is. Exactly
   * one verification runs whatever the answer.
   *
   * @param password the password
   * @param stored the stored hash, or null
   * @return whether it matches; false for an unknown scheme, a malformed hash, or a password
   *     that is empty, too long or malformed
   */
  public boolean verify(char[] password, String stored) {
    if (!acceptable(password)) {
      current.verify(STAND_IN.toCharArray(), dummy);
      return false;
    }
    char[] normal = normalise(password);
    if (current.recognises(stored)) {
      return current.verify(normal, stored);
    }
    for (PasswordAlgorithm a : legacy) {
      if (a.recognises(stored)) {
        return a.verify(normal, stored);
      }
    }
    current.verify(normal, dummy);
    return false;
  }

  /**
   * Spends the time of a verification without an account, so that an unknown email answers
   * as slowly as a wrong password.
   *
   * @param password the password that was offered
   */
  public void verifyDummy(char[] password) {
    current.verify(acceptable(password) ? normalise(password) : STAND_IN.toCharArray(), dummy);
  }

  /** Whether {@code password} can be a password at all: 1 to MAX_LENGTH well-formed chars. */
  private static boolean acceptable(char[] password) {
    return password != null && password.length > 0 && password.length <= MAX_LENGTH
        && wellFormed(password);
  }

  /**
   * Whether {@code stored} should be replaced after a successful login: another scheme, or the
   * current scheme at older parameters.
   *
   * @param stored the stored hash
   * @return whether to rehash
   */
  public boolean needsRehash(String stored) {
    return !current.recognises(stored) || !current.current(stored);
  }

  /**
   * The current scheme's name, for a {@code hash_algorithm} column.
   *
   * @return the name
   */
  public String algorithm() {
    return current.name();
  }

  /**
   * Whether every surrogate in {@code password} is half of a high-low pair: the characters
   * then have one UTF-8 encoding, and no two passwords share it.
   *
   * @param password the password
   * @return whether it is well-formed UTF-16
   */
  public static boolean wellFormed(char[] password) {
    for (int i = 0; i < password.length; i++) {
      if (Character.isHighSurrogate(password[i]) && i + 1 < password.length
          && Character.isLowSurrogate(password[i + 1])) {
        i++;
      } else if (Character.isSurrogate(password[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * NFKC, as NIST SP 800-63B asks, so one password typed on two keyboards is one password.
   *
   * @param password the password
   * @return its normalised characters
   */
  public static char[] normalise(char[] password) {
    return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC).toCharArray();
  }

  @Override
  public String toString() {
    return "PasswordHasher[" + current + "]";
  }
}
