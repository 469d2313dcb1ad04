package io.github.authspec.support.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small in-process cache needing only the JDK, for the spec's {@code keys.inMemory} entries:
 * least-recently-used eviction past a maximum size, and expiry a fixed time after each write.
 * Thread-safe (one lock). The ticker is injectable so tests need not sleep.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class InMemoryCache<K, V> {
  private final long maximumSize;
  private final long ttlNanos;
  private final LongSupplier ticker;
  private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

  private record Entry<V>(V value, long writtenAt) {
  }

  /**
   * A cache.
   *
   * @param maximumSize the most entries kept ({@code Long.MAX_VALUE} for no bound)
   * @param ttl how long an entry lives after it is written ({@code null} for ever)
   * @param ticker nanosecond time source, e.g. {@code System::nanoTime}
   */
  public InMemoryCache(long maximumSize, Duration ttl, LongSupplier ticker) {
    this.maximumSize = maximumSize;
    this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
    this.ticker = ticker;
  }

  /**
   * The value for {@code key}, if present and not expired.
   *
   * @param key the key
   * @return the value
   */
  public synchronized Optional<V> get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (expired(e)) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /**
   * The value for {@code key}, computed and stored when absent or expired.
   *
   * @param key the key
   * @param loader computes a missing value
   * @return the value
   */
  public synchronized V get(K key, Function<? super K, ? extends V> loader) {
    Optional<V> present = get(key);
    if (present.isPresent()) {
      return present.get();
    }
    V value = loader.apply(key);
    put(key, value);
    return value;
  }

  /**
   * Stores a value, evicting the least recently used entries past the maximum size.
   *
   * @param key the key
   * @param value the value
   */
  public synchronized void put(K key, V value) {
    entries.put(key, new Entry<>(value, ticker.getAsLong()));
    while (entries.size() > maximumSize) {
      K eldest = entries.keySet().iterator().next();
      entries.remove(eldest);
    }
  }

  /**
   * Removes a key.
   *
   * @param key the key
   */
  public synchronized void invalidate(K key) {
    entries.remove(key);
  }

  /**
   * The number of entries held, expired ones included until they are read.
   *
   * @return the size
   */
  public synchronized int size() {
    return entries.size();
  }

  private boolean expired(Entry<V> e) {
    return ttlNanos != Long.MAX_VALUE && ticker.getAsLong() - e.writtenAt() >= ttlNanos;
  }

  /**
   * For tests: the entries as a map, expired ones removed.
   *
   * @return a snapshot
   */
  public synchronized Map<K, V> snapshot() {
    Map<K, V> out = new LinkedHashMap<>();
    entries.entrySet().removeIf(e -> expired(e.getValue()));
    entries.forEach((k, e) -> out.put(k, e.value()));
    return out;
  }
}
