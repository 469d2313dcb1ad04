package io.github.authspec.plugin.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Applies a repair of the migrations directory: new files first (each atomically), then the
 * files they replace are deleted, so an interrupted repair never loses a migration.
 */
public final class MigrationRewrite {
  private MigrationRewrite() {}

  public static void apply(Path directory, Map<String, String> writes, List<String> deletes)
      throws IOException {
    for (Map.Entry<String, String> w : writes.entrySet()) {
      AtomicFiles.write(directory.resolve(w.getKey()),
          w.getValue().getBytes(StandardCharsets.UTF_8));
    }
    for (String d : deletes) {
      if (!writes.containsKey(d)) {
        Files.deleteIfExists(directory.resolve(d));
      }
    }
  }
}
