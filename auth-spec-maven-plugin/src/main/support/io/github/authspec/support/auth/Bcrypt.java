package io.github.authspec.support.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Verifies legacy bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) through Bouncy
 * Castle, so accounts imported from a bcrypt system can log in and be rehashed; it never makes
 * new ones (bcrypt truncates at 72 bytes). Needs {@code org.bouncycastle:bcprov-jdk18on}.
 */
public final class Bcrypt implements PasswordAlgorithm {
  /** A verifier of legacy hashes. */
  public Bcrypt() {
  }

  @Override
  public boolean recognises(String stored) {
    return stored != null && stored.length() == 60 && (stored.startsWith("$2a$")
        || stored.startsWith("$2b$") || stored.startsWith("$2y$"));
  }

  @Override
  public String hash(char[] password, SecureRandom random) {
    throw new UnsupportedOperationException("bcrypt is verified for legacy hashes only");
  }

  @Override
  public boolean verify(char[] password, String stored) {
    try {
      return recognises(stored) && OpenBSDBCrypt.checkPassword(stored, password);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean current(String stored) {
    return false;
  }

  @Override
  public String name() {
    return "bcrypt";
  }

  @Override
  public String toString() {
    return "Bcrypt[verify only]";
  }
}
