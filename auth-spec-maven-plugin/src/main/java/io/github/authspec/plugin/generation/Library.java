package io.github.authspec.plugin.generation;

/**
 * The libraries generated code may need beyond the JDK, one row each: the artifact the project
 * must have and the version the plugin's tests use, read from the build's own properties
 * ({@link LibraryVersions}), so each version is kept once. A generator that emits code for a binding
 * declares its row with {@link GenerationContext#requireLibrary}; a new binding (Spring, Bouncy
 * Castle, ...) adds a row here.
 */
public enum Library {
  CAFFEINE("com.github.ben-manes.caffeine", "caffeine"),
  LETTUCE("io.lettuce", "lettuce-core"),
  JEDIS("redis.clients", "jedis"),
  BOUNCY_CASTLE("org.bouncycastle", "bcprov-jdk18on"),
  CEL("dev.cel", "cel"),
  /** Not required by anything: when the project has it, the login flow is measured. */
  MICROMETER("io.micrometer", "micrometer-core"),
  /**
   * Not required by anything: when the project has it (with spring-security-web), the HTTP
   * API comes with its security filter chain.
   */
  SPRING_SECURITY_CONFIG("org.springframework.security", "spring-security-config");

  private final String groupId;
  private final String artifactId;
  private final String version;

  Library(String groupId, String artifactId) {
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.version = LibraryVersions.of(artifactId);
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
