package io.github.authspec.support.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the spec declares about one Redis key pattern, and the key codec every generated key
 * class uses. Placeholder values are percent-encoded: every byte outside {@code A-Z a-z 0-9 . _ -}
 * becomes {@code %XX}, so a value can never contain the pattern's delimiters or braces, and no
 * value can forge another key.
 *
 * @param pattern the pattern as the spec writes it, e.g. {@code acl:{userId}:{resource}}
 * @param keyClass the generated key class
 * @param type the Redis data type
 * @param ttl the time to live; empty for pinned keys and keys without one
 * @param expiry when the TTL is applied
 * @param serialization how values are encoded
 * @param compression how encoded values are compressed
 * @param prettyJson whether JSON values are indented
 * @param hashFields the fields of a Hash key
 * @param scoreField the member field that is the score of a Sorted Set key
 * @param pinned whether the key must never expire
 */
public record KeySpec(String pattern, Class<?> keyClass, Type type, Optional<Duration> ttl,
    Expiry expiry, Serialization serialization, Compression compression, boolean prettyJson,
    List<String> hashFields, Optional<String> scoreField, boolean pinned) {

  /** Keeps an unmodifiable copy of {@code hashFields}: a declaration never changes. */
  public KeySpec {
    hashFields = List.copyOf(hashFields);
  }

  /** A concrete key of a generated key class, with its declaration. */
  public interface Ref {
    /**
     * The concrete key.
     *
     * @return the key
     */
    String key();

    /**
     * What the spec declares about the key.
     *
     * @return the declaration
     */
    KeySpec spec();
  }

  /** Redis data types. */
  public enum Type {
    /** A string value. */
    STRING,
    /** A hash of fields. */
    HASH,
    /** A list. */
    LIST,
    /** A set of members. */
    SET,
    /** A set of members ordered by score. */
    SORTED_SET
  }

  /** When the TTL is applied. */
  public enum Expiry {
    /** No TTL: the key lives until deleted. */
    NONE,
    /** The TTL is set on every write. */
    ON_WRITE,
    /** The TTL is set on every write and restored on every read. */
    SLIDING
  }

  /** How values are encoded. */
  public enum Serialization {
    /** Plain strings. */
    STRING,
    /** JSON, through a codec the application supplies. */
    JSON
  }

  /** How encoded values are compressed. */
  public enum Compression {
    /** Stored as encoded. */
    NONE,
    /** gzip (RFC 1952). */
    GZIP
  }

  /**
   * Percent-encodes a placeholder value (UTF-8).
   *
   * @param value the value
   * @return the value with every byte outside {@code A-Z a-z 0-9 . _ -} as {@code %XX}
   */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isPlain((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Reverses {@link #encode}, strictly: only what the encoder writes is read (upper-case
   * ASCII hex, no plain character escaped, whole UTF-8), so one value has exactly one key.
   *
   * @param encoded an encoded value
   * @return the value, or empty when {@code encoded} is not a valid encoding
   */
  public static Optional<String> decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (isPlain(c)) {
        bytes.write(c);
      } else {
        return Optional.empty();
      }
    }
    String value = bytes.toString(StandardCharsets.UTF_8);
    // Character.digit takes lower case and other scripts' digits, and malformed UTF-8 reads
    // as U+FFFD: only the encoding encode itself writes round-trips.
    return encode(value).equals(encoded) ? Optional.of(value) : Optional.empty();
  }

  /**
   * Splits a concrete key into its encoded placeholder values.
   *
   * @param key the key
   * @param prefix the key prefix of this build ({@code ""} for none)
   * @param segments the pattern: literal text, with {@code null} for each placeholder
   * @param hashTag whether the first placeholder is wrapped in a cluster hash tag
   * @return the encoded values in order, or empty when the key does not match
   */
  public static Optional<List<String>> match(String key, String prefix, String[] segments,
      boolean hashTag) {
    if (!key.startsWith(prefix)) {
      return Optional.empty();
    }
    int pos = prefix.length();
    List<String> values = new ArrayList<>();
    for (String segment : segments) {
      if (segment != null) {
        if (!key.startsWith(segment, pos)) {
          return Optional.empty();
        }
        pos += segment.length();
        continue;
      }
      boolean tagged = hashTag && values.isEmpty();
      if (tagged) {
        if (pos >= key.length() || key.charAt(pos) != '{') {
          return Optional.empty();
        }
        pos++;
      }
      int end = pos;
      while (end < key.length() && (isPlain(key.charAt(end)) || key.charAt(end) == '%')) {
        end++;
      }
      values.add(key.substring(pos, end));
      pos = end;
      if (tagged) {
        if (pos >= key.length() || key.charAt(pos) != '}') {
          return Optional.empty();
        }
        pos++;
      }
    }
    return pos == key.length() ? Optional.of(values) : Optional.empty();
  }

  private static boolean isPlain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '-';
  }
}
