package io.github.authspec.plugin.generation;

/**
 * The libraries generated code may need beyond the JDK, one row each: the artifact the project
 * must have and the version the plugin's tests use. A generator that emits code for a binding
 * declares its row with {@link GenerationContext#requireLibrary}; a new binding (Spring, Bouncy
 * Castle, ...) adds a row here.
 */
public enum Library {
  CAFFEINE("com.github.ben-manes.caffeine", "caffeine", "3.3.1"),
  LETTUCE("io.lettuce", "lettuce-core", "7.7.0.RELEASE"),
  JEDIS("redis.clients", "jedis", "8.0.2"),
  BOUNCY_CASTLE("org.bouncycastle", "bcprov-jdk18on", "1.87");

  private final String groupId;
  private final String artifactId;
  private final String version;

  Library(String groupId, String artifactId, String version) {
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.version = version;
  }

  /** {@code groupId:artifactId}, as {@link ClasspathArtifacts} holds them. */
  public String coordinates() {
    return groupId + ":" + artifactId;
  }

  /** The version the plugin is tested with. */
  public String version() {
    return version;
  }

  /** The POM snippet that adds it, on one line so it survives being a log line. */
  public String dependencySnippet() {
    return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
        + "</artifactId><version>" + version + "</version></dependency>";
  }
}
