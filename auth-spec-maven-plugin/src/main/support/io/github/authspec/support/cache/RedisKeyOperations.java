package io.github.authspec.support.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Typed Redis operations that honour each key's declaration, over any client: the TTL is
 * applied on every write, refreshed on every read of a sliding key, and never set on a pinned
 * key; values are JSON-encoded through {@link ValueCodec} and gzip-compressed where declared;
 * Hash writes are checked against the declared fields. A client binding
 * ({@code JedisKeyOperations}, {@code LettuceKeyOperations}) only adapts {@link Commands}.
 * Needs only the JDK.
 */
public abstract class RedisKeyOperations {
  private final Commands redis;
  private final ValueCodec codec;

  /** Encodes values of keys declared with {@code "serialization": "json"}. */
  public interface ValueCodec {
    /**
     * Encodes a value.
     *
     * @param value the value
     * @param pretty whether the key asks for indented JSON
     * @return the JSON text
     */
    String encode(Object value, boolean pretty);

    /**
     * Decodes a value.
     *
     * @param <T> the value type
     * @param json the JSON text
     * @param type the value type
     * @return the value
     */
    <T> T decode(String json, Class<T> type);
  }

  /** The Redis commands the operations use; a client binding implements them. */
  public interface Commands {
    /**
     * SET with EX when {@code ttlSeconds > 0}.
     *
     * @param key the key
     * @param value the bytes
     * @param ttlSeconds the TTL, or 0 for none
     */
    void set(String key, byte[] value, long ttlSeconds);

    /**
     * GET.
     *
     * @param key the key
     * @return the bytes, or null
     */
    byte[] get(String key);

    /**
     * GETEX with EX.
     *
     * @param key the key
     * @param ttlSeconds the new TTL
     * @return the bytes, or null
     */
    byte[] getEx(String key, long ttlSeconds);

    /**
     * HSET.
     *
     * @param key the key
     * @param fields the fields
     */
    void hset(String key, Map<String, String> fields);

    /**
     * HGETALL.
     *
     * @param key the key
     * @return the fields
     */
    Map<String, String> hgetAll(String key);

    /**
     * SADD.
     *
     * @param key the key
     * @param members the members
     */
    void sadd(String key, String... members);

    /**
     * SMEMBERS.
     *
     * @param key the key
     * @return the members
     */
    Set<String> smembers(String key);

    /**
     * ZADD.
     *
     * @param key the key
     * @param score the score
     * @param member the member
     */
    void zadd(String key, double score, String member);

    /**
     * ZRANGE by rank.
     *
     * @param key the key
     * @param start the first rank
     * @param stop the last rank
     * @return the members
     */
    List<String> zrange(String key, long start, long stop);

    /**
     * RPUSH.
     *
     * @param key the key
     * @param values the values
     */
    void rpush(String key, String... values);

    /**
     * DEL.
     *
     * @param key the key
     * @return how many keys were removed
     */
    long del(String key);

    /**
     * EXPIRE.
     *
     * @param key the key
     * @param seconds the TTL
     */
    void expire(String key, long seconds);

    /**
     * PERSIST.
     *
     * @param key the key
     */
    void persist(String key);
  }

  /**
   * Operations over a client's commands.
   *
   * @param redis the commands
   * @param codec the JSON codec for JSON-serialised keys
   */
  protected RedisKeyOperations(Commands redis, ValueCodec codec) {
    this.redis = redis;
    this.codec = codec;
  }

  /**
   * Writes a String key, with its TTL.
   *
   * @param key the key
   * @param value the value (any object for JSON keys)
   */
  public void set(KeySpec.Ref key, Object value) {
    KeySpec spec = expect(key, KeySpec.Type.STRING);
    redis.set(key.key(), encode(spec, value), spec.ttl().map(t -> t.toSeconds()).orElse(0L));
  }

  /**
   * Reads a String key; a sliding key's TTL is restored.
   *
   * @param <T> the value type
   * @param key the key
   * @param type the value type ({@code String.class} for string keys)
   * @return the value, if the key exists
   */
  public <T> Optional<T> get(KeySpec.Ref key, Class<T> type) {
    KeySpec spec = expect(key, KeySpec.Type.STRING);
    byte[] raw = spec.expiry() == KeySpec.Expiry.SLIDING
        ? redis.getEx(key.key(), spec.ttl().orElseThrow().toSeconds())
        : redis.get(key.key());
    return raw == null ? Optional.empty() : Optional.of(decode(spec, raw, type));
  }

  /**
   * Writes fields of a Hash key, with its TTL.
   *
   * @param key the key
   * @param fields field names (declared ones only, when the spec lists them) and values
   */
  public void putFields(KeySpec.Ref key, Map<String, String> fields) {
    KeySpec spec = expect(key, KeySpec.Type.HASH);
    if (!spec.hashFields().isEmpty() && !spec.hashFields().containsAll(fields.keySet())) {
      throw new IllegalArgumentException("key " + spec.pattern() + " declares fields "
          + spec.hashFields() + ", not " + fields.keySet());
    }
    redis.hset(key.key(), fields);
    written(key);
  }

  /**
   * Reads every field of a Hash key.
   *
   * @param key the key
   * @return the fields
   */
  public Map<String, String> fields(KeySpec.Ref key) {
    expect(key, KeySpec.Type.HASH);
    Map<String, String> fields = redis.hgetAll(key.key());
    read(key);
    return fields;
  }

  /**
   * Adds members to a Set key.
   *
   * @param key the key
   * @param members the members
   */
  public void add(KeySpec.Ref key, String... members) {
    expect(key, KeySpec.Type.SET);
    redis.sadd(key.key(), members);
    written(key);
  }

  /**
   * The members of a Set key.
   *
   * @param key the key
   * @return the members
   */
  public Set<String> members(KeySpec.Ref key) {
    expect(key, KeySpec.Type.SET);
    Set<String> members = redis.smembers(key.key());
    read(key);
    return members;
  }

  /**
   * Adds a member with its score (the declared score field's value) to a Sorted Set key.
   *
   * @param key the key
   * @param score the score
   * @param member the member
   */
  public void addScored(KeySpec.Ref key, double score, String member) {
    expect(key, KeySpec.Type.SORTED_SET);
    redis.zadd(key.key(), score, member);
    written(key);
  }

  /**
   * Members of a Sorted Set key, lowest score first.
   *
   * @param key the key
   * @param start the first rank
   * @param stop the last rank ({@code -1} for the end)
   * @return the members
   */
  public List<String> range(KeySpec.Ref key, long start, long stop) {
    expect(key, KeySpec.Type.SORTED_SET);
    List<String> members = redis.zrange(key.key(), start, stop);
    read(key);
    return members;
  }

  /**
   * Appends values to a List key.
   *
   * @param key the key
   * @param values the values
   */
  public void push(KeySpec.Ref key, String... values) {
    expect(key, KeySpec.Type.LIST);
    redis.rpush(key.key(), values);
    written(key);
  }

  /**
   * Deletes a key.
   *
   * @param key the key
   * @return whether it existed
   */
  public boolean delete(KeySpec.Ref key) {
    return redis.del(key.key()) > 0;
  }

  private void written(KeySpec.Ref key) {
    KeySpec spec = key.spec();
    if (spec.ttl().isPresent()) {
      redis.expire(key.key(), spec.ttl().get().toSeconds());
    } else if (spec.pinned()) {
      redis.persist(key.key());
    }
  }

  private void read(KeySpec.Ref key) {
    KeySpec spec = key.spec();
    if (spec.expiry() == KeySpec.Expiry.SLIDING) {
      redis.expire(key.key(), spec.ttl().orElseThrow().toSeconds());
    }
  }

  private static KeySpec expect(KeySpec.Ref key, KeySpec.Type type) {
    if (key.spec().type() != type) {
      throw new IllegalArgumentException("key " + key.spec().pattern() + " is a "
          + key.spec().type() + ", not a " + type);
    }
    return key.spec();
  }

  private byte[] encode(KeySpec spec, Object value) {
    String text = spec.serialization() == KeySpec.Serialization.JSON
        ? codec.encode(value, spec.prettyJson()) : String.valueOf(value);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (spec.compression() != KeySpec.Compression.GZIP) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private <T> T decode(KeySpec spec, byte[] raw, Class<T> type) {
    byte[] bytes = raw;
    if (spec.compression() == KeySpec.Compression.GZIP) {
      try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        bytes = gzip.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return spec.serialization() == KeySpec.Serialization.JSON ? codec.decode(text, type)
        : type.cast(text);
  }
}
