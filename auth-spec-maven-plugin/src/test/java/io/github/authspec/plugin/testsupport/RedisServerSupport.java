package io.github.authspec.plugin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * One real redis-server (the binary shipped in embedded-redis, from Maven Central) per test
 * JVM, on a free loopback port, without persistence so it leaves no dump.rdb behind.
 */
public final class RedisServerSupport {
  private static RedisServer server;
  private static int port;

  private RedisServerSupport() {}

  /** The server's port (started on first use). */
  public static synchronized int port() {
    start();
    return port;
  }

  /** A new Jedis client of the server (started on first use). */
  public static synchronized RedisClient client() {
    start();
    return RedisClient.create("127.0.0.1", port);
  }

  private static void start() {
    if (server == null) {
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
            .setting("save \"\"").setting("appendonly no").build();
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded Redis", e);
      }
      RedisServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
  }
}
