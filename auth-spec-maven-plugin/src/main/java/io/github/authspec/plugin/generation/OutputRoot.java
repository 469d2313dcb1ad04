package io.github.authspec.plugin.generation;

/** Where a generated file goes. Each root is a directory of the request. */
public enum OutputRoot {
  /** Java sources, a compile source root ({@code target/generated-sources/auth-spec}). */
  JAVA,
  /** Resources such as the Redis configuration fragment ({@code target/generated-resources/auth-spec}). */
  RESOURCES,
  /**
   * Flyway migrations ({@code src/main/resources/db/migration}): append-only, committed by the
   * user, never deleted by the plugin.
   */
  MIGRATIONS
}
