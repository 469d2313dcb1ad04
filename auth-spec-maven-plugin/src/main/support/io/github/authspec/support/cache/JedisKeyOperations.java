package io.github.authspec.support.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * {@link RedisKeyOperations} on Jedis: only the adapter from its commands. Generated when
 * {@code redisClient} is {@code JEDIS}; needs {@code redis.clients:jedis} on the classpath.
 */
public final class JedisKeyOperations extends RedisKeyOperations {

  /**
   * Operations over a client.
   *
   * @param redis the client (e.g. {@code new JedisPooled(host, port)})
   * @param codec the JSON codec for JSON-serialised keys
   */
  public JedisKeyOperations(UnifiedJedis redis, ValueCodec codec) {
    super(new JedisCommands(redis), codec);
  }

  private record JedisCommands(UnifiedJedis redis) implements Commands {
    @Override
    public void set(String key, byte[] value, long ttlSeconds) {
      SetParams params = new SetParams();
      if (ttlSeconds > 0) {
        params.ex(ttlSeconds);
      }
      redis.set(bytes(key), value, params);
    }

    @Override
    public byte[] get(String key) {
      return redis.get(bytes(key));
    }

    @Override
    public byte[] getEx(String key, long ttlSeconds) {
      return redis.getEx(bytes(key), GetExParams.getExParams().ex(ttlSeconds));
    }

    @Override
    public void hset(String key, Map<String, String> fields) {
      redis.hset(key, fields);
    }

    @Override
    public Map<String, String> hgetAll(String key) {
      return redis.hgetAll(key);
    }

    @Override
    public void sadd(String key, String... members) {
      redis.sadd(key, members);
    }

    @Override
    public Set<String> smembers(String key) {
      return redis.smembers(key);
    }

    @Override
    public void zadd(String key, double score, String member) {
      redis.zadd(key, score, member);
    }

    @Override
    public List<String> zrange(String key, long start, long stop) {
      return redis.zrange(key, start, stop);
    }

    @Override
    public void rpush(String key, String... values) {
      redis.rpush(key, values);
    }

    @Override
    public long del(String key) {
      return redis.del(key);
    }

    @Override
    public void expire(String key, long seconds) {
      redis.expire(key, seconds);
    }

    @Override
    public void persist(String key) {
      redis.persist(key);
    }

    private static byte[] bytes(String key) {
      return key.getBytes(StandardCharsets.UTF_8);
    }
  }
}
