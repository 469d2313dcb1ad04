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
 * The files the plugin wrote in its last successful run, one {@code ROOT<TAB>path} per line.
 * Only files listed here are ever deleted as stale.
 */
public record Manifest(SortedSet<String> entries) {
  public static final String FILE = "manifest.txt";

  public Manifest {
    entries = new TreeSet<>(entries);
  }

  public static String entry(OutputRoot root, String path) {
    return root + "\t" + path;
  }

  public static Manifest read(Path stateDirectory) throws IOException {
    Path file = stateDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Manifest(new TreeSet<>());
    }
    return new Manifest(new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8)));
  }

  public void write(Path stateDirectory) throws IOException {
    Files.createDirectories(stateDirectory);
    List<String> lines = new ArrayList<>(entries);
    AtomicFiles.write(stateDirectory.resolve(FILE),
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
