package io.github.authspec.plugin.generation;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders JavaPoet files into {@link GeneratedFile}s under the Java root. */
public final class JavaFiles {
  private JavaFiles() {}

  /**
   * {@code type} as a file of {@code packageName}, with the project's conventions and the one
   * statement of what made it ({@link Provenance}).
   */
  public static GeneratedFile render(Provenance provenance, Class<? extends Generator> by,
      String packageName, com.palantir.javapoet.TypeSpec type) {
    JavaFile file = builder(packageName, type).build();
    StringBuilder out = new StringBuilder(8192);
    try {
      file.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String path = (file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/")
        + file.typeSpec().name() + ".java";
    return source(provenance, by, OutputRoot.JAVA, path, out.toString());
  }

  /**
   * A Java source (JavaPoet's output or a copied support source) as an output file: wrapped to
   * the line width, stamped with its provenance and encoded, once each.
   */
  static GeneratedFile source(Provenance provenance, Class<?> by, OutputRoot root, String path,
      String source) {
    return GeneratedFile.text(root, path, provenance.stamp(LineWidth.wrap(source), by));
  }

  /**
   * Text from the spec or the catalog made safe for Javadoc inside a JavaPoet format string:
   * HTML characters, {@code @} (would start a tag), a closing comment and {@code $}.
   */
  public static String javadocText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("*/", "*&#47;").replace("@", "&#64;").replace("$", "$$");
  }

  /** A JavaFile with the project's conventions: two-space indent, no wildcard imports. */
  private static JavaFile.Builder builder(String packageName,
      com.palantir.javapoet.TypeSpec type) {
    return JavaFile.builder(packageName, type).indent("  ").skipJavaLangImports(true);
  }
}
