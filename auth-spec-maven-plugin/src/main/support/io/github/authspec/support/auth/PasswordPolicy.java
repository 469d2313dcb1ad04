package io.github.authspec.support.auth;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Password rules after NIST SP 800-63B-4 §3.1.1.2: at least 15 characters when the password is
 * the only factor, 8 with a second factor; at least 64 allowed; length counted in Unicode code
 * points after NFKC; no composition rules unless the spec's policy row asks for them; a block
 * list (breached, common, context words). A candidate over {@link PasswordHasher#MAX_LENGTH}
 * characters, or with an unpaired surrogate (which no hash could tell from {@code ?}), is
 * refused before it is normalised.
 *
 * @param minLength the minimum length in code points
 * @param maxLength the maximum length in code points (at least 64)
 * @param upper whether an upper-case letter is required (a composition rule)
 * @param lower whether a lower-case letter is required (a composition rule)
 * @param digit whether a digit is required (a composition rule)
 * @param special whether a character that is neither a letter nor a digit is required
 */
public record PasswordPolicy(int minLength, int maxLength, boolean upper, boolean lower,
    boolean digit, boolean special) {

  /** NIST's minimum when the password is the only factor. */
  public static final int SINGLE_FACTOR_MIN = 15;
  /** NIST's minimum when a second factor is required too. */
  public static final int MULTI_FACTOR_MIN = 8;
  /** NIST: verifiers SHOULD permit at least 64 characters. */
  public static final int MIN_MAXIMUM = 64;

  /**
   * A policy; a maximum below 64 is raised to 64, one above the hard limit lowered to it.
   */
  public PasswordPolicy {
    if (minLength < 1) {
      throw new IllegalArgumentException("minLength must be at least 1");
    }
    maxLength = Math.min(PasswordHasher.MAX_LENGTH, Math.max(MIN_MAXIMUM, maxLength));
    if (minLength > maxLength) {
      throw new IllegalArgumentException("minLength exceeds maxLength");
    }
  }

  /**
   * NIST's defaults: no composition rules, up to {@link PasswordHasher#MAX_LENGTH} characters.
   *
   * @param multiFactor whether every account also has a second factor
   * @return the policy
   */
  public static PasswordPolicy nist(boolean multiFactor) {
    return new PasswordPolicy(multiFactor ? MULTI_FACTOR_MIN : SINGLE_FACTOR_MIN,
        PasswordHasher.MAX_LENGTH, false, false, false, false);
  }

  /**
   * The block-list form of a password: upper-case hex SHA-1 of its NFKC UTF-8 bytes, the format
   * of the Pwned Passwords downloads (a lookup key, not a password hash).
   *
   * @param normal the normalised password
   * @return 40 hex digits
   */
  public static String blocklistHash(String normal) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-1")
          .digest(normal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().withUpperCase().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the JDK", e);
    }
  }

  /**
   * The rules {@code candidate} breaks, as sentences for the user; empty when it is acceptable.
   *
   * @param candidate the password
   * @param blocked whether a normalised password is on a block list (breached, common)
   * @param contextWords words the password must not contain (service name, user's email)
   * @return the violations
   */
  public List<String> violations(char[] candidate, Predicate<String> blocked,
      List<String> contextWords) {
    List<String> out = new ArrayList<>();
    if (candidate == null || candidate.length == 0) {
      out.add("a password is required");
      return out;
    }
    if (candidate.length > PasswordHasher.MAX_LENGTH) {
      out.add("at most " + maxLength + " characters");
      return out;
    }
    if (!PasswordHasher.wellFormed(candidate)) {
      out.add("only whole Unicode characters");
      return out;
    }
    String normal = Normalizer.normalize(CharBuffer.wrap(candidate), Normalizer.Form.NFKC);
    int length = normal.codePointCount(0, normal.length());
    if (length < minLength) {
      out.add("at least " + minLength + " characters");
    }
    if (length > maxLength) {
      out.add("at most " + maxLength + " characters");
    }
    if (upper && normal.codePoints().noneMatch(Character::isUpperCase)) {
      out.add("an upper-case letter");
    }
    if (lower && normal.codePoints().noneMatch(Character::isLowerCase)) {
      out.add("a lower-case letter");
    }
    if (digit && normal.codePoints().noneMatch(Character::isDigit)) {
      out.add("a digit");
    }
    if (special && normal.codePoints().allMatch(Character::isLetterOrDigit)) {
      out.add("a character that is neither a letter nor a digit");
    }
    String lowered = normal.toLowerCase(Locale.ROOT);
    for (String word : contextWords) {
      if (word != null && word.length() >= 4 && lowered.contains(word.toLowerCase(Locale.ROOT))) {
        out.add("not a word of the service or the account");
        break;
      }
    }
    if (blocked != null && blocked.test(normal)) {
      out.add("not a known breached or common password");
    }
    return out;
  }
}
