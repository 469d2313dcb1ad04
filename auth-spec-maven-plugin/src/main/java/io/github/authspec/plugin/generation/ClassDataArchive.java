package io.github.authspec.plugin.generation;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A class-data-sharing archive of the plugin's classes for the generation JVM: with it, that
 * JVM maps the ~2,000 classes it runs instead of loading and verifying them from the jar, about
 * 0.1 s of every forked build. The first forked run of a plugin jar on a JDK writes it; later
 * runs use it. It lives beside the plugin jar (in the local repository): whoever can write
 * there can replace the jar itself, so the archive adds no way in. It is named after the jar
 * (path, size, time) and the JDK (home, VM version), which the JVM checks too; a stale or
 * broken archive is ignored by the JVM ({@code -Xshare:auto}), and one that cannot be written
 * costs only the archive.
 */
final class ClassDataArchive {
  private static final String SUFFIX = ".jsa";
  private static final java.util.concurrent.atomic.AtomicInteger WRITERS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** {@code NAME.cds-} for {@code NAME.jar}: every archive of one jar starts so. */
  private final String prefix;
  private final Path archive;
  private final Path temporary;
  private boolean writing;

  ClassDataArchive(Path jar, String key) {
    String name = jar.getFileName().toString();
    this.prefix = name.substring(0, name.length() - ".jar".length()) + ".cds-";
    this.archive = jar.resolveSibling(prefix + key + SUFFIX);
    // One per forked JVM: two executions of one build (mvn -T) may both be writing one.
    this.temporary = jar.resolveSibling(prefix + key + "." + ProcessHandle.current().pid()
        + "-" + WRITERS.incrementAndGet() + ".tmp");
  }

  /**
   * The archive for a generation JVM on {@code classpath} and this JDK, or none unless this
   * code runs from the jar first on it and every entry is a file (the JVM archives nothing
   * from directories): in tests, classes come from directories.
   */
  static Optional<ClassDataArchive> of(List<Path> classpath) {
    Optional<Path> running = runningJar();
    if (classpath.isEmpty() || running.isEmpty() || !running.get().equals(classpath.get(0))
        || !classpath.stream().allMatch(Files::isRegularFile)) {
      return Optional.empty();
    }
    Path jar = classpath.get(0).toAbsolutePath();
    try {
      String key = String.join("\n", classpath.toString(), String.valueOf(Files.size(jar)),
          Files.getLastModifiedTime(jar).toString(), System.getProperty("java.home"),
          System.getProperty("java.vm.version"));
      String hex = Long.toHexString(fnv1a(key));
      return Optional.of(new ClassDataArchive(jar, "0".repeat(16 - hex.length()) + hex));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The JVM flag that uses the archive, or that writes it at exit when there is none yet (and
   * its directory takes files); none when neither can be.
   */
  Optional<String> flag() {
    if (Files.isRegularFile(archive)) {
      return Optional.of("-XX:SharedArchiveFile=" + archive);
    }
    try {
      Files.createFile(temporary); // the JVM refuses to start if it cannot write there
      writing = true;
      return Optional.of("-XX:ArchiveClassesAtExit=" + temporary);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Whether {@link #flag()} asked the JVM to write the archive. */
  boolean writing() {
    return writing;
  }

  /**
   * After the JVM that wrote it exited: publishes the archive in one rename (a concurrent
   * build sees none or all of it) and removes this jar's archives for other JDKs or builds.
   */
  void publish(boolean complete) {
    try {
      if (!complete || Files.size(temporary) == 0) {
        Files.deleteIfExists(temporary);
        return;
      }
      try {
        Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING);
      }
      try (DirectoryStream<Path> siblings = Files.newDirectoryStream(archive.getParent())) {
        for (Path other : siblings) {
          String name = other.getFileName().toString();
          if (name.startsWith(prefix) && name.endsWith(SUFFIX) && !other.equals(archive)) {
            Files.deleteIfExists(other);
          }
        }
      }
    } catch (IOException e) {
      // No archive this time: the next forked run tries again.
    }
  }

  Path path() {
    return archive;
  }

  private static Optional<Path> runningJar() {
    try {
      Path location = Path.of(ClassDataArchive.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * FNV-1a, 64 bits, over the text's chars (its bytes, for ASCII): enough to tell a jar's builds
   * and JDKs apart, and free in a cold JVM, where the first SHA-256 costs 20-30 ms of
   * security-provider start-up on the build's path.
   */
  static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
