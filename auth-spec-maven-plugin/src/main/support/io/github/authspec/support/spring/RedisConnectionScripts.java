package io.github.authspec.support.spring;

import io.github.authspec.support.auth.RedisScripts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * {@link RedisScripts} on Spring Data Redis: each script runs on a connection of the
 * application's {@link RedisConnectionFactory} (Lettuce or Jedis, as Boot configured it),
 * returned right after.
 */
public final class RedisConnectionScripts implements RedisScripts {
  private final RedisConnectionFactory factory;

  /**
   * Scripts over a connection factory.
   *
   * @param factory e.g. Boot's {@code LettuceConnectionFactory}
   */
  public RedisConnectionScripts(RedisConnectionFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public List<Long> eval(String script, String key, List<String> args) {
    List<Long> out = new ArrayList<>();
    for (Object o : reply(script, key, args)) {
      out.add((Long) o);
    }
    return out;
  }

  @Override
  public List<String> evalText(String script, String key, List<String> args) {
    List<String> out = new ArrayList<>();
    for (Object o : reply(script, key, args)) {
      out.add(o == null ? null : new String((byte[]) o, StandardCharsets.UTF_8));
    }
    return out;
  }

  private List<?> reply(String script, String key, List<String> args) {
    byte[][] keyAndArgs = new byte[args.size() + 1][];
    keyAndArgs[0] = key.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < args.size(); i++) {
      keyAndArgs[i + 1] = args.get(i).getBytes(StandardCharsets.UTF_8);
    }
    try (RedisConnection connection = factory.getConnection()) {
      return Objects.requireNonNull(connection.scriptingCommands().eval(
          script.getBytes(StandardCharsets.UTF_8), ReturnType.MULTI, 1, keyAndArgs), "reply");
    }
  }
}
