package io.github.authspec.plugin.write;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The only code that writes generated output. Rewrites a file only when its bytes change,
 * deletes files of the previous manifest that are no longer produced (never migrations), and
 * records the new manifest.
 */
public final class OutputWriter {
  private final GenerationRequest request;

  public OutputWriter(GenerationRequest request) {
    this.request = request;
  }

  public Path resolve(OutputRoot root, String path) {
    return directory(root).resolve(path);
  }

  public Path directory(OutputRoot root) {
    return switch (root) {
      case JAVA -> request.javaDirectory();
      case RESOURCES -> request.resourcesDirectory();
      case MIGRATIONS -> request.migrationsDirectory();
    };
  }

  /** Files whose content on disk differs from {@code files} (missing ones included). */
  public List<Path> differing(List<GeneratedFile> files) throws IOException {
    List<Path> out = new ArrayList<>();
    for (GeneratedFile f : files) {
      Path target = resolve(f.root(), f.path());
      if (!sameContent(target, f)) {
        out.add(target);
      }
    }
    Collections.sort(out);
    return out;
  }

  public WriteSummary write(List<GeneratedFile> files) throws IOException {
    Manifest previous = Manifest.read(request.stateDirectory());
    TreeSet<String> entries = new TreeSet<>();
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    for (GeneratedFile f : files) {
      Path target = resolve(f.root(), f.path());
      entries.add(Manifest.entry(f.root(), f.path()));
      if (sameContent(target, f)) {
        unchanged.add(target);
        continue;
      }
      if (f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql") && Files.exists(target)) {
        throw new IOException("refusing to overwrite existing migration " + target);
      }
      AtomicFiles.write(target, f.content());
      written.add(target);
    }
    List<Path> deleted = deleteStale(previous, entries);
    TreeSet<String> roots = new TreeSet<>();
    for (OutputRoot root : OutputRoot.values()) {
      roots.add(Manifest.root(root, directory(root)));
    }
    new Manifest(entries, roots).write(request.stateDirectory());
    Collections.sort(written);
    Collections.sort(unchanged);
    return new WriteSummary(written, unchanged, deleted);
  }

  /**
   * Files of {@code files} that another execution of the same project (a sibling state
   * directory) also wrote in its last run. Two executions must not share output.
   */
  public List<Path> overlaps(List<GeneratedFile> files) throws IOException {
    Path states = request.stateDirectory().toAbsolutePath().getParent();
    if (states == null || !Files.isDirectory(states)) {
      return List.of();
    }
    java.util.Set<Path> mine = new java.util.HashSet<>();
    for (GeneratedFile f : files) {
      mine.add(resolve(f.root(), f.path()).toAbsolutePath().normalize());
    }
    List<Path> shared = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(states, Files::isDirectory)) {
      for (Path sibling : siblings) {
        if (sibling.equals(request.stateDirectory().toAbsolutePath())) {
          continue;
        }
        for (Path p : Manifest.read(sibling).absolutePaths()) {
          if (mine.contains(p.normalize())) {
            shared.add(p);
          }
        }
      }
    }
    Collections.sort(shared);
    return shared;
  }

  private List<Path> deleteStale(Manifest previous, TreeSet<String> current) throws IOException {
    List<Path> deleted = new ArrayList<>();
    for (String entry : previous.entries()) {
      if (current.contains(entry)) {
        continue;
      }
      String[] parts = entry.split("\t", 2);
      if (parts.length != 2 || !isRoot(parts[0])) {
        continue;
      }
      OutputRoot root = OutputRoot.valueOf(parts[0]);
      if (root == OutputRoot.MIGRATIONS) {
        continue;
      }
      Path file = resolve(root, parts[1]);
      if (Files.deleteIfExists(file)) {
        deleted.add(file);
        pruneEmptyParents(file.getParent(), directory(root));
      }
    }
    Collections.sort(deleted);
    return deleted;
  }

  private static boolean isRoot(String name) {
    return Arrays.stream(OutputRoot.values()).anyMatch(r -> r.name().equals(name));
  }

  private static void pruneEmptyParents(Path dir, Path stop) throws IOException {
    Path d = dir;
    while (d != null && d.startsWith(stop) && !d.equals(stop)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
        if (s.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(d);
      d = d.getParent();
    }
  }

  private static boolean sameContent(Path target, GeneratedFile f) throws IOException {
    if (!Files.isRegularFile(target)) {
      return false;
    }
    if (Files.size(target) != f.content().length) {
      return false;
    }
    return Arrays.equals(Files.readAllBytes(target), f.content());
  }
}
