package io.github.authspec.plugin.mojo;

import org.apache.maven.plugin.MojoFailureException;

/**
 * A build failure caused by the user's spec or configuration. It carries no stack trace: even
 * with {@code mvn -e} the user sees the located diagnostics, not the plugin's internals. It has
 * no long message either: the diagnostics are logged once, before it is thrown.
 */
final class SpecFailure extends MojoFailureException {
  private static final long serialVersionUID = 1L;

  SpecFailure(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
