package it.authspec;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** An embedded Redis on a free local port, without persistence, for one test. */
final class EmbeddedRedis implements AutoCloseable {
  final int port;
  private final RedisServer server;

  EmbeddedRedis() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .build();
    server.start();
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
