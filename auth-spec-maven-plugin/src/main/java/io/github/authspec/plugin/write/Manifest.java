package io.github.authspec.plugin.write;

import io.github.authspec.plugin.generation.OutputRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files the plugin wrote in its last successful run, one {@code ROOT<TAB>path} per line,
 * after one {@code #ROOT<TAB>directory} line per output root. Only files listed here are ever
 * deleted as stale; the absolute directories let other executions detect overlapping output.
 */
public record Manifest(SortedSet<String> entries, SortedSet<String> roots) {
  public static final String FILE = "manifest.txt";

  public Manifest {
    entries = new TreeSet<>(entries);
    roots = new TreeSet<>(roots);
  }

  public static String entry(OutputRoot root, String path) {
    return root + "\t" + path;
  }

  public static String root(OutputRoot root, Path directory) {
    return "#" + root + "\t" + directory.toAbsolutePath().normalize();
  }

  public static Manifest read(Path stateDirectory) throws IOException {
    TreeSet<String> entries = new TreeSet<>();
    TreeSet<String> roots = new TreeSet<>();
    for (String line : lines(stateDirectory)) {
      if (line.startsWith("#")) {
        roots.add(line);
      } else if (!line.isBlank()) {
        entries.add(line);
      }
    }
    return new Manifest(entries, roots);
  }

  /**
   * The last run's manifest as written, root lines ({@code #}) included, or none: for a reader
   * that only walks the entries, without sorting them into a {@code Manifest}.
   */
  public static List<String> lines(Path stateDirectory) throws IOException {
    Path file = stateDirectory.resolve(FILE);
    return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
        : List.of();
  }

  /** Absolute paths of every listed file, resolved against the recorded roots. */
  public List<Path> absolutePaths() {
    List<Path> out = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.split("\t", 2);
      for (String root : roots) {
        String[] r = root.substring(1).split("\t", 2);
        if (parts.length == 2 && r.length == 2 && r[0].equals(parts[0])) {
          out.add(Path.of(r[1]).resolve(parts[1]));
        }
      }
    }
    return out;
  }

  public void write(Path stateDirectory) throws IOException {
    Files.createDirectories(stateDirectory);
    List<String> lines = new ArrayList<>(roots);
    lines.addAll(entries);
    AtomicFiles.write(stateDirectory.resolve(FILE),
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
