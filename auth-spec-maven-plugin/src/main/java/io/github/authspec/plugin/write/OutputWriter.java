package io.github.authspec.plugin.write;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
    List<Path> targets = targets(files);
    State[] states = compare(files, targets);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      if (states[i] != State.SAME) {
        out.add(targets.get(i));
      }
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Writes what changed. Everything is compared, and a changed migration refused, before the
   * first byte is written; then files are written in parallel: most of a clean build's write
   * phase is the kernel creating files, which two threads overlap.
   */
  public WriteSummary write(List<GeneratedFile> files) throws IOException {
    Manifest previous = Manifest.read(request.stateDirectory());
    TreeSet<String> entries = new TreeSet<>();
    for (GeneratedFile f : files) {
      entries.add(Manifest.entry(f.root(), f.path()));
    }
    List<Path> targets = targets(files);
    State[] states = compare(files, targets);
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<Integer> changed = new ArrayList<>();
    Set<Path> directories = new LinkedHashSet<>();
    for (int i = 0; i < states.length; i++) {
      GeneratedFile f = files.get(i);
      Path target = targets.get(i);
      if (states[i] == State.SAME) {
        unchanged.add(target);
        continue;
      }
      if (states[i] == State.DIFFERENT && f.root() == OutputRoot.MIGRATIONS
          && f.path().endsWith(".sql")) {
        throw new IOException("refusing to overwrite existing migration " + target);
      }
      changed.add(i);
      directories.add(target.getParent());
      written.add(target);
    }
    for (Path directory : directories) {
      Files.createDirectories(directory);
    }
    inParallel(changed.size(), k -> {
      int i = changed.get(k);
      if (states[i] == State.ABSENT) {
        AtomicFiles.create(targets.get(i), files.get(i).content());
      } else {
        AtomicFiles.replace(targets.get(i), files.get(i).content());
      }
    });
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
    Set<Path> mine = new HashSet<>();
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

  /** How a planned file compares with the disk. */
  private enum State { ABSENT, SAME, DIFFERENT }

  private List<Path> targets(List<GeneratedFile> files) {
    List<Path> targets = new ArrayList<>(files.size());
    for (GeneratedFile f : files) {
      targets.add(resolve(f.root(), f.path()));
    }
    return targets;
  }

  /**
   * Each file's state. Every directory is listed once, so a file that is not there costs no
   * stat (and no exception); files that are there are read and compared in parallel.
   */
  private static State[] compare(List<GeneratedFile> files, List<Path> targets)
      throws IOException {
    Map<Path, Set<String>> listings = new HashMap<>();
    State[] states = new State[files.size()];
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      Path target = targets.get(i);
      Set<String> names = listings.computeIfAbsent(target.getParent(), OutputWriter::names);
      if (names.contains(target.getFileName().toString())) {
        present.add(i);
      } else {
        states[i] = State.ABSENT;
      }
    }
    inParallel(present.size(), k -> {
      int i = present.get(k);
      states[i] = sameContent(targets.get(i), files.get(i)) ? State.SAME : State.DIFFERENT;
    });
    return states;
  }

  private static Set<String> names(Path directory) {
    String[] names = directory.toFile().list();
    return names == null ? Set.of() : new HashSet<>(Arrays.asList(names));
  }

  /** An I/O step per index, run on the common pool; the first failure is rethrown. */
  private interface IoStep {
    void run(int index) throws IOException;
  }

  private static void inParallel(int count, IoStep step) throws IOException {
    try {
      IntStream.range(0, count).parallel().forEach(i -> {
        try {
          step.run(i);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
