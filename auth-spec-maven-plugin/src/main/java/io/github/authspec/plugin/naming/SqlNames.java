package io.github.authspec.plugin.naming;

import io.github.authspec.model.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** PostgreSQL's limit on constraint and index names, kept deterministic; for {@link Naming}. */
final class SqlNames {
  private static final int MAX_SQL_NAME_BYTES = Identifiers.MAX_SQL_NAME_BYTES;

  private SqlNames() {}

  /**
   * {@code prefix_part_part}; past PostgreSQL's 63-byte limit the name is cut and ends in 8 hex
   * digits of its SHA-256, so it stays deterministic and distinct.
   */
  static String sqlName(String prefix, String... parts) {
    String full = prefix + "_" + String.join("_", parts);
    byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_SQL_NAME_BYTES) {
      return full;
    }
    String hash = HexFormat.of().formatHex(sha256(full)).substring(0, 8);
    return full.substring(0, MAX_SQL_NAME_BYTES - 9) + "_" + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}
