package io.github.authspec.plugin.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * The opt-in client bindings honour each key's declaration against a real Redis: the same
 * checks for Jedis and for Lettuce (this class runs once per binding, see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisBindingTest {
  private static final String PKG = "com.example.binding.cache.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private ClassLoader loader;
  private UnifiedJedis redis;
  private Object ops;

  /** The binding under test. */
  abstract RedisClient client();

  /** The generated operations class, built over the test's Redis. */
  abstract Object operations(Class<?> opsType, Class<?> codecType, Object codec)
      throws Exception;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    GenerationRequest request = Specs.project("redis-binding.json", dir.resolve("p"))
        .withRedisClient(client());
    loader = GeneratedSources.compile(Specs.plan(request), dir.resolve("build"));
    redis = RedisServerSupport.client();
    String name = client() == RedisClient.JEDIS ? "JedisKeyOperations" : "LettuceKeyOperations";
    Class<?> opsType = loader.loadClass(PKG + name);
    Class<?> codecType = loader.loadClass(PKG + "RedisKeyOperations$ValueCodec");
    Object codec = Proxy.newProxyInstance(loader, new Class<?>[] {codecType}, (p, m, a) ->
        m.getName().equals("encode") ? JSON.writeValueAsString(a[0])
            : JSON.readValue((String) a[0], (Class<?>) a[1]));
    ops = operations(opsType, codecType, codec);
  }

  /** Jedis, the plain client. */
  static final class Jedis extends RedisBindingTest {
    @Override
    RedisClient client() {
      return RedisClient.JEDIS;
    }

    @Override
    Object operations(Class<?> opsType, Class<?> codecType, Object codec) throws Exception {
      return opsType.getConstructor(UnifiedJedis.class, codecType)
          .newInstance(RedisServerSupport.client(), codec);
    }
  }

  /** Lettuce, Spring Boot's default client. */
  static final class Lettuce extends RedisBindingTest {
    @Override
    RedisClient client() {
      return RedisClient.LETTUCE;
    }

    @Override
    Object operations(Class<?> opsType, Class<?> codecType, Object codec) throws Exception {
      io.lettuce.core.RedisClient lettuce =
          io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + RedisServerSupport.port());
      return opsType.getConstructor(io.lettuce.core.RedisClient.class, codecType)
          .newInstance(lettuce, codec);
    }
  }

  @Test
  @DisplayName("a JSON + gzip value round-trips, is stored compressed, and gets its TTL; a read restores a sliding TTL")
  void stringJsonGzipSliding() throws Exception {
    Object session = key("SessionKey", 1L);
    call("set", session, Map.of("user", "ada", "roles", List.of("admin")));

    byte[] raw = redis.get(keyText(session).getBytes(StandardCharsets.UTF_8));
    assertThat(raw[0] & 0xff).isEqualTo(0x1f);
    assertThat(raw[1] & 0xff).isEqualTo(0x8b);
    assertThat(redis.ttl(keyText(session))).isBetween(3590L, 3600L);
    assertThat(call("get", session, Map.class))
        .isEqualTo(Optional.of(Map.of("user", "ada", "roles", List.of("admin"))));

    redis.expire(keyText(session), 5);
    call("get", session, Map.class);
    assertThat(redis.ttl(keyText(session))).as("sliding TTL restored").isBetween(3590L, 3600L);
  }

  @Test
  @DisplayName("Hash fields are checked against the declaration and get the TTL")
  void hash() throws Exception {
    Object profile = key("ProfileKey", 2L);
    call("putFields", profile, Map.of("name", "Ada", "role", "admin"));
    assertThat(call("fields", profile)).isEqualTo(Map.of("name", "Ada", "role", "admin"));
    assertThat(redis.ttl(keyText(profile))).isBetween(50L, 60L);
    assertThatThrownBy(() -> call("putFields", profile, Map.of("password", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Sorted Set members are ordered by score; a pinned Set has no TTL; a List gets its TTL")
  void sortedSetPinnedSetList() throws Exception {
    Object board = key("LeaderboardKey", 3L);
    call("addScored", board, 20.0, "bob");
    call("addScored", board, 10.0, "ada");
    assertThat(call("range", board, 0L, -1L)).isEqualTo(List.of("ada", "bob"));
    assertThat(redis.ttl(keyText(board))).isBetween(86390L, 86400L);

    Object allow = key("AllowKey", "10.0.0.1");
    redis.sadd(keyText(allow), "seed");
    redis.expire(keyText(allow), 100);
    call("add", allow, (Object) new String[] {"api"});
    assertThat(redis.ttl(keyText(allow))).as("pinned keys never expire").isEqualTo(-1L);

    Object events = key("EventsKey", 4L);
    call("push", events, (Object) new String[] {"login"});
    assertThat(redis.ttl(keyText(events))).isBetween(20L, 30L);
  }

  @Test
  @DisplayName("an operation of the wrong Redis type is refused")
  void wrongType() throws Exception {
    Object profile = key("ProfileKey", 5L);
    assertThatThrownBy(() -> call("set", profile, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Object key(String type, Object value) throws Exception {
    return loader.loadClass(PKG + type).getDeclaredConstructors()[0].newInstance(value);
  }

  private static String keyText(Object key) throws Exception {
    return (String) key.getClass().getMethod("key").invoke(key);
  }

  private Object call(String name, Object... args) throws Exception {
    for (Method m : ops.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(ops, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name);
  }
}
