package io.github.authspec.plugin.generation;

import io.github.authspec.plugin.write.Manifest;
import io.github.authspec.plugin.write.OutputWriter;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The up-to-date check: the exact bytes of every input (the effective configuration with the
 * plugin version, the spec, and each file of the migrations directory, where a user may add,
 * edit or delete a migration), saved after a successful run and compared byte for byte with the
 * next run's. A run is skipped when they are equal and every file of the manifest still exists.
 * A saved copy rather than a digest: comparing bytes is exact and, in the cold JVM of a Maven
 * build, about thirty times cheaper than SHA-256 (which runs interpreted there).
 */
final class Fingerprint {
  static final String FILE = "inputs.snapshot";

  private Fingerprint() {}

  /** Every input in one array, each part named and length-prefixed so no two inputs collide. */
  static byte[] inputs(GenerationRequest request, byte[] spec) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(spec.length * 2 + 1024);
    DataOutputStream out = new DataOutputStream(bytes);
    part(out, "configuration", request.fingerprintText().getBytes(StandardCharsets.UTF_8));
    part(out, "spec", spec);
    Path migrations = request.migrationsDirectory();
    if (Files.isDirectory(migrations)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(migrations)) {
        s.forEach(files::add);
      }
      files.sort(null);
      for (Path f : files) {
        if (Files.isRegularFile(f)) {
          part(out, "migration " + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static void part(DataOutputStream out, String name, byte[] content)
      throws IOException {
    out.writeUTF(name);
    out.writeInt(content.length);
    out.write(content);
  }

  /** Why the output must be regenerated, or empty when it is up to date. */
  static java.util.Optional<String> staleReason(GenerationRequest request, byte[] inputs)
      throws IOException {
    Path file = request.stateDirectory().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.of("no previous successful run recorded");
    }
    if (!Arrays.equals(Files.readAllBytes(file), inputs)) {
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

  static void save(GenerationRequest request, byte[] inputs) throws IOException {
    Files.createDirectories(request.stateDirectory());
    Files.write(request.stateDirectory().resolve(FILE), inputs);
  }
}
