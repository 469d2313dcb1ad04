package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lockout counted and locked in one statement, in both time types, on a real PostgreSQL. */
class AccountLockoutTest {
  static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(1),
      Duration.ofMinutes(15));
  final MutableClock clock = new MutableClock(T0);

  /** A database with table {@code "lock-out"} whose time columns are {@code type}. */
  static DataSource database(String type) {
    DataSource db = PostgresServer.freshDatabase("lockout");
    Catalog.apply(db, "CREATE TABLE \"lock-out\" (\"id\" bigint PRIMARY KEY, \"n\" int NOT NULL"
        + " DEFAULT 0, \"until\" " + type + ", \"since\" " + type + ");"
        + "INSERT INTO \"lock-out\" (\"id\") SELECT g FROM generate_series(1, 3) g;");
    return db;
  }

  @ParameterizedTest
  @ValueSource(strings = {"timestamp", "timestamptz"})
  @DisplayName("the threshold locks for the first period, each further failure doubles it, "
      + "a lock ends at its end, a reset clears it; the same instants in either time type")
  void lockAndDouble(String type) {
    DataSource db = database(type);
    AccountLockout lockout = new AccountLockout(db, new AccountLockout.Table("lock-out", "id",
        "n", "until", "since", type), clock, POLICY);
    for (int i = 1; i < 5; i++) {
      lockout.recordFailure(1L);
      assertThat(lockout.lockedUntil(1L)).as("after " + i).isEmpty();
    }
    lockout.recordFailure(1L);
    assertThat(lockout.lockedUntil(1L)).contains(T0.plus(Duration.ofMinutes(1)));
    clock.set(T0.plusSeconds(60));
    assertThat(lockout.lockedUntil(1L)).as("ended at its end").isEmpty();
    lockout.recordFailure(1L);
    assertThat(lockout.lockedUntil(1L)).contains(T0.plusSeconds(60).plus(Duration.ofMinutes(2)));
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM \"lock-out\" WHERE id = 1 AND "
        + "since = '2026-12-01 12:00:00+00'")).as("the lock began at the threshold").isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      lockout.recordFailure(1L);
    }
    assertThat(lockout.lockedUntil(1L)).contains(T0.plusSeconds(60)
        .plus(Duration.ofMinutes(15)));
    lockout.reset(1L);
    assertThat(lockout.lockedUntil(1L)).isEmpty();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM \"lock-out\" WHERE id = 1 AND n = 0"
        + " AND until IS NULL AND since IS NULL")).isEqualTo(1);
    AccountLockout bare = new AccountLockout(db, new AccountLockout.Table("lock-out", "id", "n",
        "until", null, type), clock, POLICY);
    for (int i = 0; i < 5; i++) {
      bare.recordFailure(2L);
    }
    assertThat(bare.lockedUntil(2L)).contains(T0.plusSeconds(120));
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM \"lock-out\" WHERE since IS NOT "
        + "NULL")).as("no lockedAt column bound: none written").isZero();
  }

  @Test
  @DisplayName("parallel failures are each counted, and lock as the policy says for the count")
  void parallelFailures() throws Exception {
    DataSource db = database("timestamp");
    AccountLockout lockout = new AccountLockout(db, new AccountLockout.Table("lock-out", "id",
        "n", "until", "since", "timestamp"), clock, POLICY);
    StartGun.fire(8, () -> {
      lockout.recordFailure(3L);
      return null;
    });
    assertThat(SeedDatabase.count(db, "SELECT n FROM \"lock-out\" WHERE id = 3")).isEqualTo(8);
    assertThat(lockout.lockedUntil(3L)).contains(T0.plus(POLICY.lockFor(8)));
  }

  @Test
  @DisplayName("the seed spec's names; a mapping with another time type is refused")
  void conventional() {
    DataSource db = SeedDatabase.fresh("lockout_seed", 1);
    String type = SeedDatabase.count(db, "SELECT count(*) FROM information_schema.columns "
        + "WHERE table_name = 'users' AND column_name = 'lockout_until' AND data_type = "
        + "'timestamp with time zone'") == 1 ? "timestamptz" : "timestamp";
    AccountLockout lockout = new AccountLockout(db, AccountLockout.Table.conventional(type),
        clock, LockoutPolicy.standard());
    for (int i = 0; i < 5; i++) {
      lockout.recordFailure(1L);
    }
    assertThat(lockout.lockedUntil(1L)).contains(T0.plus(Duration.ofMinutes(1)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccountLockout.Table
        .conventional("date")).hasMessageContaining("timestamp or timestamptz");
  }
}
