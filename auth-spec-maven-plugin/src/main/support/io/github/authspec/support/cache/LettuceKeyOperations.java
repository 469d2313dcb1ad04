package io.github.authspec.support.cache;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RedisKeyOperations} on Lettuce (Spring Boot's default client): only the adapter from
 * its commands, over two connections (text, and possibly compressed values). Generated when
 * {@code redisClient} is {@code LETTUCE}; needs {@code io.lettuce:lettuce-core} on the
 * classpath.
 */
public final class LettuceKeyOperations extends RedisKeyOperations implements AutoCloseable {
  private final LettuceCommands connections;

  /**
   * Operations over two connections of a client.
   *
   * @param client the client (e.g. {@code RedisClient.create("redis://localhost")})
   * @param codec the JSON codec for JSON-serialised keys
   */
  public LettuceKeyOperations(RedisClient client, ValueCodec codec) {
    this(new LettuceCommands(client.connect(),
        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))), codec);
  }

  private LettuceKeyOperations(LettuceCommands connections, ValueCodec codec) {
    super(connections, codec);
    this.connections = connections;
  }

  /** Closes both connections (not the client). */
  @Override
  public void close() {
    connections.text().close();
    connections.binary().close();
  }

  private record LettuceCommands(StatefulRedisConnection<String, String> text,
      StatefulRedisConnection<String, byte[]> binary) implements Commands {
    private RedisCommands<String, String> redis() {
      return text.sync();
    }

    private RedisCommands<String, byte[]> bytes() {
      return binary.sync();
    }

    @Override
    public void set(String key, byte[] value, long ttlSeconds) {
      SetArgs args = new SetArgs();
      if (ttlSeconds > 0) {
        args.ex(ttlSeconds);
      }
      bytes().set(key, value, args);
    }

    @Override
    public byte[] get(String key) {
      return bytes().get(key);
    }

    @Override
    public byte[] getEx(String key, long ttlSeconds) {
      return bytes().getex(key, new GetExArgs().ex(ttlSeconds));
    }

    @Override
    public void hset(String key, Map<String, String> fields) {
      redis().hset(key, fields);
    }

    @Override
    public Map<String, String> hgetAll(String key) {
      return redis().hgetall(key);
    }

    @Override
    public void sadd(String key, String... members) {
      redis().sadd(key, members);
    }

    @Override
    public Set<String> smembers(String key) {
      return redis().smembers(key);
    }

    @Override
    public void zadd(String key, double score, String member) {
      redis().zadd(key, score, member);
    }

    @Override
    public List<String> zrange(String key, long start, long stop) {
      return redis().zrange(key, start, stop);
    }

    @Override
    public void rpush(String key, String... values) {
      redis().rpush(key, values);
    }

    @Override
    public long del(String key) {
      return redis().del(key);
    }

    @Override
    public void expire(String key, long seconds) {
      redis().expire(key, seconds);
    }

    @Override
    public void persist(String key) {
      redis().persist(key);
    }
  }
}
