package com.example.authservice.demo;

import com.example.authservice.cache.JedisKeyOperations;
import com.example.authservice.cache.SessionKey;
import com.example.authservice.entity.Session;
import com.example.authservice.entity.User;
import com.example.authservice.repository.SessionRepository;
import com.example.authservice.repository.UserRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * The generated code at work: starts an embedded PostgreSQL and Redis, applies the generated
 * migrations with Flyway, registers a user and opens a session through the generated
 * repositories and key classes, and prints what it did.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}. */
  public static void run(PrintStream out) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource db = pg.getPostgresDatabase();
      int applied = Flyway.configure().dataSource(db).load().migrate().migrationsExecuted;
      out.println("PostgreSQL: applied " + applied + " generated migration(s)");

      UserRepository users = new UserRepository(db);
      User ada = users.insert(User.builder()
          .email("ada@example.com")
          .passwordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")
          .build());
      out.println("registered " + ada);

      Session session = new SessionRepository(db).insert(Session.builder()
          .userId(ada.id())
          .expiresAt(LocalDateTime.now().plusHours(1))
          .ipAddress("203.0.113.7")
          .build());
      out.println("opened session " + session.id() + " for user " + session.userId()
          + " (active=" + session.isActive() + ")");

      int port = freePort();
      RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").build();
      redis.start();
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        JedisKeyOperations ops = new JedisKeyOperations(client, new JacksonCodec());
        SessionKey key = new SessionKey(ada.id());
        ops.set(key, Map.of("sessionId", session.id(), "ip", session.ipAddress()));
        out.println("Redis: " + key.key() + " = " + ops.get(key, Map.class).orElseThrow()
            + ", TTL " + client.ttl(key.key()) + " s (" + SessionKey.SPEC.expiry() + ")");
      } finally {
        redis.stop();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The JSON codec the generated Redis binding asks for, on Jackson. */
  private static final class JacksonCodec implements JedisKeyOperations.ValueCodec {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String encode(Object value, boolean pretty) {
      try {
        return pretty ? json.writerWithDefaultPrettyPrinter().writeValueAsString(value)
            : json.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public <T> T decode(String text, Class<T> type) {
      try {
        return json.readValue(text, type);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
