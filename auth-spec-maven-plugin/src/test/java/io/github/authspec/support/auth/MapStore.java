package io.github.authspec.support.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** An in-process cache store (one per simulated instance), counting hits and misses. */
final class MapStore implements AuthorizationCache.Store {
  final Map<String, String> entries = new ConcurrentHashMap<>();
  final AtomicLong gets = new AtomicLong();
  final AtomicLong found = new AtomicLong();
  final AtomicLong sets = new AtomicLong();

  @Override
  public String get(String key) {
    gets.incrementAndGet();
    String v = entries.get(key);
    if (v != null) {
      found.incrementAndGet();
    }
    return v;
  }

  @Override
  public void set(String key, String value, long ttlSeconds) {
    sets.incrementAndGet();
    entries.put(key, value);
  }

  @Override
  public void delete(String key) {
    entries.remove(key);
  }
}
