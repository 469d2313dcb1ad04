package io.github.authspec.plugin.naming;

/**
 * The fixed classes of generated output: support sources copied from the plugin (with their
 * area) and the registries and shared records generators write once. {@link Naming} reserves
 * their names in their packages before it names anything from the spec.
 */
public enum SupportType {
  JDBC_SUPPORT("repository", "JdbcSupport", true),
  REPOSITORY_EXCEPTION("repository", "RepositoryException", true),
  SQL_TIME("repository", "SqlTime", true),
  JDBC("repository", "Jdbc", true),
  KEY_SPEC("cache", "KeySpec", true),
  REDIS_KEY_OPERATIONS("cache", "RedisKeyOperations", true),
  JEDIS_KEY_OPERATIONS("cache", "JedisKeyOperations", true),
  LETTUCE_KEY_OPERATIONS("cache", "LettuceKeyOperations", true),
  IN_MEMORY_CACHE("cache", "InMemoryCache", true),
  REDIS_KEYS("cache", "RedisKeys", false),
  IN_MEMORY_CACHES("cache", "InMemoryCaches", false),
  CAFFEINE_CACHES("cache", "CaffeineCaches", false),
  JSON_CODEC("client", "JsonCodec", true),
  CLIENT_EXCEPTION("client", "ClientException", true),
  HTTP_JSON_CLIENT("client", "HttpJsonClient", true),
  REQUEST_CONTEXT("service", "RequestContext", false),
  AUTH_RESULT("service", "AuthResult", false),
  TOKEN_PAIR("service", "TokenPair", false),
  CHALLENGE("service", "Challenge", false),
  DECISION("service", "Decision", false),
  CREDENTIALS("service", "Credentials", false);

  private final String area;
  private final String simpleName;
  private final boolean copied;

  SupportType(String area, String simpleName, boolean copied) {
    this.area = area;
    this.simpleName = simpleName;
    this.copied = copied;
  }

  /** The subpackage of the base package the class lives in. */
  public String area() {
    return area;
  }

  public String simpleName() {
    return simpleName;
  }

  /** Whether it is a support source copied from src/main/support (else a generator writes it). */
  public boolean copied() {
    return copied;
  }
}
