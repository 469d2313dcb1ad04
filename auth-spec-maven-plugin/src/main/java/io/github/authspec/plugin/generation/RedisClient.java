package io.github.authspec.plugin.generation;

/** Which Redis client the generated key classes bind to. */
public enum RedisClient {
  /** Key classes only; they need nothing but the JDK. */
  NONE,
  /** Typed operations on Lettuce, Spring Boot's default client. */
  LETTUCE,
  /** Typed operations on Jedis. */
  JEDIS
}
