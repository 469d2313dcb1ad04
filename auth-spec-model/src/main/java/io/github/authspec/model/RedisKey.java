package io.github.authspec.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code diagram.cache.keys.redis[]} entry, validated. {@code ttl} is empty for pinned keys
 * and keys without a ttl; {@code expireStrategy} is {@link ExpireStrategy#NONE} exactly then.
 */
public record RedisKey(
    KeyPattern pattern,
    RedisType type,
    Optional<Duration> ttl,
    ExpireStrategy expireStrategy,
    Serialization serialization,
    Compression compression,
    Optional<String> eviction,
    boolean pinned,
    boolean prettyJson,
    List<String> hashFields,
    Optional<String> scoreField,
    String pointer) {

  public RedisKey {
    hashFields = List.copyOf(hashFields);
  }

  /** Redis data types. */
  public enum RedisType {
    STRING("String"), HASH("Hash"), LIST("List"), SET("Set"), SORTED_SET("Sorted Set");

    private final String label;

    RedisType(String label) {
      this.label = label;
    }

    /** The designer's spelling. */
    public String label() {
      return label;
    }
  }

  /** When the TTL is (re)applied. */
  public enum ExpireStrategy {
    /** No TTL: the key lives until deleted. */
    NONE,
    /** TTL set when the key is written. */
    ON_WRITE,
    /** TTL set on write and refreshed on every read. */
    SLIDING
  }

  /** How values are encoded. */
  public enum Serialization { STRING, JSON }

  /** How encoded values are compressed. */
  public enum Compression { NONE, GZIP }
}
