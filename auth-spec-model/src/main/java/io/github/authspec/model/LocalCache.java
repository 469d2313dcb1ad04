package io.github.authspec.model;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A local (in-process) cache: {@code keys.caffeine[]} or {@code keys.inMemory[]} (whose
 * {@code ttl} is an expire-after-write). Option combinations Caffeine rejects are errors.
 */
public record LocalCache(
    String name,
    Kind kind,
    OptionalLong maxSize,
    Optional<Duration> expireAfterWrite,
    Optional<Duration> expireAfterAccess,
    Optional<Duration> refreshAfterWrite,
    boolean weakKeys,
    boolean weakValues,
    boolean softValues,
    boolean recordStats,
    String pointer) {

  /** Which list the cache came from. */
  public enum Kind { IN_MEMORY, CAFFEINE }
}
