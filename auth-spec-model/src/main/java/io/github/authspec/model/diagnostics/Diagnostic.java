package io.github.authspec.model.diagnostics;

import java.util.Objects;

/**
 * One problem found in a spec: a stable code, where it is (file, line, column and JSON pointer),
 * what is wrong and, where one helps, how to fix it.
 */
public record Diagnostic(
    Code code, Severity severity, String file, Position position, String pointer, String message,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Formats like javac: {@code auth-spec.json:41:15: error: [AS020] message (at /json/pointer)},
   * then the hint on an indented line.
   */
  public String format() {
    StringBuilder out = new StringBuilder().append(file);
    if (position.line() > 0) {
      out.append(':').append(position.line()).append(':').append(position.column());
    }
    out.append(": ").append(severity.label()).append(": [").append(code.id()).append("] ")
        .append(message)
        .append(" (at ").append(pointer.isEmpty() ? "/" : pointer).append(')');
    if (!hint.isEmpty()) {
      out.append("\n").append("    hint: ").append(hint);
    }
    return out.toString();
  }
}
