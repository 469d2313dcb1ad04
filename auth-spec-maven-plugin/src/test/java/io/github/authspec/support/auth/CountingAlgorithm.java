package io.github.authspec.support.auth;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** PBKDF2 at a test cost that counts its verifications; every call still hashes for real. */
final class CountingAlgorithm implements PasswordAlgorithm {
  final AtomicInteger verifications = new AtomicInteger();
  private final Pbkdf2 real;
  private final int iterations;

  CountingAlgorithm(int iterations) {
    this.real = new Pbkdf2(iterations);
    this.iterations = iterations;
  }

  int iterations() {
    return iterations;
  }

  /** A hasher over a counting PBKDF2 at {@code iterations}. */
  static PasswordHasher hasher(CountingAlgorithm algorithm) {
    return new PasswordHasher(new SecureRandom(), algorithm);
  }

  @Override
  public boolean recognises(String stored) {
    return real.recognises(stored);
  }

  @Override
  public String hash(char[] password, SecureRandom random) {
    return real.hash(password, random);
  }

  @Override
  public boolean verify(char[] password, String stored) {
    verifications.incrementAndGet();
    return real.verify(password, stored);
  }

  @Override
  public boolean current(String stored) {
    return real.current(stored);
  }

  @Override
  public String name() {
    return real.name();
  }
}
