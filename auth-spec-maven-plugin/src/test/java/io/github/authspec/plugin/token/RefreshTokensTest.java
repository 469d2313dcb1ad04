package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.token.RefreshTokens.Outcome;
import io.github.authspec.support.token.RefreshTokens.Refresh;
import io.github.authspec.support.token.RefreshTokens;
import io.github.authspec.support.token.Secrets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation, families and reuse detection on the seed spec's refresh_tokens, on real PostgreSQL. */
class RefreshTokensTest {
  static final int THREADS = 16;
  static final SecureRandom RANDOM = new SecureRandom();
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("refresh", 3);
  }

  RefreshTokens strict() {
    return new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM);
  }

  @Test
  @DisplayName("rotation issues a successor; the old token again revokes the whole family, successor included; other families live on")
  void rotationAndReuse() {
    RefreshTokens store = strict();
    RefreshTokens.Issued first = store.issue(1L);
    RefreshTokens.Issued otherLogin = store.issue(1L);
    Refresh r = store.rotate(first.token());
    assertThat(r.outcome()).isEqualTo(Outcome.ROTATED);
    RefreshTokens.Issued second = r.issued().orElseThrow();
    assertThat(second.familyId()).isEqualTo(first.familyId());
    assertThat(second.userId()).isEqualTo(1L);
    assertThat(second.token()).isNotEqualTo(first.token()).hasSize(43);

    assertThat(store.rotate(first.token()).outcome()).isEqualTo(Outcome.REUSED);
    assertThat(store.rotate(second.token()).outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(store.activeFamilies(1L)).containsExactly(otherLogin.familyId());
    assertThat(store.rotate(otherLogin.token()).outcome()).isEqualTo(Outcome.ROTATED);
    assertThat(store.rotate("no-such-token").outcome()).isEqualTo(Outcome.INVALID);
    assertThat(SeedDatabase.values(db, "refresh_tokens"))
        .doesNotContain(first.token(), second.token(), otherLogin.token())
        .contains(Secrets.sha256(first.token()));
  }

  @Test
  @DisplayName("fixed clock: a token expires after its TTL, and rotating every 6 minutes never carries a family past its absolute lifetime")
  void lifetimes() {
    RefreshTokens store = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM,
        Duration.ofHours(1), Duration.ofHours(2), Duration.ZERO);
    Instant start = clock.instant();
    RefreshTokens.Issued t = store.issue(2L);
    clock.advance(Duration.ofHours(1));
    assertThat(store.rotate(t.token()).outcome()).isEqualTo(Outcome.EXPIRED);

    t = store.issue(2L);
    Instant familyStart = clock.instant();
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMinutes(6));
      Refresh r = store.rotate(t.token());
      if (r.outcome() != Outcome.ROTATED) {
        assertThat(clock.instant()).isAfterOrEqualTo(familyStart.plus(Duration.ofHours(2)));
        assertThat(r.outcome()).isEqualTo(Outcome.EXPIRED);
        return;
      }
      t = r.issued().orElseThrow();
      assertThat(t.expiresAt()).isBeforeOrEqualTo(familyStart.plus(Duration.ofHours(2)));
    }
    throw new AssertionError("the family outlived its absolute lifetime (start " + start + ")");
  }

  @Test
  @DisplayName("start gun, strict: 16 threads present one token: exactly 1 ROTATED, 15 REUSED, and the family (winner's successor too) is revoked")
  void concurrentStrict() throws Exception {
    RefreshTokens store = strict();
    RefreshTokens.Issued t = store.issue(3L);
    List<Refresh> results = StartGun.fire(THREADS, () -> store.rotate(t.token()));
    Map<Outcome, Long> counts = results.stream()
        .collect(Collectors.groupingBy(Refresh::outcome, Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.ROTATED, 1L,
        Outcome.REUSED, (long) THREADS - 1));
    String successor = results.stream().filter(r -> r.outcome() == Outcome.ROTATED)
        .findFirst().orElseThrow().issued().orElseThrow().token();
    assertThat(store.rotate(successor).outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM refresh_tokens WHERE family_id = '"
        + t.familyId() + "'")).as("one successor row, never two").isEqualTo(2);
  }

  @Test
  @DisplayName("start gun, 5 s grace: 1 ROTATED, 15 CONCURRENT, the successor stays valid; after the window the old token is reuse")
  void concurrentWithGrace() throws Exception {
    RefreshTokens store = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM,
        RefreshTokens.DEFAULT_TTL, RefreshTokens.DEFAULT_FAMILY_LIFETIME, Duration.ofSeconds(5));
    RefreshTokens.Issued t = store.issue(3L);
    List<Refresh> results = StartGun.fire(THREADS, () -> store.rotate(t.token()));
    Map<Outcome, Long> counts = results.stream()
        .collect(Collectors.groupingBy(Refresh::outcome, Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.ROTATED, 1L,
        Outcome.CONCURRENT, (long) THREADS - 1));
    Function<Refresh, String> token = r -> r.issued().orElseThrow().token();
    String successor = token.apply(results.stream().filter(r -> r.outcome() == Outcome.ROTATED)
        .findFirst().orElseThrow());
    clock.advance(Duration.ofSeconds(5));
    assertThat(store.rotate(t.token()).outcome()).isEqualTo(Outcome.REUSED);
    assertThat(store.rotate(successor).outcome()).isEqualTo(Outcome.REVOKED);
  }

  @Test
  @DisplayName("revoking a user's families ends every login; familyOf finds a token's family for RFC 7009")
  void revokeUser() {
    RefreshTokens store = strict();
    RefreshTokens.Issued a = store.issue(2L);
    RefreshTokens.Issued b = store.issue(2L);
    assertThat(store.familyOf(a.token())).contains(a.familyId());
    assertThat(store.revokeUser(2L)).contains(a.familyId(), b.familyId());
    assertThat(store.rotate(a.token()).outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(store.rotate(b.token()).outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(store.activeFamilies(2L)).isEmpty();
  }

  @Test
  @DisplayName("with a scope column the login's scopes ride along every rotation; without one "
      + "none are kept")
  void scopesThroughRotation() {
    io.github.authspec.plugin.testsupport.Catalog.apply(db,
        "ALTER TABLE refresh_tokens ADD COLUMN IF NOT EXISTS scope TEXT");
    RefreshTokens.Table c = RefreshTokens.Table.conventional();
    RefreshTokens scoped = new RefreshTokens(db, new RefreshTokens.Table(c.table(),
        c.tokenHash(), c.userId(), c.familyId(), c.familyCounter(), c.createdAt(),
        c.expiresAt(), c.usedAt(), c.rotatedAt(), c.revokedAt(), "scope"), clock, RANDOM);
    RefreshTokens.Issued login = scoped.issue(3L, java.util.Set.of("write", "read"));
    assertThat(login.scopes()).containsExactlyInAnyOrder("read", "write");
    RefreshTokens.Issued next = scoped.rotateOrThrow(login.token());
    RefreshTokens.Issued third = scoped.rotateOrThrow(next.token());
    assertThat(third.scopes()).containsExactlyInAnyOrder("read", "write");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM refresh_tokens WHERE scope = "
        + "'read write'")).isEqualTo(3);
    assertThat(scoped.rotateOrThrow(scoped.issue(3L, java.util.Set.of()).token()).scopes())
        .isEmpty();
    assertThat(strict().issue(3L, java.util.Set.of("read")).scopes()).isEmpty();
    RefreshTokens.Refused refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        RefreshTokens.Refused.class, () -> scoped.rotateOrThrow(login.token()));
    assertThat(refused.outcome()).isEqualTo(Outcome.REUSED);
    assertThat(refused.getMessage()).isEqualTo("refresh token refused: REUSED")
        .doesNotContain(login.token());
  }

  /** How a family is revoked while its thief keeps rotating. */
  enum Revocation { FAMILY, REUSE, USER }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(Revocation.class)
  @DisplayName("start gun, 40 trials: a thief rotating as fast as it can while the family is "
      + "revoked (by id, by reuse of a retired token, by user) never keeps a live token")
  void revocationIsNeverOutrun(Revocation how) throws Exception {
    RefreshTokens store = strict();
    int outrun = 0;
    for (int trial = 0; trial < 40; trial++) {
      RefreshTokens.Issued first = store.issue(3L);
      String retired = first.token();
      String start = store.rotateOrThrow(retired).token();
      AtomicInteger rotations = new AtomicInteger();
      AtomicInteger roles = new AtomicInteger();
      AtomicReference<Outcome> last = new AtomicReference<>();
      int head = 2 + trial % 5;
      StartGun.fire(2, () -> {
        if (roles.getAndIncrement() == 0) {
          // The thief: rotates its chain as fast as it can until it is refused.
          String current = start;
          for (int i = 0; i < 60; i++) {
            Refresh r = store.rotate(current);
            last.set(r.outcome());
            if (r.outcome() != Outcome.ROTATED) {
              return r.outcome();
            }
            current = r.issued().orElseThrow().token();
            rotations.incrementAndGet();
          }
          return Outcome.ROTATED;
        }
        // The owner or the server: revokes once the thief is under way.
        while (rotations.get() < head && last.get() != Outcome.REVOKED) {
          Thread.onSpinWait();
        }
        switch (how) {
          case FAMILY -> store.revokeFamily(first.familyId());
          case REUSE -> assertThat(store.rotate(retired).outcome()).isEqualTo(Outcome.REUSED);
          case USER -> assertThat(store.revokeUser(3L)).contains(first.familyId());
        }
        return Outcome.REVOKED;
      });
      long live = SeedDatabase.count(db, "SELECT count(*) FROM refresh_tokens WHERE family_id = '"
          + first.familyId() + "' AND reuse_detected_at IS NULL");
      if (live > 0 || last.get() == Outcome.ROTATED) {
        outrun++;
      }
    }
    assertThat(outrun).as("trials in which the family outlived its revocation").isZero();
  }
}
