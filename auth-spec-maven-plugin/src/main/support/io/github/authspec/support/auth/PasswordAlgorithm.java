package io.github.authspec.support.auth;

import java.security.SecureRandom;

/**
 * One password hashing scheme with its PHC string form ({@code $<id>$<params>$<salt>$<hash>}).
 * Passwords arrive NFKC-normalised; implementations never log or keep them.
 */
public interface PasswordAlgorithm {
  /**
   * Whether {@code stored} is a hash of this scheme.
   *
   * @param stored a stored hash string
   * @return whether this scheme reads it
   */
  boolean recognises(String stored);

  /**
   * A new hash with a fresh salt, at this scheme's current parameters.
   *
   * @param password the normalised password
   * @param random the salt source
   * @return the PHC string
   */
  String hash(char[] password, SecureRandom random);

  /**
   * Checks a password against a stored hash of this scheme, in time independent of where the
   * two differ.
   *
   * @param password the normalised password
   * @param stored the stored hash
   * @return whether it matches; false for a malformed hash
   */
  boolean verify(char[] password, String stored);

  /**
   * Whether a stored hash of this scheme uses the current parameters; when not, a successful
   * login rehashes it.
   *
   * @param stored the stored hash
   * @return whether it is current
   */
  boolean current(String stored);

  /**
   * The scheme's name for a {@code hash_algorithm} column, e.g. {@code pbkdf2-sha256}.
   *
   * @return the name
   */
  String name();
}
