package com.example.authservice.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/** One embedded PostgreSQL and one embedded Redis for the test JVM, stopped when it exits. */
final class Servers {
  private static EmbeddedPostgres postgres;
  private static int redisPort;

  private Servers() {}

  static synchronized void register(DynamicPropertyRegistry registry) {
    if (postgres == null) {
      start();
    }
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> redisPort);
  }

  private static void start() {
    try {
      postgres = EmbeddedPostgres.builder().start();
      try (ServerSocket s = new ServerSocket(0)) {
        redisPort = s.getLocalPort();
      }
      RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
          .setting("save \"\"").build();
      redis.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          redis.stop();
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
