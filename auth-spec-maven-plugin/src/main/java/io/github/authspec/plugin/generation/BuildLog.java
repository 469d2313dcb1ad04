package io.github.authspec.plugin.generation;

/**
 * The orchestrator's view of the build log; the mojo adapts Maven's. A line's level is data,
 * so a log can also be carried elsewhere (the generation JVM sends its lines to the build's).
 */
@FunctionalInterface
public interface BuildLog {
  /** The four levels of Maven's log. */
  enum Level { INFO, WARN, ERROR, DEBUG }

  /** {@code message} at {@code level}. */
  void log(Level level, String message);

  default void info(String message) {
    log(Level.INFO, message);
  }

  default void warn(String message) {
    log(Level.WARN, message);
  }

  default void error(String message) {
    log(Level.ERROR, message);
  }

  default void debug(String message) {
    log(Level.DEBUG, message);
  }

  /** Discards everything; for tests and benchmarks. */
  BuildLog SILENT = (level, message) -> {};
}
