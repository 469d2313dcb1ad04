package io.github.authspec.plugin.generation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output file, fully rendered in memory. {@code path} is relative to its root, with '/'
 * separators. Text content is UTF-8 with LF line endings.
 */
public record GeneratedFile(OutputRoot root, String path, byte[] content) {
  public GeneratedFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("\\") || path.contains("..")) {
      throw new IllegalArgumentException("not a relative path: " + path);
    }
    content = content.clone();
  }

  /** A text file; CR LF and CR are normalised to LF so output is the same on every machine. */
  public static GeneratedFile text(OutputRoot root, String path, String text) {
    String lf = text.replace("\r\n", "\n").replace('\r', '\n');
    return new GeneratedFile(root, path, lf.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedFile f && f.root == root && f.path.equals(path)
        && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, path, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return root + ":" + path;
  }
}
