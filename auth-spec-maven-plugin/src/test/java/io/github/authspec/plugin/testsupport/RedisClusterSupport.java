package io.github.authspec.plugin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of three masters (no replicas), from the redis-server binary of
 * embedded-redis, started on first use and stopped at exit. The binary ships without
 * redis-cli, so the cluster is formed as redis-cli would: CLUSTER MEET, then CLUSTER ADDSLOTS
 * with a third of the 16384 slots per master, then wait for {@code cluster_state:ok}.
 */
public final class RedisClusterSupport {
  private static final int MASTERS = 3;
  private static final int SLOTS = 16384;
  private static List<RedisServer> servers;
  private static List<Integer> ports;

  private RedisClusterSupport() {}

  /** A cluster client of the running cluster (started on first use). */
  public static synchronized RedisClusterClient client() {
    start();
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    ports.forEach(p -> nodes.add(new HostAndPort("127.0.0.1", p)));
    return RedisClusterClient.create(nodes);
  }

  /** The masters' ports (the cluster is started on first use). */
  public static synchronized List<Integer> ports() {
    start();
    return List.copyOf(ports);
  }

  private static void start() {
    if (servers != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("redis-cluster");
      List<RedisServer> started = new ArrayList<>();
      List<Integer> used = new ArrayList<>();
      for (int i = 0; i < MASTERS; i++) {
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
            .setting("save \"\"").setting("appendonly no")
            .setting("cluster-enabled yes")
            .setting("cluster-config-file " + dir.resolve("nodes-" + port + ".conf"))
            .setting("cluster-node-timeout 5000").build();
        server.start();
        started.add(server);
        used.add(port);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(s -> {
        try {
          s.stop();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      })));
      form(used);
      servers = started;
      ports = used;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Redis Cluster", e);
    }
  }

  private static void form(List<Integer> used) {
    try (Jedis first = new Jedis("127.0.0.1", used.get(0))) {
      for (int i = 1; i < used.size(); i++) {
        first.clusterMeet("127.0.0.1", used.get(i));
      }
    }
    for (int i = 0; i < used.size(); i++) {
      int from = SLOTS * i / used.size();
      int to = SLOTS * (i + 1) / used.size();
      int[] slots = new int[to - from];
      for (int s = 0; s < slots.length; s++) {
        slots[s] = from + s;
      }
      try (Jedis node = new Jedis("127.0.0.1", used.get(i))) {
        node.clusterAddSlots(slots);
      }
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (int port : used) {
      try (Jedis node = new Jedis("127.0.0.1", port)) {
        while (!node.clusterInfo().contains("cluster_state:ok")) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Redis Cluster not ok after 30 s: "
                + node.clusterInfo());
          }
          sleep();
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
