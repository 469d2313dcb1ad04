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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The up-to-date check. Its inputs are the effective configuration with the plugin version, the
 * spec, and each file of the migrations directory (a user may add, edit or delete a migration).
 * A successful run saves them: their exact bytes ({@value #FILE}) and each file's size and
 * modification time ({@value #STAT_FILE}). The next run is up to date when the configuration is
 * the same and either every file's size and time are too (as make or Gradle decide, without
 * reading the files) or, failing that, their bytes are; and when every file of the manifest
 * still exists. A saved copy rather than a digest: comparing bytes is exact and, in the cold JVM
 * of a Maven build, about thirty times cheaper than SHA-256 (which runs interpreted there).
 */
final class Fingerprint {
  static final String FILE = "inputs.snapshot";
  static final String STAT_FILE = "inputs.stat";

  private Fingerprint() {}

  /** Every input's bytes. */
  static byte[] inputs(GenerationRequest request, byte[] spec) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(spec.length * 2 + 1024);
    DataOutputStream out = new DataOutputStream(bytes);
    part(out, "configuration", request.fingerprintText().getBytes(StandardCharsets.UTF_8));
    part(out, "spec", spec);
    for (Path f : migrationFiles(request)) {
      part(out, "migration " + f.getFileName(), Files.readAllBytes(f));
    }
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * The spec's size, time and path, taken before its bytes are read: an edit after that moment
   * then shows in the next run's stat, so a copy of older bytes is never taken as current.
   */
  static String specStat(GenerationRequest request) {
    try {
      return statLine(request.specFile());
    } catch (IOException e) {
      return ""; // unreadable: the run reports it; nothing will be recorded
    }
  }

  /** The configuration, the spec's stat line, then each migration file's. */
  private static String stat(GenerationRequest request, String specStat) throws IOException {
    StringBuilder out = new StringBuilder(request.fingerprintText()).append('\0')
        .append(specStat);
    for (Path f : migrationFiles(request)) {
      out.append(statLine(f));
    }
    return out.toString();
  }

  private static String statLine(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " "
        + file.toAbsolutePath() + "\n";
  }

  private static List<Path> migrationFiles(GenerationRequest request) throws IOException {
    List<Path> files = new ArrayList<>();
    Path migrations = request.migrationsDirectory();
    if (Files.isDirectory(migrations)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(migrations)) {
        for (Path f : s) {
          if (Files.isRegularFile(f)) {
            files.add(f);
          }
        }
      }
      files.sort(null);
    }
    return files;
  }

  private static void part(DataOutputStream out, String name, byte[] content)
      throws IOException {
    out.writeUTF(name);
    out.writeInt(content.length);
    out.write(content);
  }

  /**
   * Why the output must be regenerated, or empty when it is up to date. Reads the inputs only
   * when their sizes or times changed.
   */
  static java.util.Optional<String> staleReason(GenerationRequest request, String specStat,
      byte[] spec) throws IOException {
    Path file = request.stateDirectory().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.of("no previous successful run recorded");
    }
    Path statFile = request.stateDirectory().resolve(STAT_FILE);
    String stat = stat(request, specStat);
    if (!Files.isRegularFile(statFile)
        || !Files.readString(statFile, StandardCharsets.UTF_8).equals(stat)) {
      if (!Arrays.equals(Files.readAllBytes(file), inputs(request, spec))) {
        return java.util.Optional.of("the spec, the configuration, the migrations or the "
            + "plugin version changed since the last run");
      }
      // Touched, not changed (a checkout, a copy): the next run need not read them again.
      Files.writeString(statFile, stat, StandardCharsets.UTF_8);
    }
    return missingOutput(request);
  }

  /**
   * A file of the last run's manifest that is gone. Each directory is listed once, and entries
   * are grouped by their directory as text: no {@code Path} is built per file (at 1,000 tables
   * that was most of an up-to-date build's own time).
   */
  private static java.util.Optional<String> missingOutput(GenerationRequest request)
      throws IOException {
    OutputWriter writer = new OutputWriter(request);
    Map<String, Set<String>> listings = new HashMap<>();
    // The lines as written (sorted): no Manifest, whose sets would sort them again.
    for (String entry : Manifest.lines(request.stateDirectory())) {
      int tab = entry.indexOf('\t');
      if (tab < 0 || entry.startsWith("#")) {
        continue;
      }
      // ROOT<TAB>dir/name: the key is ROOT<TAB>dir (roots hold no '/').
      int slash = entry.lastIndexOf('/');
      String key = entry.substring(0, slash > tab ? slash : tab + 1);
      Set<String> names = listings.computeIfAbsent(key, k -> names(
          writer.directory(OutputRoot.valueOf(k.substring(0, tab))).resolve(k.substring(tab + 1))));
      if (!names.contains(entry.substring(Math.max(slash, tab) + 1))) {
        return java.util.Optional.of("generated file " + entry.substring(tab + 1)
            + " is missing");
      }
    }
    return java.util.Optional.empty();
  }

  /** The names in a directory (none when it is gone); {@code File.list} makes no Path each. */
  private static Set<String> names(Path directory) {
    String[] names = directory.toFile().list();
    return names == null ? Set.of() : new HashSet<>(Arrays.asList(names));
  }

  /**
   * Records a successful run's inputs, read after it wrote (a migration is an input); each
   * file's stat is taken before its bytes, as {@link #specStat} is for the spec.
   */
  static void save(GenerationRequest request, String specStat, byte[] spec) throws IOException {
    String stat = stat(request, specStat);
    byte[] inputs = inputs(request, spec);
    Files.createDirectories(request.stateDirectory());
    Files.write(request.stateDirectory().resolve(FILE), inputs);
    Files.writeString(request.stateDirectory().resolve(STAT_FILE), stat, StandardCharsets.UTF_8);
  }
}
