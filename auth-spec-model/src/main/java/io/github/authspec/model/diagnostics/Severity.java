package io.github.authspec.model.diagnostics;

/** How bad a problem is. Errors stop generation; warnings do not unless the user asks. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word javac would print: {@code error} or {@code warning}. */
  public String label() {
    return label;
  }
}
