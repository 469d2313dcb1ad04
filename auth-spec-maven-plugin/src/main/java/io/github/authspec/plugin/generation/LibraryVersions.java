package io.github.authspec.plugin.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the libraries the plugin names to its users (the bindings generated code
 * needs, the JDBC driver the {@code drift} goal needs), filled into
 * {@code library-versions.properties} from the build's own properties: pom.xml is the one place
 * each version is kept.
 */
public final class LibraryVersions {
  private static final Properties READ = read();

  private LibraryVersions() {}

  /**
   * The version the plugin is built and tested with.
   *
   * @param artifactId the library's artifact id, e.g. {@code lettuce-core}
   * @return its version
   * @throws IllegalStateException when the build filled none in
   */
  public static String of(String artifactId) {
    String v = READ.getProperty(artifactId);
    if (v == null || v.isBlank() || v.contains("${")) {
      throw new IllegalStateException("no version of " + artifactId
          + " in library-versions.properties");
    }
    return v;
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = LibraryVersions.class.getResourceAsStream(
        "library-versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
