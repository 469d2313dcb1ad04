package io.github.authspec.plugin.sql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
record MigrationState(List<Version> versions, String schemaSha256, SchemaState schema) {
  static final String FILE = io.github.authspec.plugin.generation.MigrationsSnapshot.STATE_FILE;
  /**
   * Jackson's data binding, created on first use: only reading a full state needs it (the
   * unchanged-schema path reads a summary, and {@link StateJson} writes).
   */
  static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setDefaultPropertyInclusion(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
  }

  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(
      "\"version\" : (\\d+),\\s*\"file\" : \"([^\"]+)\",\\s*\"sha256\" : \"([0-9a-f]{64})\"");
  private static final java.util.regex.Pattern SCHEMA_SHA = java.util.regex.Pattern.compile(
      "\"schemaSha256\" : \"([0-9a-f]{64})\"");

  MigrationState {
    versions = List.copyOf(versions);
  }

  MigrationState(List<Version> versions, SchemaState schema) {
    this(versions, fingerprint(schema), schema);
  }

  /** A digest of a schema: equal digests, equal schemas (records print all their state). */
  static String fingerprint(SchemaState schema) {
    return sha256(schema.fingerprintText());
  }

  /**
   * The versions and schema digest of a state file, read without a JSON binder: the common
   * case (schema unchanged) then needs neither Jackson's data binding nor jOOQ. Empty when the
   * file is not in the shape this plugin writes.
   */
  static java.util.Optional<MigrationState> readSummary(String text) {
    java.util.regex.Matcher sha = SCHEMA_SHA.matcher(text);
    if (!sha.find()) {
      return java.util.Optional.empty();
    }
    List<Version> versions = new java.util.ArrayList<>();
    java.util.regex.Matcher v = VERSION.matcher(text);
    while (v.find()) {
      versions.add(new Version(Long.parseLong(v.group(1)), v.group(2), v.group(3)));
    }
    return java.util.Optional.of(new MigrationState(versions, sha.group(1), null));
  }

  /** One migration file the plugin wrote. */
  record Version(long version, String file, String sha256) {}

  static MigrationState empty() {
    return new MigrationState(List.of(), SchemaState.empty());
  }

  long nextVersion() {
    return versions.stream().mapToLong(Version::version).max().orElse(0) + 1;
  }

  static MigrationState read(String text) throws IOException {
    return Json.MAPPER.readValue(text, MigrationState.class);
  }

  String toJson() {
    return StateJson.write(this) + "\n";
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

}
