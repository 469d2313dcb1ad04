package io.github.authspec.support.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) codes, the {@code otpauth://} enrolment URI, and
 * verification that compares every candidate in constant time and reports which counter or
 * time step matched, so the caller can record it atomically and refuse it a second time.
 */
public final class Otp {
  /** The HMAC of the code: SHA-1 is what authenticator apps use; RFC 6238 allows the others. */
  public enum Algorithm {
    /** HMAC-SHA-1, with a 20-byte seed. */
    SHA1("HmacSHA1", 20),
    /** HMAC-SHA-256, with a 32-byte seed. */
    SHA256("HmacSHA256", 32),
    /** HMAC-SHA-512, with a 64-byte seed. */
    SHA512("HmacSHA512", 64);

    private final String mac;
    private final int seedBytes;

    Algorithm(String mac, int seedBytes) {
      this.mac = mac;
      this.seedBytes = seedBytes;
    }

    /**
     * The seed length RFC 6238 Appendix B uses for this HMAC (its full output length).
     *
     * @return bytes
     */
    public int seedBytes() {
      return seedBytes;
    }
  }

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000};

  private final Algorithm algorithm;
  private final int digits;
  private final long periodSeconds;

  /**
   * A code generator.
   *
   * @param algorithm the HMAC
   * @param digits 6 to 8
   * @param periodSeconds the TOTP time step (30 in RFC 6238)
   */
  public Otp(Algorithm algorithm, int digits, long periodSeconds) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("digits must be 6 to 8");
    }
    if (periodSeconds < 1) {
      throw new IllegalArgumentException("period must be at least 1 second");
    }
    this.algorithm = algorithm;
    this.digits = digits;
    this.periodSeconds = periodSeconds;
  }

  /**
   * What authenticator apps support everywhere: SHA-1, 6 digits, 30 seconds.
   *
   * @return the generator
   */
  public static Otp standard() {
    return new Otp(Algorithm.SHA1, 6, 30);
  }

  /**
   * A new random seed as long as the HMAC's output (160 bits for SHA-1; RFC 4226 R6 asks
   * at least 128 and recommends 160).
   *
   * @param random the source
   * @return the seed
   */
  public byte[] newSeed(SecureRandom random) {
    byte[] seed = new byte[algorithm.seedBytes()];
    random.nextBytes(seed);
    return seed;
  }

  /**
   * The HOTP value of {@code counter} (RFC 4226 §5.3, dynamic truncation).
   *
   * @param seed the shared secret
   * @param counter the moving factor
   * @return the code, zero-padded to the digits
   */
  public String hotp(byte[] seed, long counter) {
    byte[] hash = mac(seed, counter);
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * The time step of an instant: {@code floor(epochSeconds / period)} (RFC 6238 §4.2).
   *
   * @param at the time
   * @return the step
   */
  public long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), periodSeconds);
  }

  /**
   * When a time step begins; what a timestamp column stores as the last used step.
   *
   * @param step the step
   * @return its first instant
   */
  public Instant stepStart(long step) {
    return Instant.ofEpochSecond(Math.multiplyExact(step, periodSeconds));
  }

  /**
   * The TOTP value at an instant.
   *
   * @param seed the shared secret
   * @param at the time
   * @return the code
   */
  public String totp(byte[] seed, Instant at) {
    return hotp(seed, step(at));
  }

  /**
   * The counter in {@code [from, from + window]} whose code equals {@code code}, for HOTP with a
   * look-ahead window (RFC 4226 §7.2). Every candidate is computed and compared.
   *
   * @param seed the shared secret
   * @param code what the user typed
   * @param from the next expected counter
   * @param window how many counters past it to try
   * @return the matching counter, or empty
   */
  public OptionalLong matchCounter(byte[] seed, String code, long from, int window) {
    return match(seed, code, from, from + window);
  }

  /**
   * The time step within {@code drift} steps of {@code now} whose code equals {@code code}
   * (RFC 6238 §5.2). Every candidate is computed and compared, so the time does not depend on
   * which one matched.
   *
   * @param seed the shared secret
   * @param code what the user typed
   * @param now the time of verification
   * @param drift the steps accepted either side (1 per RFC 6238's recommendation)
   * @return the matching step, or empty
   */
  public OptionalLong matchStep(byte[] seed, String code, Instant now, int drift) {
    long current = step(now);
    return match(seed, code, current - drift, current + drift);
  }

  private OptionalLong match(byte[] seed, String code, long first, long last) {
    byte[] typed = normalise(code);
    long found = -1;
    boolean matched = false;
    for (long c = first; c <= last; c++) {
      boolean equal = typed != null && c >= 0 && MessageDigest.isEqual(typed,
          hotp(seed, c).getBytes(StandardCharsets.US_ASCII));
      if (equal && !matched) {
        found = c;
        matched = true;
      }
    }
    return matched ? OptionalLong.of(found) : OptionalLong.empty();
  }

  /** The typed code as ASCII digits of the right length, or null when it cannot match. */
  private byte[] normalise(String code) {
    if (code == null) {
      return null;
    }
    String stripped = code.replace(" ", "");
    if (stripped.length() != digits) {
      return null;
    }
    for (int i = 0; i < stripped.length(); i++) {
      if (stripped.charAt(i) < '0' || stripped.charAt(i) > '9') {
        return null;
      }
    }
    return stripped.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The {@code otpauth://totp/} URI for a QR code (Google Key URI format): Base32 secret
   * without padding, issuer as label prefix and parameter.
   *
   * @param issuer the service's name
   * @param account the user's name at the service
   * @param seed the shared secret
   * @return the URI text
   */
  public String uri(String issuer, String account, byte[] seed) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + Base32.encode(seed) + "&issuer="
        + encode(issuer) + "&algorithm=" + algorithm.name() + "&digits=" + digits
        + "&period=" + periodSeconds;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private byte[] mac(byte[] seed, long counter) {
    try {
      Mac mac = Mac.getInstance(algorithm.mac);
      mac.init(new SecretKeySpec(seed, "RAW"));
      byte[] message = new byte[8];
      for (int i = 7; i >= 0; i--) {
        message[i] = (byte) counter;
        counter >>>= 8;
      }
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.mac + " is required by the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Otp[" + algorithm + ", " + digits + " digits, " + periodSeconds + " s]";
  }
}
