package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.ConnectionPool;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The permission cache: versioned entries, horizons, and revocation against checks. */
class AuthorizationCacheTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static final String KEY = "permissions:user:{userId}";
  private static DataSource db;
  private static AuthzData data;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void database() {
    db = new ConnectionPool(SeedDatabase.fresh("authz_cache", 40));
    data = new AuthzData(db);
  }

  private Authorization authz() {
    return new Authorization(db, AuthzData.seed(), clock);
  }

  @Test
  @DisplayName("a second check is a hit; a revocation through another instance is seen by the"
      + " next check, whatever this instance's store holds")
  void revocationAcrossInstances() {
    long p = data.permission("c.p", "c", "p");
    long r = data.role("c-role");
    data.grant(r, p, null, null);
    Authorization one = authz();
    Authorization two = authz();
    MapStore store = new MapStore();
    AuthorizationCache cache = new AuthorizationCache(one, store, clock, KEY, 300);
    two.assignRole(1L, r, null);
    assertThat(cache.isAllowed(1L, "c.p")).isTrue();
    assertThat(cache.isAllowed(1L, "c:p")).isTrue();
    assertThat(cache.cached(1L)).contains(Set.of("c.p"));
    assertThat(store.sets.get()).isEqualTo(1);
    assertThat(store.entries).containsKey("permissions:user:1");
    two.revokeRole(1L, r);
    assertThat(cache.cached(1L)).isEmpty();
    assertThat(cache.isAllowed(1L, "c.p")).isFalse();
    cache.invalidate(1L);
    assertThat(store.entries).doesNotContainKey("permissions:user:1");
  }

  @Test
  @DisplayName("an entry ends at its horizon: an expiry or a window edge, with no write")
  void horizons() {
    long p = data.permission("h.p", "h", "p");
    long r = data.role("h-role");
    data.grant(r, p, null, T0.plusSeconds(3600));
    Authorization a = authz();
    AuthorizationCache cache = new AuthorizationCache(a, new MapStore(), clock, KEY, 300);
    a.assignRoleUntil(2L, r, T0.plusSeconds(60), null);
    a.assignRoleWindow(3L, r, null, null, LocalTime.of(11, 0), LocalTime.of(12, 0, 30), null,
        "UTC");
    assertThat(cache.isAllowed(2L, "h.p")).isTrue();
    assertThat(cache.isAllowed(3L, "h.p")).isTrue();
    clock.set(T0.plusSeconds(30));
    assertThat(cache.isAllowed(3L, "h.p")).isFalse();
    clock.set(T0.plusSeconds(59));
    assertThat(cache.cached(2L)).contains(Set.of("h.p"));
    clock.set(T0.plusSeconds(60));
    assertThat(cache.cached(2L)).isEmpty();
    assertThat(cache.isAllowed(2L, "h.p")).isFalse();
  }

  @Test
  @DisplayName("an entry evaluated before a revocation but stored after it carries the old"
      + " version and is never used")
  void lateStaleEntry() {
    long p = data.permission("l.p", "l", "p");
    long r = data.role("l-role");
    data.grant(r, p, null, null);
    Authorization a = authz();
    MapStore store = new MapStore();
    AuthorizationCache cache = new AuthorizationCache(a, store, clock, KEY, 300);
    a.assignRole(4L, r, null);
    Authorization.Evaluation before = a.evaluate(4L);
    a.revokeRole(4L, r);
    store.set("permissions:user:4", AuthorizationCache.encode(before), 300);
    assertThat(cache.isAllowed(4L, "l.p")).isFalse();
  }

  /**
   * Eight threads over two instances (each its own decision and store) check one permission
   * in a loop while one thread revokes it; each check notes when it started, the revoker when
   * its commit returned. Every check that started after that answers deny.
   */
  @Test
  @DisplayName("start gun, 20 rounds: revocation against concurrent checks on two instances;"
      + " zero allows from checks started after the revoking commit")
  void revocationRace() throws Exception {
    long p = data.permission("race.p", "race", "p");
    Authorization[] instances = {authz(), authz()};
    MapStore[] stores = {new MapStore(), new MapStore()};
    AuthorizationCache[] caches = {
        new AuthorizationCache(instances[0], stores[0], clock, KEY, 300),
        new AuthorizationCache(instances[1], stores[1], clock, KEY, 300)};
    long afterCommit = 0;
    long allowsBefore = 0;
    for (int round = 0; round < 20; round++) {
      long user = 10 + round;
      long r = data.role("race-role-" + round);
      data.grant(r, p, null, null);
      instances[0].assignRole(user, r, null);
      caches[0].isAllowed(user, "race.p");
      caches[1].isAllowed(user, "race.p");
      AtomicLong committed = new AtomicLong(Long.MAX_VALUE);
      ConcurrentLinkedQueue<long[]> checks = new ConcurrentLinkedQueue<>();
      AtomicInteger turn = new AtomicInteger();
      StartGun.fire(9, () -> {
        int me = turn.getAndIncrement();
        if (me == 0) {
          Thread.sleep(5);
          instances[1].revokeRole(user, r);
          committed.set(System.nanoTime());
          return 0;
        }
        AuthorizationCache cache = caches[me % 2];
        for (int i = 0; i < 60; i++) {
          long started = System.nanoTime();
          boolean allowed = cache.isAllowed(user, "race.p");
          checks.add(new long[] {started, allowed ? 1 : 0});
        }
        return 0;
      });
      for (long[] c : checks) {
        if (c[0] > committed.get()) {
          afterCommit++;
          assertThat(c[1]).as("round %d: a check started after the commit allowed", round)
              .isZero();
        } else {
          allowsBefore += c[1];
        }
      }
    }
    System.out.printf("revocation race: %d checks started after the revoking commit, all deny;"
        + " %d allows before it%n", afterCommit, allowsBefore);
    assertThat(afterCommit).isPositive();
    assertThat(allowsBefore).isPositive();
    assertThat(List.of(stores[0].gets.get(), stores[1].gets.get())).allMatch(g -> g > 0);
  }
}
