package io.github.authspec.plugin.generation;

import io.github.authspec.plugin.write.Manifest;
import io.github.authspec.plugin.write.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The up-to-date check: a SHA-256 of the spec bytes, the effective configuration, the plugin
 * version and the migrations directory's content (a user may add, edit or delete a migration).
 * Saved only after a successful run; a run is skipped when it matches and every file of the
 * manifest still exists.
 */
final class Fingerprint {
  static final String FILE = "fingerprint.txt";

  private Fingerprint() {}

  static String compute(GenerationRequest request, byte[] spec) throws IOException {
    MessageDigest digest = sha256();
    digest.update(request.fingerprintText().getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(spec);
    Path migrations = request.migrationsDirectory();
    if (Files.isDirectory(migrations)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(migrations)) {
        s.forEach(files::add);
      }
      files.sort(null);
      for (Path f : files) {
        if (Files.isRegularFile(f)) {
          digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(Files.readAllBytes(f));
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Why the output must be regenerated, or empty when it is up to date. */
  static java.util.Optional<String> staleReason(GenerationRequest request, String current)
      throws IOException {
    Path file = request.stateDirectory().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.of("no previous successful run recorded");
    }
    String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (!saved.equals(current)) {
      return java.util.Optional.of("the spec, the configuration, the migrations or the plugin "
          + "version changed since the last run");
    }
    OutputWriter writer = new OutputWriter(request);
    for (String entry : Manifest.read(request.stateDirectory()).entries()) {
      String[] parts = entry.split("\t", 2);
      if (parts.length == 2 && !Files.isRegularFile(
          writer.resolve(OutputRoot.valueOf(parts[0]), parts[1]))) {
        return java.util.Optional.of("generated file " + parts[1] + " is missing");
      }
    }
    return java.util.Optional.empty();
  }

  static void save(GenerationRequest request, String fingerprint) throws IOException {
    Files.createDirectories(request.stateDirectory());
    Files.writeString(request.stateDirectory().resolve(FILE), fingerprint + "\n",
        StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}
