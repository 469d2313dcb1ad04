package io.github.authspec.plugin.generation;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;

/**
 * An exception inside a generator: a bug in the plugin, never the user's fault. It carries the
 * spec location being generated when it happened, so the diagnostic (AS199) can point there.
 */
public final class GeneratorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Where users report bugs. */
  public static final String ISSUES_URL = "https://github.com/authspec/auth-spec/issues";
  private static final int MAX_MESSAGE = 200;

  private final String pointer;

  public GeneratorFailure(String pointer, RuntimeException cause) {
    super(cause);
    this.pointer = pointer;
  }

  /** The JSON pointer of the spec element being generated, {@code ""} when unknown. */
  public String pointer() {
    return pointer;
  }

  /** Reports {@code failure}, thrown while {@code generator} ran, as AS199. */
  static void report(Reporter reporter, String generator, Throwable failure) {
    String pointer = "";
    Throwable cause = failure;
    if (failure instanceof GeneratorFailure f) {
      pointer = f.pointer();
      cause = f.getCause();
    }
    String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    if (detail.length() > MAX_MESSAGE) {
      detail = detail.substring(0, MAX_MESSAGE) + "...";
    }
    reporter.report(Code.INTERNAL_ERROR, pointer, "internal error in generator " + generator
            + ": " + cause.getClass().getName() + detail + "; this is a bug in auth-spec",
        "please report it at " + ISSUES_URL + " with the spec (or the part at this location)");
  }
}
