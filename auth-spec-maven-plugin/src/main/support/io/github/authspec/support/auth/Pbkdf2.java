package io.github.authspec.support.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) in PHC form, {@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>}
 * (standard Base64 without padding): the JDK-only default, at the iteration count OWASP's
 * Password Storage Cheat Sheet gives today (600,000), a 16-byte salt and a 32-byte key.
 */
public final class Pbkdf2 implements PasswordAlgorithm {
  /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
  public static final int OWASP_ITERATIONS = 600_000;
  private static final String ID = "$pbkdf2-sha256$";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final int MAX_ITERATIONS = 100_000_000;

  private final int iterations;

  /**
   * The scheme at {@code iterations}.
   *
   * @param iterations the current iteration count (hashes with fewer are rehashed on login)
   */
  public Pbkdf2(int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS);
    }
    this.iterations = iterations;
  }

  /**
   * The OWASP default.
   *
   * @return the scheme at 600,000 iterations
   */
  public static Pbkdf2 owasp() {
    return new Pbkdf2(OWASP_ITERATIONS);
  }

  /**
   * The raw derivation, for the published vectors.
   *
   * @param hmac {@code HmacSHA256} or {@code HmacSHA1}
   * @param password the password (encoded as UTF-8, as the JDK does)
   * @param salt the salt
   * @param iterations the iteration count
   * @param bytes the key length
   * @return the derived key
   */
  public static byte[] derive(String hmac, char[] password, byte[] salt, int iterations,
      int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2With" + hmac).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2With" + hmac + " is required by the JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public boolean recognises(String stored) {
    return stored != null && stored.startsWith(ID);
  }

  @Override
  public String hash(char[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] key = derive("HmacSHA256", password, salt, iterations, KEY_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ID + "i=" + iterations + ",l=" + KEY_BYTES + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(key);
  }

  @Override
  public boolean verify(char[] password, String stored) {
    Parsed p = parse(stored);
    if (p == null) {
      return false;
    }
    byte[] key = derive("HmacSHA256", password, p.salt, p.iterations, p.key.length);
    boolean equal = MessageDigest.isEqual(key, p.key);
    Arrays.fill(key, (byte) 0);
    return equal;
  }

  @Override
  public boolean current(String stored) {
    Parsed p = parse(stored);
    return p != null && p.iterations == iterations && p.salt.length >= SALT_BYTES
        && p.key.length == KEY_BYTES;
  }

  @Override
  public String name() {
    return "pbkdf2-sha256";
  }

  private record Parsed(int iterations, byte[] salt, byte[] key) {
  }

  private static Parsed parse(String stored) {
    if (stored == null || !stored.startsWith(ID)) {
      return null;
    }
    String[] parts = stored.substring(ID.length()).split("\\$", -1);
    if (parts.length != 3) {
      return null;
    }
    int iterations = -1;
    int length = -1;
    for (String param : parts[0].split(",")) {
      String[] kv = param.split("=", 2);
      if (kv.length != 2 || !kv[1].matches("[0-9]{1,9}")) {
        return null;
      }
      if (kv[0].equals("i")) {
        iterations = Integer.parseInt(kv[1]);
      } else if (kv[0].equals("l")) {
        length = Integer.parseInt(kv[1]);
      }
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] key = Base64.getDecoder().decode(parts[2]);
      boolean ok = iterations >= 1 && iterations <= MAX_ITERATIONS && salt.length > 0
          && key.length > 0 && key.length <= 64 && (length < 0 || length == key.length);
      return ok ? new Parsed(iterations, salt, key) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "Pbkdf2[HmacSHA256, " + iterations + " iterations]";
  }
}
