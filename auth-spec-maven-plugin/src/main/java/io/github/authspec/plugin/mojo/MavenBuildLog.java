package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.generation.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Adapts Maven's log to the orchestrator's. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void log(Level level, String message) {
    switch (level) {
      case INFO -> log.info(message);
      case WARN -> log.warn(message);
      case ERROR -> log.error(message);
      case DEBUG -> log.debug(message);
    }
  }
}
