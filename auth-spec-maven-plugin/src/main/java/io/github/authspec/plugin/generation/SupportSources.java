package io.github.authspec.plugin.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Support classes copied into generated output. Their sources live in the plugin's
 * {@code src/main/support} tree, in packages {@code io.github.authspec.support.<area>}, where
 * the plugin's own build compiles and tests them; the jar carries the same text as resources.
 * Copying rewrites only the {@code package} and {@code import} lines, so what users get is
 * exactly the code the plugin's tests ran.
 */
public final class SupportSources {
  /** The package every support source is written in, below which the area follows. */
  public static final String ROOT = "io.github.authspec.support";

  private SupportSources() {}

  /** Maps a support area ({@code cache}, {@code repository}, ...) to its generated package. */
  @FunctionalInterface
  public interface Packages {
    String of(String area);
  }

  /** The support source of {@code type} as a generated file in {@code packages.of(area)}. */
  public static GeneratedFile copy(io.github.authspec.plugin.naming.SupportType type,
      Packages packages) {
    if (!type.copied()) {
      throw new IllegalArgumentException(type + " is generated, not a support source");
    }
    return copy(type.area(), type.simpleName(), packages);
  }

  /**
   * The support class {@code area/simpleName} as a generated file in {@code packages.of(area)},
   * with its imports of other support areas mapped the same way.
   */
  public static GeneratedFile copy(String area, String simpleName, Packages packages) {
    String resource = "/" + ROOT.replace('.', '/') + "/" + area + "/" + simpleName + ".java";
    String target = packages.of(area);
    return GeneratedFile.text(OutputRoot.JAVA,
        target.replace('.', '/') + "/" + simpleName + ".java",
        rewrite(read(resource), packages));
  }

  static String rewrite(String source, Packages packages) {
    StringBuilder out = new StringBuilder(source.length() + 64);
    for (String line : source.split("\n", -1)) {
      out.append(line.startsWith("package ") || line.startsWith("import ")
          ? rewriteLine(line, packages) : line).append('\n');
    }
    out.setLength(out.length() - 1);
    if (out.indexOf(ROOT) >= 0) {
      throw new IllegalStateException("support source names " + ROOT
          + " outside its package and import lines");
    }
    return out.toString();
  }

  private static String rewriteLine(String line, Packages packages) {
    int at = line.indexOf(ROOT + ".");
    if (at < 0) {
      return line;
    }
    int start = at + ROOT.length() + 1;
    int end = start;
    while (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) {
      end++;
    }
    return line.substring(0, at) + packages.of(line.substring(start, end)) + line.substring(end);
  }

  private static String read(String resource) {
    try (InputStream in = SupportSources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing support source " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
