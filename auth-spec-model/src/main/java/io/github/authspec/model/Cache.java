package io.github.authspec.model;

import java.util.List;
import java.util.Optional;

/** {@code diagram.cache}: settings, Redis keys and local caches, each list in spec order. */
public record Cache(
    String type, Optional<CacheSettings> settings, List<RedisKey> redisKeys,
    List<LocalCache> inMemory, List<LocalCache> caffeine) {

  public Cache {
    redisKeys = List.copyOf(redisKeys);
    inMemory = List.copyOf(inMemory);
    caffeine = List.copyOf(caffeine);
  }

  public static Cache empty() {
    return new Cache("redis", Optional.empty(), List.of(), List.of(), List.of());
  }

  public Optional<RedisKey> redisKey(String pattern) {
    return redisKeys.stream().filter(k -> k.pattern().text().equals(pattern)).findFirst();
  }
}
