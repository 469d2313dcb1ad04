package io.github.authspec.support.auth;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The cost of one login's password verification on this machine, median of a few runs, for
 * PBKDF2-HMAC-SHA256 at 600,000 iterations and (with Bouncy Castle on the class path) Argon2id
 * at OWASP's parameters, as ratios against one SHA-256 PBKDF2 iteration block of 1,000
 * iterations measured in the same run. Not a test; run it with
 * {@code mvn -o -q -pl auth-spec-maven-plugin test-compile exec:java} or from the IDE:
 * {@code java -cp <test classpath> io.github.authspec.support.auth.HashingBench}.
 */
public final class HashingBench {
  private HashingBench() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    SecureRandom random = new SecureRandom();
    char[] password = "correct horse battery staple".toCharArray();
    double baseline = median(runs, new Pbkdf2(1_000), password, random);
    double pbkdf2 = median(runs, Pbkdf2.owasp(), password, random);
    double argon2 = median(runs, Argon2id.owasp(), password, random);
    System.out.printf("baseline PBKDF2-SHA256 1,000 iterations: %.2f ms%n", baseline);
    System.out.printf("PBKDF2-SHA256 600,000 iterations: %.1f ms per login (%.0fx baseline)%n",
        pbkdf2, pbkdf2 / baseline);
    System.out.printf("Argon2id m=19 MiB t=2 p=1: %.1f ms per login (%.0fx baseline)%n",
        argon2, argon2 / baseline);
  }

  private static double median(int runs, PasswordAlgorithm algorithm, char[] password,
      SecureRandom random) {
    String stored = algorithm.hash(password, random);
    algorithm.verify(password, stored);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      if (!algorithm.verify(password, stored)) {
        throw new IllegalStateException("verification failed");
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
