package io.github.authspec.plugin.testsupport;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java sources the way a strict consumer would: {@code -Xlint:all -Werror},
 * release 17, against this test's class path (which has the JDBC driver, Caffeine, Jedis, ...).
 */
public final class GeneratedSources {
  private GeneratedSources() {}

  /** Writes the Java files below {@code dir}/src, compiles them to {@code dir}/classes. */
  public static ClassLoader compile(List<GeneratedFile> files, Path dir) {
    try {
      Path src = dir.resolve("src");
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      List<Path> sources = new ArrayList<>();
      for (GeneratedFile f : files) {
        if (f.root() != OutputRoot.JAVA) {
          continue;
        }
        Path p = src.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.write(p, f.content());
        sources.add(p);
      }
      compile(sources, classes, List.of());
      return new URLClassLoader(new URL[] {classes.toUri().toURL()},
          GeneratedSources.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code sources} with {@code -Xlint:all -Werror}; fails with javac's output. */
  public static void compile(List<Path> sources, Path classes, List<Path> extraClassPath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    String classPath = System.getProperty("java.class.path");
    for (Path p : extraClassPath) {
      classPath += java.io.File.pathSeparator + p;
    }
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
      List<String> options = List.of("-Xlint:all", "-Werror", "--release", "17",
          "-encoding", "UTF-8", "-classpath", classPath, "-d", classes.toString());
      boolean ok = javac.getTask(out, fm, null, options, null, units).call();
      if (!ok || !out.toString().isBlank()) {
        throw new AssertionError("generated code does not compile cleanly:\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
