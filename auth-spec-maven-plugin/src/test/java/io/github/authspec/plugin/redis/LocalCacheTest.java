package io.github.authspec.plugin.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal spec's local caches, built from the generated factories, behave as declared. */
class LocalCacheTest {
  @TempDir Path dir;

  @Test
  @DisplayName("permissionCache: size bound, expiry after access, refresh after write, stats")
  @SuppressWarnings("unchecked")
  void caffeineCache() throws Exception {
    ClassLoader loader = compile();
    Method factory = loader.loadClass("com.example.authservice.cache.CaffeineCaches")
        .getMethod("permissionCache", CacheLoader.class, Ticker.class);
    AtomicLong now = new AtomicLong();
    AtomicInteger loads = new AtomicInteger();
    CacheLoader<String, String> load = k -> k + "#" + loads.incrementAndGet();
    LoadingCache<String, String> cache =
        (LoadingCache<String, String>) factory.invoke(null, load, (Ticker) now::get);

    assertThat(cache.get("a")).isEqualTo("a#1");
    assertThat(cache.get("a")).isEqualTo("a#1");
    assertThat(cache.stats().hitCount()).isEqualTo(1);

    now.addAndGet(Duration.ofSeconds(121).toNanos());
    assertThat(cache.get("a")).as("expired 120 s after access").isEqualTo("a#2");

    now.addAndGet(Duration.ofSeconds(61).toNanos());
    cache.get("a");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (cache.getIfPresent("a").equals("a#2") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(cache.getIfPresent("a")).as("refreshed 60 s after write").isEqualTo("a#3");

    for (int i = 0; i < 6000; i++) {
      cache.put("k" + i, "v");
    }
    cache.cleanUp();
    assertThat(cache.estimatedSize()).isLessThanOrEqualTo(5000);
  }

  @Test
  @DisplayName("userCache (inMemory, ttl 600): JDK-only, entries expire 600 s after write")
  @SuppressWarnings("unchecked")
  void inMemoryCache() throws Exception {
    ClassLoader loader = compile();
    Method factory = loader.loadClass("com.example.authservice.cache.InMemoryCaches")
        .getMethod("userCache", LongSupplier.class);
    AtomicLong now = new AtomicLong();
    Object cache = factory.invoke(null, (LongSupplier) now::get);
    Method put = cache.getClass().getMethod("put", Object.class, Object.class);
    Method get = cache.getClass().getMethod("get", Object.class);

    put.invoke(cache, "u1", "Ada");
    now.addAndGet(Duration.ofSeconds(599).toNanos());
    assertThat((Optional<Object>) get.invoke(cache, "u1")).contains("Ada");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat((Optional<Object>) get.invoke(cache, "u1")).isEmpty();
  }

  @Test
  @DisplayName("Caffeine code is generated only for specs that declare Caffeine caches")
  void caffeineOnlyWhenAsked() {
    List<GeneratedFile> full = Specs.plan(Specs.project(Specs.FULL, dir.resolve("full")));
    assertThat(full).noneMatch(f -> f.path().endsWith("CaffeineCaches.java"));
    assertThat(full).noneMatch(f -> f.text().contains("com.github.benmanes"));
  }

  private ClassLoader compile() {
    List<GeneratedFile> files = Specs.plan(Specs.project("minimal-valid.json", dir.resolve("m")));
    assertThat(files).anyMatch(f -> f.root() == OutputRoot.RESOURCES
        && f.text().contains("maxmemory-policy allkeys-lru"));
    return GeneratedSources.compile(files, dir.resolve("build"));
  }
}
