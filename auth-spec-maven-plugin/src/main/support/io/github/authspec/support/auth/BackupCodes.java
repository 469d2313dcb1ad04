package io.github.authspec.support.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recovery codes (NIST SP 800-63B look-up secrets): ten codes of 10 Crockford Base32
 * characters (50 random bits each), shown once as {@code xxxxx-xxxxx}, stored as
 * base64url(HMAC-SHA256(key, code)). A keyed hash, not a plain one: 50 bits are too few to
 * resist an offline search of a leaked table, and the key lives outside the database; being
 * deterministic, it lets one {@code UPDATE ... WHERE hash = ? AND NOT used} find and use up a
 * code atomically.
 */
public final class BackupCodes {
  /** How many codes a user gets. */
  public static final int COUNT = 10;
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int LENGTH = 10;

  private final SecretKeySpec key;
  private final SecureRandom random;

  /**
   * Codes under a key of at least 32 bytes.
   *
   * @param key the HMAC key (from a secrets manager)
   * @param random the code source
   */
  public BackupCodes(byte[] key, SecureRandom random) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.random = random;
  }

  /**
   * A fresh set of codes, for the user to write down.
   *
   * @return {@link #COUNT} codes
   */
  public List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder(LENGTH + 1);
      for (int j = 0; j < LENGTH; j++) {
        if (j == LENGTH / 2) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /**
   * The stored form of a typed code: case, spaces and hyphens do not matter, and {@code i l o}
   * read as {@code 1 1 0} (Crockford).
   *
   * @param typed what the user typed
   * @return the keyed hash, or null when it cannot be a code
   */
  public String hash(String typed) {
    if (typed == null || typed.length() > 4 * LENGTH) {
      return null;
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
      char mapped = c == 'i' || c == 'l' ? '1' : c == 'o' ? '0' : c;
      if (c == '-' || c == ' ') {
        continue;
      }
      if (ALPHABET.indexOf(mapped) < 0) {
        return null;
      }
      code.append(mapped);
    }
    if (code.length() != LENGTH) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(code.toString().getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "BackupCodes[HmacSHA256, key=***]";
  }
}
