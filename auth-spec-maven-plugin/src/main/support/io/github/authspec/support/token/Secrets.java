package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random secrets and their digests: every token this package hands out comes from here, and
 * only the SHA-256 of a token (base64url, 43 characters) is ever stored. Digests are compared
 * with {@link MessageDigest#isEqual}, which takes the same time for every input of one length.
 */
public final class Secrets {
  /** The random bytes of every opaque token: 256 bits. */
  public static final int TOKEN_BYTES = 32;

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

  private Secrets() {
  }

  /**
   * A new opaque token of {@link #TOKEN_BYTES} random bytes, base64url without padding.
   *
   * @param random the source of randomness (a {@link SecureRandom})
   * @return the token (43 characters)
   */
  public static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return base64Url(bytes);
  }

  /**
   * The stored form of a token: base64url(SHA-256(UTF-8 bytes)).
   *
   * @param token the token
   * @return its digest, 43 characters
   */
  public static String sha256(String token) {
    return base64Url(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * SHA-256 of bytes.
   *
   * @param bytes the input
   * @return the 32-byte digest
   */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * HMAC-SHA256, for values too short to be stored as a plain hash (numeric codes) and for
   * tamper-proof handles.
   *
   * @param key the key (at least 32 bytes)
   * @param data the message
   * @return the 32-byte tag
   */
  public static byte[] hmacSha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  /**
   * Constant-time comparison of two strings' UTF-8 bytes (digests of equal length).
   *
   * @param a one value
   * @param b the other
   * @return whether they are equal
   */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Base64url without padding (RFC 7515 §2).
   *
   * @param bytes the bytes
   * @return the text
   */
  public static String base64Url(byte[] bytes) {
    return B64URL.encodeToString(bytes);
  }

  /**
   * Decodes base64url without padding, refusing padding, whitespace, other alphabets and
   * non-canonical spellings (set unused bits in the last character).
   *
   * @param text the text
   * @return the bytes
   * @throws IllegalArgumentException when the text is not strict base64url
   */
  public static byte[] fromBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '_';
      if (!ok) {
        throw new IllegalArgumentException("not base64url: character at " + i);
      }
    }
    if (text.length() % 4 == 1) {
      throw new IllegalArgumentException("not base64url: impossible length");
    }
    byte[] bytes = B64URL_DECODER.decode(text);
    // The decoder ignores the unused low bits of the last character, so "…BA" and "…BB" give
    // the same bytes; only the canonical spelling is accepted, so a token has one text.
    if (!B64URL.encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("not base64url: non-canonical final character");
    }
    return bytes;
  }
}
