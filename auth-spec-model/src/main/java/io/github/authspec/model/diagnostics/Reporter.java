package io.github.authspec.model.diagnostics;

import io.github.authspec.model.json.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one spec file, locating each JSON pointer in the file. Thread-safe:
 * generators run in parallel and report here.
 */
public final class Reporter {
  private final String file;
  private final List<Diagnostic> collected = new ArrayList<>();
  private SourceMap sourceMap;

  public Reporter(String file) {
    this.file = file;
  }

  /** Set once the file parsed; before that, pointers locate to 0:0. */
  public void useSourceMap(SourceMap map) {
    this.sourceMap = map;
  }

  public synchronized void report(Code code, String pointer, String message, String hint) {
    Position at = sourceMap == null ? Position.UNKNOWN : sourceMap.locate(pointer);
    reportAt(code, at, pointer, message, hint);
  }

  public synchronized void reportAt(Code code, Position at, String pointer, String message, String hint) {
    collected.add(new Diagnostic(code, code.severity(), file, at, pointer, message, hint));
  }

  /** A problem in another file than the spec (a migration), at its line. */
  public synchronized void reportInFile(Code code, String otherFile, int line, String message,
      String hint) {
    collected.add(new Diagnostic(code, code.severity(), otherFile, new Position(line, 1), "",
        message, hint));
  }

  public synchronized int errorCount() {
    return (int) collected.stream().filter(Diagnostic::isError).count();
  }

  public synchronized boolean hasErrors() {
    return collected.stream().anyMatch(Diagnostic::isError);
  }

  public synchronized Diagnostics diagnostics() {
    return new Diagnostics(collected);
  }
}
