package io.github.authspec.support.auth;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle, in PHC form
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, at OWASP's parameters (19 MiB, 2
 * passes, 1 lane), a 16-byte salt and a 32-byte tag. Needs {@code
 * org.bouncycastle:bcprov-jdk18on}.
 */
public final class Argon2id implements PasswordAlgorithm {
  private static final String ID = "$argon2id$v=19$";
  private static final int SALT_BYTES = 16;
  private static final int TAG_BYTES = 32;

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;

  /**
   * The scheme at given parameters.
   *
   * @param memoryKib memory in KiB
   * @param iterations passes
   * @param parallelism lanes
   */
  public Argon2id(int memoryKib, int iterations, int parallelism) {
    if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1
        || memoryKib > 4 * 1024 * 1024) {
      throw new IllegalArgumentException("Argon2id needs m >= 8p KiB (at most 4 GiB), t >= 1, "
          + "p >= 1");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /**
   * OWASP's first choice: m = 19 MiB, t = 2, p = 1.
   *
   * @return the scheme
   */
  public static Argon2id owasp() {
    return new Argon2id(19_456, 2, 1);
  }

  /**
   * A hasher that writes Argon2id and still verifies PBKDF2 and legacy bcrypt hashes, rehashing
   * them at the next login.
   *
   * @param random the salt source
   * @return the hasher
   */
  public static PasswordHasher hasher(SecureRandom random) {
    return new PasswordHasher(random, owasp(), Pbkdf2.owasp(), new Bcrypt());
  }

  /**
   * The raw Argon2id tag (version 0x13), with the optional secret K and associated data X of
   * RFC 9106, for the published vectors.
   *
   * @param password P
   * @param salt S
   * @param secret K, or null
   * @param additional X, or null
   * @param memoryKib m
   * @param iterations t
   * @param parallelism p
   * @param tagBytes T
   * @return the tag
   */
  public static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] additional,
      int memoryKib, int iterations, int parallelism, int tagBytes) {
    Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib)
        .withIterations(iterations).withParallelism(parallelism).withSalt(salt);
    if (secret != null) {
      b.withSecret(secret);
    }
    if (additional != null) {
      b.withAdditional(additional);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(b.build());
    byte[] tag = new byte[tagBytes];
    generator.generateBytes(password, tag);
    return tag;
  }

  @Override
  public boolean recognises(String stored) {
    return stored != null && stored.startsWith(ID);
  }

  @Override
  public String hash(char[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] tag = derive(password, salt, memoryKib, iterations, parallelism, TAG_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ID + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
        + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
  }

  @Override
  public boolean verify(char[] password, String stored) {
    Parsed p = parse(stored);
    if (p == null) {
      return false;
    }
    byte[] tag = derive(password, p.salt, p.memory, p.iterations, p.parallelism, p.tag.length);
    boolean equal = MessageDigest.isEqual(tag, p.tag);
    Arrays.fill(tag, (byte) 0);
    return equal;
  }

  @Override
  public boolean current(String stored) {
    Parsed p = parse(stored);
    return p != null && p.memory == memoryKib && p.iterations == iterations
        && p.parallelism == parallelism && p.tag.length == TAG_BYTES;
  }

  @Override
  public String name() {
    return "argon2id";
  }

  private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
    java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      return derive(bytes, salt, null, null, m, t, p, length);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] tag) {
  }

  private static Parsed parse(String stored) {
    if (stored == null || !stored.startsWith(ID)) {
      return null;
    }
    String[] parts = stored.substring(ID.length()).split("\\$", -1);
    if (parts.length != 3 || !parts[0].matches("m=[0-9]{1,7},t=[0-9]{1,3},p=[0-9]{1,3}")) {
      return null;
    }
    String[] params = parts[0].split(",");
    int m = Integer.parseInt(params[0].substring(2));
    int t = Integer.parseInt(params[1].substring(2));
    int p = Integer.parseInt(params[2].substring(2));
    try {
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] tag = Base64.getDecoder().decode(parts[2]);
      boolean ok = m >= 8 * p && m <= 4 * 1024 * 1024 && t >= 1 && p >= 1 && salt.length >= 8
          && tag.length >= 16 && tag.length <= 64;
      return ok ? new Parsed(m, t, p, salt, tag) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "Argon2id[m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + "]";
  }
}
