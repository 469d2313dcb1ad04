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

  /** A line for the build log (e.g. which roles bound), printed once planning is done. */
  public synchronized void note(String line) {
    notes.add(line);
  }

  public synchronized java.util.List<String> notes() {
    return java.util.List.copyOf(notes);
  }

  public boolean hasErrors() {
    return reporter.hasErrors();
  }
}
