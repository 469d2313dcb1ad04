package io.github.authspec.support.auth;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link RedisScripts} on Jedis: a standalone {@code RedisClient} or a
 * {@code RedisClusterClient} (both {@link UnifiedJedis}; the cluster client routes by the one
 * key).
 */
public final class JedisScripts implements RedisScripts {
  private final UnifiedJedis jedis;

  /**
   * Scripts over a Jedis client.
   *
   * @param jedis the client
   */
  public JedisScripts(UnifiedJedis jedis) {
    this.jedis = jedis;
  }

  @Override
  public List<Long> eval(String script, String key, List<String> args) {
    return reply(jedis.eval(script, List.of(key), args), Long.class);
  }

  @Override
  public List<String> evalText(String script, String key, List<String> args) {
    return reply(jedis.eval(script, List.of(key), args), String.class);
  }

  private static <T> List<T> reply(Object reply, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object o : (List<?>) reply) {
      out.add(type.cast(o));
    }
    return out;
  }
}
