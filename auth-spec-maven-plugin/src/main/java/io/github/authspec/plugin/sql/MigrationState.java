package io.github.authspec.plugin.sql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The committed record beside the migrations ({@value #FILE}): every version the plugin wrote
 * with its checksum, and the schema they build. It is how the next build knows the current
 * schema without a database, and how it notices a migration edited or deleted by hand. Flyway
 * ignores it (it is not a {@code .sql} file).
 */
record MigrationState(List<Version> versions, SchemaState schema) {
  static final String FILE = "auth-spec-migrations.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  MigrationState {
    versions = List.copyOf(versions);
  }

  /** One migration file the plugin wrote. */
  record Version(int version, String file, String sha256) {}

  static MigrationState empty() {
    return new MigrationState(List.of(), SchemaState.empty());
  }

  int nextVersion() {
    return versions.stream().mapToInt(Version::version).max().orElse(0) + 1;
  }

  static MigrationState read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), MigrationState.class);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise migration state", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE));
  }
}
