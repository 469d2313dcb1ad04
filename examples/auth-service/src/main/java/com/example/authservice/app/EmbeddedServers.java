package com.example.authservice.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL and Redis for the example, from Maven Central artifacts (zonky's PostgreSQL
 * binaries, codemonstur's Redis), on free local ports; started before the Spring context, which
 * finds them through Boot's own DataSource and Redis properties.
 */
public final class EmbeddedServers implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;

  private EmbeddedServers(EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
  }

  /**
   * Starts both servers.
   *
   * @return the running servers
   */
  public static EmbeddedServers start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      // No snapshots: the example's Redis holds only what expires anyway.
      RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").build();
      try {
        redis.start();
      } catch (IOException | RuntimeException e) {
        postgres.close();
        throw e;
      }
      return new EmbeddedServers(postgres, redis, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Boot's properties that point the DataSource and Redis at these servers.
   *
   * @return the properties
   */
  public Map<String, Object> springProperties() {
    return Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "spring.data.redis.host", "127.0.0.1",
        "spring.data.redis.port", redisPort);
  }

  /** The PostgreSQL port. */
  public int postgresPort() {
    return postgres.getPort();
  }

  /** The Redis port. */
  public int redisPort() {
    return redisPort;
  }

  /** Stops both (PostgreSQL even when Redis fails to stop); safe to call twice. */
  @Override
  public synchronized void close() {
    try {
      if (redis.isActive()) {
        redis.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
