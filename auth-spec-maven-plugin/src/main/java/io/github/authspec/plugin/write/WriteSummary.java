package io.github.authspec.plugin.write;

import java.nio.file.Path;
import java.util.List;

/** What a write changed on disk, each list sorted. */
public record WriteSummary(List<Path> written, List<Path> unchanged, List<Path> deleted) {
  public WriteSummary {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
  }

  public static WriteSummary none() {
    return new WriteSummary(List.of(), List.of(), List.of());
  }

  /** {@code 3 written, 120 unchanged, 1 deleted}. */
  public String describe() {
    return written.size() + " written, " + unchanged.size() + " unchanged, " + deleted.size()
        + " deleted";
  }
}
