package io.github.authspec.plugin.generation;

import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.naming.Naming;

/**
 * What every generator reads: the validated spec, the request, the one {@link Naming} of this
 * run, and a reporter for problems found while generating (located in the spec by JSON pointer).
 */
public final class GenerationContext {
  private final Spec spec;
  private final GenerationRequest request;
  private final Naming naming;
  private final Reporter reporter;
  private final java.util.List<String> notes = new java.util.ArrayList<>();
  private final java.util.Map<Class<?>, Shared<?>> shared =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final MigrationsSnapshot migrations;
  private final java.io.IOException migrationsUnreadable;

  /**
   * The context of one run. The migrations directory is read here, before any generator runs
   * (only when the spec has a database): generators never read the disk.
   */
  public GenerationContext(Spec spec, GenerationRequest request, Reporter reporter) {
    this.spec = spec;
    this.request = request;
    this.reporter = reporter;
    this.naming = new Naming(spec, request, reporter);
    MigrationsSnapshot read = null;
    java.io.IOException failure = null;
    if (spec.infrastructure().databaseEnabled()) {
      try {
        read = MigrationsSnapshot.read(request.migrationsDirectory());
      } catch (java.io.IOException e) {
        failure = e;
      }
    }
    this.migrations = read;
    this.migrationsUnreadable = failure;
  }

  /**
   * The migrations directory as the run found it.
   *
   * @return the snapshot read when the context was made
   * @throws java.io.IOException when it could not be read
   * @throws IllegalStateException when the spec has no database (nothing was read)
   */
  public MigrationsSnapshot migrations() throws java.io.IOException {
    if (migrationsUnreadable != null) {
      throw migrationsUnreadable;
    }
    if (migrations == null) {
      throw new IllegalStateException("the spec has no database: no migrations were read");
    }
    return migrations;
  }

  public Spec spec() {
    return spec;
  }

  public GenerationRequest request() {
    return request;
  }

  public Naming naming() {
    return naming;
  }

  /** Reports a problem at {@code pointer} in the spec ({@code ""} for the whole file). */
  public void report(Code code, String pointer, String message, String hint) {
    reporter.report(code, pointer, message, hint);
  }

  /** A line for the build log (e.g. which roles bound), printed once planning is done. */
  public synchronized void note(String line) {
    notes.add(line);
  }

  public synchronized java.util.List<String> notes() {
    return java.util.List.copyOf(notes);
  }

  /**
   * What {@code owner} works out for the whole run (e.g. the implementations' bindings), which
   * other generators read too: computed once, by the first caller, while any other waits, so
   * its diagnostics and notes are reported once. One owner always asks for one type.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(Class<?> owner, java.util.function.Supplier<T> work) {
    return ((Shared<T>) shared.computeIfAbsent(owner, k -> new Shared<T>())).get(work);
  }

  /** One shared result; a failure is kept too, so a second caller does not report again. */
  private static final class Shared<T> {
    private boolean done;
    private T value;
    private RuntimeException failure;

    synchronized T get(java.util.function.Supplier<T> work) {
      if (!done) {
        try {
          value = work.get();
        } catch (RuntimeException e) {
          failure = e;
        }
        done = true;
      }
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /** A Java file made by {@code by}, stamped with this run's {@link Provenance}. */
  public GeneratedFile java(Class<? extends Generator> by, String packageName,
      com.palantir.javapoet.TypeSpec type) {
    return JavaFiles.render(Provenance.of(request), by, packageName, type);
  }

  /** A support source copied into output for {@code by}, with the same provenance. */
  public GeneratedFile support(Class<? extends Generator> by,
      io.github.authspec.plugin.naming.SupportType type) {
    return stamped(by, SupportSources.copy(type, naming::supportPackage));
  }

  /**
   * A support source of an implementation area ({@code auth}, {@code token}, ...) copied for
   * {@code by}; those packages hold nothing derived from the spec, so no name can clash.
   */
  public GeneratedFile support(Class<? extends Generator> by, String area, String simpleName) {
    return stamped(by, SupportSources.copy(area, simpleName, naming::supportPackage));
  }

  /** A copied support source with this run's provenance, within the output's line width. */
  private GeneratedFile stamped(Class<? extends Generator> by, GeneratedFile copy) {
    return JavaFiles.source(Provenance.of(request), by, copy.root(), copy.path(), copy.text());
  }

  /**
   * Declares that output generated for the spec part at {@code pointer} needs {@code library};
   * when the project's classpath lacks it, the run fails here with one located error instead of
   * javac failing later inside generated code.
   *
   * @param why what needs it, e.g. {@code the spec declares Caffeine caches}
   */
  public void requireLibrary(Library library, String pointer, String why) {
    request.classpath().missing(library).ifPresent(missing -> reporter.report(
        Code.DEPENDENCY_MISSING, pointer,
        why + ", so generated code needs " + missing.coordinates()
            + ", which is not on the project's compile classpath",
        "add " + missing.dependencySnippet() + " to <dependencies>, or set "
            + "<skipDependencyCheck>true</skipDependencyCheck> (authspec.skipDependencyCheck) "
            + "if it comes another way"));
  }

  /** Reports a problem in a file other than the spec, e.g. a migration, at {@code line}. */
  public void reportInFile(Code code, String file, int line, String message, String hint) {
    reporter.reportInFile(code, file, line, message, hint);
  }

  public boolean hasErrors() {
    return reporter.hasErrors();
  }

  /**
   * Runs {@code work} for the spec element at {@code pointer}: an exception it throws becomes a
   * {@link GeneratorFailure} that locates the internal error there.
   */
  public <T> T at(String pointer, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (GeneratorFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new GeneratorFailure(pointer, e);
    }
  }
}
