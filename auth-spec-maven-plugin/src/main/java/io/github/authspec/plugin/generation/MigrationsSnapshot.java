package io.github.authspec.plugin.generation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The migrations directory as the run found it, read once before any generator runs: the bytes
 * of every versioned migration ({@code V*.sql}) and of the plugin's state file. Generators read
 * this, never the disk, so a run's inputs are fixed before its outputs are planned.
 *
 * @param directory where the files are (for messages and located diagnostics)
 * @param versioned each {@code V*.sql} regular file's bytes, by file name
 * @param state the state file's bytes, when there is one
 */
public record MigrationsSnapshot(Path directory, SortedMap<String, byte[]> versioned,
    Optional<byte[]> state) {
  /** The plugin's state file beside the migrations. */
  public static final String STATE_FILE = "auth-spec-migrations.json";

  public MigrationsSnapshot {
    versioned = Collections.unmodifiableSortedMap(new TreeMap<>(versioned));
  }

  /**
   * Reads {@code directory}; a directory that does not exist is empty.
   *
   * @param directory the migrations directory
   * @return what it holds
   * @throws IOException when it cannot be read
   */
  public static MigrationsSnapshot read(Path directory) throws IOException {
    SortedMap<String, byte[]> versioned = new TreeMap<>();
    Optional<byte[]> state = Optional.empty();
    if (Files.isDirectory(directory)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, "V*.sql")) {
        for (Path p : s) {
          if (Files.isRegularFile(p)) {
            versioned.put(p.getFileName().toString(), Files.readAllBytes(p));
          }
        }
      }
      Path file = directory.resolve(STATE_FILE);
      if (Files.isRegularFile(file)) {
        state = Optional.of(Files.readAllBytes(file));
      }
    }
    return new MigrationsSnapshot(directory, versioned, state);
  }
}
