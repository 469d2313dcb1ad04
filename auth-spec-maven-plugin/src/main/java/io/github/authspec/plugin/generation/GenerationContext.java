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

  public GenerationContext(Spec spec, GenerationRequest request, Reporter reporter) {
    this.spec = spec;
    this.request = request;
    this.reporter = reporter;
    this.naming = new Naming(spec, request, reporter);
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

  public boolean hasErrors() {
    return reporter.hasErrors();
  }
}
