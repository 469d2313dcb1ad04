package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.token.SeedDatabase;
import io.lettuce.core.RedisURI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The permission cache's store in a real Redis, through the text-returning script binding of
 * each client (Spring's is in {@code RedisConnectionScriptsTest}).
 */
class RedisCacheStoreTest {
  private static final RedisClient JEDIS = RedisServerSupport.client();

  private static RedisScripts scripts(String client) {
    return client.equals("jedis") ? new JedisScripts(JEDIS) : new LettuceScripts(
        io.lettuce.core.RedisClient.create(RedisURI.create("127.0.0.1",
            RedisServerSupport.port())).connect().sync());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jedis", "lettuce"})
  @DisplayName("an entry is one field of a hash at the key, read back as written (any text),"
      + " living for its TTL; a missing one is null; delete removes the key")
  void entries(String client) {
    RedisCacheStore store = new RedisCacheStore(scripts(client));
    String key = "permissions:user:" + UUID.randomUUID();
    assertThat(store.get(key)).isNull();
    String entry = "authz1 3 2026-12-01T12:00:00Z - n:r%C3%A9sum%C3%A9 m:a%3Ab é";
    store.set(key, entry, 60);
    assertThat(store.get(key)).isEqualTo(entry);
    assertThat(JEDIS.type(key)).isEqualTo("hash");
    assertThat(JEDIS.ttl(key)).isBetween(1L, 60L);
    store.delete(key);
    assertThat(store.get(key)).isNull();
    assertThat(JEDIS.exists(key)).isFalse();
  }

  @Test
  @DisplayName("a one-method adapter runs integer scripts only, and says so for text")
  void oneMethodAdapter() {
    RedisScripts integers = (script, key, args) -> List.of();
    assertThatThrownBy(() -> integers.evalText("return {}", "k", List.of()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("evalText");
  }

  @Test
  @DisplayName("the cache in Redis: a second read is a hit; after a revoking write the entry"
      + " is not used, and the next read evaluates afresh")
  void cacheInRedis() {
    DataSource db = SeedDatabase.fresh("authz_redis_cache", 3);
    AuthzData data = new AuthzData(db);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    Authorization a = new Authorization(db, AuthzData.seed(), clock);
    String prefix = "cache:" + UUID.randomUUID() + ":";
    AuthorizationCache cache = new AuthorizationCache(a, new RedisCacheStore(scripts("jedis")),
        clock, id -> prefix + id, 300);
    long r = data.role("redis-reader");
    data.grant(r, data.permission("rc.read", "rc", "read"), null, null);
    a.assignRole(1L, r, null);
    assertThat(cache.cached(1L)).isEmpty();
    assertThat(cache.permissions(1L)).isEqualTo(Set.of("rc.read"));
    assertThat(cache.cached(1L)).contains(Set.of("rc.read"));
    assertThat(JEDIS.hget(prefix + 1, "entry")).startsWith("authz1 ");
    a.revokeRole(1L, r);
    assertThat(cache.cached(1L)).isEmpty();
    assertThat(cache.isAllowed(1L, "rc:read")).isFalse();
  }
}
