package io.github.authspec.plugin.generation;

/** The orchestrator's view of the build log; the mojo adapts Maven's. */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void error(String message);

  void debug(String message);

  /** Discards everything; for tests and benchmarks. */
  BuildLog SILENT = new BuildLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void debug(String message) {}
  };
}
