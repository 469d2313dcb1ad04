package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backup codes over the seed spec's backup_codes and over a table without used_at. */
class BackupCodeStoreTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final BackupCodes codes = new BackupCodes(new byte[32], new SecureRandom());

  @Test
  @DisplayName("codes are stored hashed, replaced as a set, and each used once, stamped")
  void generateAndRedeem() {
    DataSource db = SeedDatabase.fresh("backup_codes", 2);
    BackupCodeStore store = new BackupCodeStore(db, BackupCodeStore.Table.conventional(), clock,
        codes);
    List<String> old = store.generate(1L);
    List<String> fresh = store.generate(1L);
    assertThat(store.remaining(1L)).isEqualTo(BackupCodes.COUNT);
    assertThat(SeedDatabase.values(db, "backup_codes")).doesNotContainAnyElementsOf(fresh);
    assertThat(store.redeem(1L, old.get(0))).as("replaced").isFalse();
    assertThat(store.redeem(2L, fresh.get(0))).as("another user's").isFalse();
    assertThat(store.redeem(1L, fresh.get(0))).isTrue();
    assertThat(store.redeem(1L, fresh.get(0))).as("used up").isFalse();
    assertThat(store.redeem(1L, null)).isFalse();
    assertThat(store.remaining(1L)).isEqualTo(BackupCodes.COUNT - 1);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM backup_codes WHERE used AND "
        + "used_at = '2026-12-01 12:00:00+00'")).isEqualTo(1);
  }

  @Test
  @DisplayName("without a used-at column; 16 simultaneous redemptions of one code: one wins")
  void concurrentRedemption() throws Exception {
    DataSource db = SeedDatabase.fresh("backup_codes_bare", 1);
    Catalog.apply(db, "CREATE TABLE \"codes\" (\"u\" bigint, \"h\" text, \"done\" boolean);");
    BackupCodeStore store = new BackupCodeStore(db, new BackupCodeStore.Table("codes", "u", "h",
        "done", null), clock, codes);
    String code = store.generate(1L).get(3);
    List<Boolean> wins = StartGun.fire(16, () -> store.redeem(1L, code));
    assertThat(wins.stream().filter(w -> w).count()).isEqualTo(1);
    assertThat(store.remaining(1L)).isEqualTo(BackupCodes.COUNT - 1);
  }
}
