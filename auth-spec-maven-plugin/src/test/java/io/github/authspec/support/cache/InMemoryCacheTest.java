package io.github.authspec.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryCacheTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  @DisplayName("an entry lives for its TTL after its write, by the injected ticker")
  void ttl() {
    InMemoryCache<String, Integer> cache = new InMemoryCache<>(10, Duration.ofSeconds(5),
        now::get);
    cache.put("a", 1);
    now.set(Duration.ofSeconds(5).toNanos() - 1);
    assertThat(cache.get("a")).contains(1);

    now.set(Duration.ofSeconds(5).toNanos());
    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  @DisplayName("past the maximum size the least recently used entry goes")
  void lru() {
    InMemoryCache<String, Integer> cache = new InMemoryCache<>(2, null, now::get);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.get("a");
    cache.put("c", 3);

    assertThat(cache.snapshot()).isEqualTo(Map.of("a", 1, "c", 3));
  }

  @Test
  @DisplayName("the loader runs only for a missing or expired key; invalidate removes")
  void loader() {
    InMemoryCache<String, Integer> cache = new InMemoryCache<>(10, Duration.ofSeconds(1),
        now::get);
    AtomicInteger loads = new AtomicInteger();
    assertThat(cache.get("k", k -> loads.incrementAndGet())).isEqualTo(1);
    assertThat(cache.get("k", k -> loads.incrementAndGet())).isEqualTo(1);
    now.set(Duration.ofSeconds(1).toNanos());
    assertThat(cache.get("k", k -> loads.incrementAndGet())).isEqualTo(2);
    cache.invalidate("k");
    assertThat(cache.get("k")).isEmpty();
  }

  @Test
  @DisplayName("start gun: concurrent loads of one key compute it once")
  void concurrentLoads() throws Exception {
    InMemoryCache<String, Integer> cache = new InMemoryCache<>(10, null, now::get);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch gun = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          gun.await();
          return cache.get("k", k -> loads.incrementAndGet());
        }));
      }
      gun.countDown();
      for (var r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }
}
