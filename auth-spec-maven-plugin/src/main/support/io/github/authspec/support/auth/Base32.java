package io.github.authspec.support.auth;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 Base32 (alphabet {@code A-Z2-7}), as authenticator apps expect TOTP secrets in an
 * {@code otpauth://} URI. Encoding omits the padding (Google's Key URI format); decoding accepts
 * it, lower case, spaces and hyphens.
 */
public final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Base32() {
  }

  /**
   * Encodes without padding.
   *
   * @param data the bytes
   * @return the Base32 text
   */
  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  /**
   * Encodes with {@code =} padding to a multiple of 8 characters (RFC 4648 §6).
   *
   * @param data the bytes
   * @return the padded Base32 text
   */
  public static String encodePadded(byte[] data) {
    StringBuilder out = new StringBuilder(encode(data));
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  /**
   * Decodes, ignoring case, padding, spaces and hyphens.
   *
   * @param text the Base32 text
   * @return the bytes
   * @throws IllegalArgumentException when a character is outside the alphabet (the message
   *     names its position, not the text)
   */
  public static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '=' || c == ' ' || c == '-') {
        continue;
      }
      int value;
      if (c >= 'A' && c <= 'Z') {
        value = c - 'A';
      } else if (c >= '2' && c <= '7') {
        value = c - '2' + 26;
      } else {
        throw new IllegalArgumentException("not Base32 at position " + i);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
