package io.github.authspec.model.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem of one run, in file order. Immutable. */
public record Diagnostics(List<Diagnostic> all) {
  /** In a holder: an up-to-date build makes an empty Diagnostics and need not build this. */
  private static final class Order {
    static final Comparator<Diagnostic> FILE_ORDER =
        Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::pointer)
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);
  }

  public Diagnostics {
    if (all.size() > 1) {
      List<Diagnostic> sorted = new ArrayList<>(all);
      sorted.sort(Order.FILE_ORDER);
      all = sorted;
    }
    all = List.copyOf(all);
  }

  public List<Diagnostic> errors() {
    return all.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return all.stream().filter(d -> !d.isError()).toList();
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** All diagnostics, formatted like javac, one per line (hints indented below). */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : all) {
      out.append(d.format()).append('\n');
    }
    return out.toString();
  }

  /** {@code 2 errors, 5 warnings}. */
  public String summary() {
    int errors = errors().size();
    int warnings = all.size() - errors;
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
