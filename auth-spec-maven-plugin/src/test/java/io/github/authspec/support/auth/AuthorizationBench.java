package io.github.authspec.support.auth;

import io.github.authspec.plugin.testsupport.ConnectionPool;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Check latency with and without the permission cache, on 10,000 users, 1,000 roles in
 * hierarchies 10 deep, 500 permissions, beside a plain Redis GET and the version read measured
 * in the same run (embedded PostgreSQL and Redis on this machine, one thread). Not a test; run
 * it from the IDE or with the test class path:
 * {@code java -cp <test class path> io.github.authspec.support.auth.AuthorizationBench}.
 */
public final class AuthorizationBench {
  private static final int USERS = 10_000;
  private static final int ROLES = 1_000;
  private static final int DEPTH = 10;
  private static final int PERMISSIONS = 500;
  private static final int CHECKS = 20_000;

  private AuthorizationBench() {}

  /** A Redis store of cache entries. */
  static final class RedisStore implements AuthorizationCache.Store {
    private final RedisClient redis;

    RedisStore(RedisClient redis) {
      this.redis = redis;
    }

    @Override
    public String get(String key) {
      return redis.get(key);
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
      redis.set(key, value, SetParams.setParams().ex(ttlSeconds));
    }

    @Override
    public void delete(String key) {
      redis.del(key);
    }
  }

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 28L;
    DataSource db = new ConnectionPool(SeedDatabase.fresh("authz_bench", 1));
    AuthzData data = new AuthzData(db);
    data.users(USERS - 1);
    data.exec("INSERT INTO roles (name) SELECT 'role' || g FROM generate_series(1, ?) g", ROLES);
    // chains of DEPTH: role k inherits from role k+1 within each chain
    data.exec("UPDATE roles SET parent_role_id = id + 1 WHERE id % ? <> 0", DEPTH);
    data.exec("INSERT INTO permissions (name, resource, action) SELECT 'perm' || g, 'res' ||"
        + " (g % 50), 'act' || g FROM generate_series(1, ?) g", PERMISSIONS);
    data.exec("INSERT INTO role_permissions (role_id, permission_id) SELECT r.id, 1 +"
        + " ((r.id * 7 + k * 13) % ?) FROM roles r, generate_series(1, 2) k", PERMISSIONS);
    data.exec("INSERT INTO user_roles (user_id, role_id) SELECT u.id, 1 + ((u.id * 31 + k *"
        + " 101) % ?) FROM users u, generate_series(1, 2) k", ROLES);
    data.exec("ANALYZE");
    Clock clock = Clock.systemUTC();
    Authorization authz = new Authorization(db, AuthzData.seed(), clock);
    authz.assignRole(1L, 1L, null);
    RedisClient redis = RedisServerSupport.client();
    MapStoreCounter counter = new MapStoreCounter(new RedisStore(redis));
    AuthorizationCache cache = new AuthorizationCache(authz, counter, clock,
        "permissions:user:{userId}", 300);
    redis.set("bench:plain", "authz1 1 x");
    Random random = new Random(seed);
    int[] users = random.ints(CHECKS, 1, USERS + 1).toArray();
    int[] perms = random.ints(CHECKS, 1, PERMISSIONS + 1).toArray();
    System.out.printf("authorization bench: %d users, %d roles (chains of %d), %d permissions,"
        + " %d checks over random users, seed %d%n", USERS, ROLES, DEPTH, PERMISSIONS, CHECKS,
        seed);
    int[] i = {0};
    report("uncached decision", CHECKS, () -> {
      int k = i[0]++ % CHECKS;
      return authz.isAllowed((long) users[k], "perm" + perms[k], null) ? 1 : 0;
    });
    i[0] = 0;
    report("cached, first pass", CHECKS, () -> {
      int k = i[0]++ % CHECKS;
      return cache.isAllowed((long) users[k], "perm" + perms[k]) ? 1 : 0;
    });
    System.out.printf("  first pass hit rate: %.1f%%%n", 100.0 * (counter.gets - counter.sets)
        / counter.gets);
    long gets = counter.gets;
    long sets = counter.sets;
    report("cached, second pass", CHECKS, () -> {
      int k = i[0]++ % CHECKS;
      return cache.isAllowed((long) users[k], "perm" + perms[k]) ? 1 : 0;
    });
    System.out.printf("  second pass hit rate: %.1f%%%n", 100.0 * ((counter.gets - gets)
        - (counter.sets - sets)) / (counter.gets - gets));
    report("version read alone (PostgreSQL)", CHECKS, authz::version);
    report("Redis GET alone", CHECKS, () -> redis.get("bench:plain").length());
    redis.close();
    System.exit(0);
  }

  /** Counts store reads and writes (a write follows every miss). */
  static final class MapStoreCounter implements AuthorizationCache.Store {
    private final AuthorizationCache.Store target;
    long gets;
    long sets;

    MapStoreCounter(AuthorizationCache.Store target) {
      this.target = target;
    }

    @Override
    public String get(String key) {
      gets++;
      return target.get(key);
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
      sets++;
      target.set(key, value, ttlSeconds);
    }

    @Override
    public void delete(String key) {
      target.delete(key);
    }
  }

  private static void report(String what, int n, LongSupplier op) {
    for (int w = 0; w < Math.min(n, 500); w++) {
      op.getAsLong();
    }
    long[] nanos = new long[n];
    long sink = 0;
    for (int k = 0; k < n; k++) {
      long t = System.nanoTime();
      sink += op.getAsLong();
      nanos[k] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("  %-36s p50 %7.1f us   p99 %8.1f us%s%n", what,
        nanos[n / 2] / 1000.0, nanos[n * 99 / 100] / 1000.0, sink < 0 ? "!" : "");
  }
}
