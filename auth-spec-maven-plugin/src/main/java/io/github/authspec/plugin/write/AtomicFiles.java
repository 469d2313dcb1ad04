package io.github.authspec.plugin.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so readers see the old content or the new, never half of it: the bytes go to a
 * hidden sibling, then one rename replaces the target. The sibling's name is fixed (not
 * {@code Files.createTempFile}): that one seeds a {@code SecureRandom} and creates owner-only
 * files, so generated sources and committed migrations came out {@code rw-------}; these get
 * the user's umask like any file the build writes. Two writers of one target cannot happen:
 * executions sharing an output are refused before anything is written (AS114). A file that does
 * not exist yet has no old content to keep: it is written in place ({@link #create}).
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void write(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    replace(target, content);
  }

  /**
   * A file that is not there yet, into a directory that exists: written in place, since there is
   * no old content to keep whole (a rename per file was a third of a clean build's writing).
   * If the file appeared meanwhile, it is replaced as by {@link #replace}.
   */
  static void create(Path target, byte[] content) throws IOException {
    try {
      Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      replace(target, content);
    } catch (IOException e) {
      Files.deleteIfExists(target); // no half file left behind (a full disk, say)
      throw e;
    }
  }

  /** {@link #write} into a directory that exists: no directory check per file. */
  static void replace(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
    boolean moved = false;
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp); // after a move there is nothing left to delete
      }
    }
  }
}
