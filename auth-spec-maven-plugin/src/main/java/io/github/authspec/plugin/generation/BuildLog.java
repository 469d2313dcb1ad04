package io.github.authspec.plugin.generation;

/** The orchestrator's view of the build log; the mojo adapts Maven's. */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void error(String message);

  void debug(String message);

  /** The four levels, for code that carries a line's level as data. */
  enum Level { INFO, WARN, ERROR, DEBUG }

  /** {@code message} at {@code level}. */
  default void log(Level level, String message) {
    switch (level) {
      case INFO -> info(message);
      case WARN -> warn(message);
      case ERROR -> error(message);
      case DEBUG -> debug(message);
    }
  }

  /** A log that hands every line, with its level, to {@code sink}. */
  static BuildLog to(java.util.function.BiConsumer<Level, String> sink) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        sink.accept(Level.INFO, message);
      }

      @Override
      public void warn(String message) {
        sink.accept(Level.WARN, message);
      }

      @Override
      public void error(String message) {
        sink.accept(Level.ERROR, message);
      }

      @Override
      public void debug(String message) {
        sink.accept(Level.DEBUG, message);
      }
    };
  }

  /** Discards everything; for tests and benchmarks. */
  BuildLog SILENT = to((level, message) -> {});
}
