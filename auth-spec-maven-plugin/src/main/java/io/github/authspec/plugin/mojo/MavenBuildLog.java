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
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void error(String message) {
    log.error(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }
}
