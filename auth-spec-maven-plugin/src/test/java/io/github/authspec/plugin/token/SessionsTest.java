package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.token.ApiKeys;
import io.github.authspec.support.token.RememberMe;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.Sessions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sessions (sliding expiry, the per-user limit), remember-me and API keys on the seed spec's tables, on real PostgreSQL. */
class SessionsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final byte[] HANDLE_KEY = new byte[32];
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeAll
  static void database() {
    RANDOM.nextBytes(HANDLE_KEY);
    db = SeedDatabase.fresh("sessions", 4);
  }

  Sessions sessions() {
    return new Sessions(db, Sessions.Table.conventional(), HANDLE_KEY, clock,
        Duration.ofMinutes(30), Duration.ofHours(2));
  }

  @Test
  @DisplayName("fixed clock: touch slides the idle expiry, never past the absolute cap; idle expiry and logout end a session")
  void slidingExpiry() {
    Sessions s = sessions();
    Instant start = clock.instant();
    Sessions.Created created = s.create(1L, 10);
    assertThat(created.expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(30)));
    for (int i = 1; i <= 3; i++) {
      clock.advance(Duration.ofMinutes(29));
      assertThat(s.touch(created.handle()).orElseThrow().expiresAt())
          .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }
    clock.set(start.plus(Duration.ofMinutes(110)));
    assertThat(s.touch(created.handle()).orElseThrow().expiresAt()).as("capped")
        .isEqualTo(start.plus(Duration.ofHours(2)));
    clock.set(start.plus(Duration.ofHours(2)));
    assertThat(s.validate(created.handle())).isEmpty();
    assertThat(s.touch(created.handle())).isEmpty();

    Sessions.Created idle = s.create(1L, 10);
    clock.advance(Duration.ofMinutes(30));
    assertThat(s.validate(idle.handle())).isEmpty();

    Sessions.Created out = s.create(1L, 10);
    assertThat(s.validate(out.handle()).orElseThrow().userId()).isEqualTo(1L);
    assertThat(s.logout(out.handle())).isTrue();
    assertThat(s.validate(out.handle())).isEmpty();
    assertThat(s.logout(out.handle())).isFalse();
  }

  @Test
  @DisplayName("a forged handle (guessed id, altered MAC) is refused")
  void forgedHandle() {
    Sessions s = sessions();
    Sessions.Created created = s.create(2L, 10);
    long id = Long.parseLong(created.handle().substring(0, created.handle().indexOf('.')));
    assertThat(s.validate(created.handle())).isPresent();
    assertThat(s.validate(String.valueOf(id))).isEmpty();
    assertThat(s.validate(id + "." + "A".repeat(43))).isEmpty();
    assertThat(s.validate((id + 1) + created.handle().substring(created.handle().indexOf('.')))).isEmpty();
    assertThat(created.toString()).doesNotContain(created.handle());
  }

  @Test
  @DisplayName("one text per credential: a session handle or remember-me cookie whose id has a sign or leading zeros is refused")
  void nonCanonicalIds() {
    Sessions s = sessions();
    String handle = s.create(2L, 10).handle();
    assertThat(s.validate(handle)).isPresent();
    for (String other : List.of("+" + handle, "0" + handle, "-0" + handle, " " + handle)) {
      assertThat(s.validate(other)).as(other).isEmpty();
    }
    RememberMe r = new RememberMe(db, RememberMe.Table.conventional(), clock, RANDOM, Duration.ofDays(30));
    String cookie = r.issue(2L);
    for (String other : List.of("+" + cookie, "0" + cookie, "-0" + cookie)) {
      assertThat(r.authenticate(other).outcome()).as(other).isEqualTo(RememberMe.Outcome.INVALID);
    }
    assertThat(r.authenticate(cookie).outcome()).isEqualTo(RememberMe.Outcome.VALID);
  }

  @Test
  @DisplayName("start gun: 20 parallel logins with limit 3 leave exactly 3 live sessions, the newest; 17 were evicted")
  void limitUnderParallelLogins() throws Exception {
    Sessions s = sessions();
    List<Sessions.Created> created = StartGun.fire(20, () -> s.create(3L, 3));
    List<Long> live = s.live(3L);
    assertThat(live).hasSize(3);
    Set<Long> evicted = new HashSet<>();
    created.forEach(c -> evicted.addAll(c.evicted()));
    assertThat(evicted).hasSize(17).doesNotContainAnyElementsOf(live);
    long newestEvicted = evicted.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(live).allMatch(id -> id > newestEvicted);
    assertThat(created.stream().filter(c -> s.validate(c.handle()).isPresent()).count()).isEqualTo(3);
    assertThat(s.logoutEverywhere(3L)).isEqualTo(3);
    assertThat(s.live(3L)).isEmpty();
  }

  @Test
  @DisplayName("remember-me: each use rotates the cookie; replaying an old one is theft and deletes all the user's series; expiry")
  void rememberMe() {
    RememberMe r = new RememberMe(db, RememberMe.Table.conventional(), clock, RANDOM, Duration.ofDays(30));
    String first = r.issue(4L);
    String other = r.issue(4L);
    RememberMe.Result used = r.authenticate(first);
    assertThat(used.outcome()).isEqualTo(RememberMe.Outcome.VALID);
    assertThat(used.userId()).contains(4L);
    String rotated = used.cookie().orElseThrow();
    assertThat(rotated).as("the series stays, the token changes").isNotEqualTo(first)
        .startsWith(first.substring(0, first.lastIndexOf(':') + 1));
    String[] parts = rotated.split(":");
    assertThat(SeedDatabase.values(db, "remember_tokens"))
        .doesNotContain(first.split(":")[2], parts[1], parts[2])
        .contains(Secrets.sha256(parts[1]) + "." + Secrets.sha256(parts[2]));

    assertThat(r.authenticate(first).outcome()).isEqualTo(RememberMe.Outcome.THEFT);
    assertThat(r.authenticate(rotated).outcome()).isEqualTo(RememberMe.Outcome.INVALID);
    assertThat(r.authenticate(other).outcome()).as("the whole user's series are gone")
        .isEqualTo(RememberMe.Outcome.INVALID);
    assertThat(r.authenticate("garbage").outcome()).isEqualTo(RememberMe.Outcome.INVALID);

    String expiring = r.issue(4L);
    clock.advance(Duration.ofDays(30));
    assertThat(r.authenticate(expiring).outcome()).isEqualTo(RememberMe.Outcome.EXPIRED);
  }

  @Test
  @DisplayName("remember-me: a forged cookie naming a victim's row (id:junk, id:x:y) is INVALID and changes nothing; a replayed old cookie is still theft")
  void rememberMeForgedSeries() {
    RememberMe r = new RememberMe(db, RememberMe.Table.conventional(), clock, RANDOM, Duration.ofDays(30));
    String victim = r.issue(3L);
    String id = victim.substring(0, victim.indexOf(':'));
    for (String forged : List.of(id + ":junk", id + ":x:y", id + ":" + Secrets.newToken(RANDOM) + ":"
        + Secrets.newToken(RANDOM), "+" + id + ":junk")) {
      assertThat(r.authenticate(forged).outcome()).as(forged).isEqualTo(RememberMe.Outcome.INVALID);
    }
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM remember_tokens WHERE user_id = 3"))
        .as("the victim's series").isEqualTo(1);
    RememberMe.Result used = r.authenticate(victim);
    assertThat(used.outcome()).as("the victim's cookie").isEqualTo(RememberMe.Outcome.VALID);
    assertThat(r.authenticate(victim).outcome()).as("the old cookie replayed")
        .isEqualTo(RememberMe.Outcome.THEFT);
    assertThat(r.authenticate(used.cookie().orElseThrow()).outcome())
        .isEqualTo(RememberMe.Outcome.INVALID);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM remember_tokens WHERE user_id = 3"))
        .isZero();
  }

  @Test
  @DisplayName("API keys: shown once, stored as SHA-256, scoped, expiring, revocable")
  void apiKeys() {
    ApiKeys keys = new ApiKeys(db, ApiKeys.Table.conventional(), clock, RANDOM);
    ApiKeys.Created forever = keys.create(1L, "ci", Set.of("read", "deploy"), Optional.empty());
    ApiKeys.Created shortLived = keys.create(1L, "tmp", Set.of("read"),
        Optional.of(clock.instant().plus(Duration.ofDays(1))));
    assertThat(forever.secret()).startsWith("ak_").hasSize(46);
    assertThat(forever.toString()).doesNotContain(forever.secret());
    assertThat(SeedDatabase.values(db, "api_keys")).doesNotContain(forever.secret())
        .contains(Secrets.sha256(forever.secret()));
    ApiKeys.Key key = keys.authenticate(forever.secret()).orElseThrow();
    assertThat(key.userId()).isEqualTo(1L);
    assertThat(key.hasScope("deploy")).isTrue();
    assertThat(key.hasScope("admin")).isFalse();
    assertThat(keys.authenticate(forever.secret() + "x")).isEmpty();
    assertThat(keys.authenticate(shortLived.secret())).isPresent();
    clock.advance(Duration.ofDays(1));
    assertThat(keys.authenticate(shortLived.secret())).isEmpty();
    assertThat(keys.revoke(2L, forever.id())).isFalse();
    assertThat(keys.revoke(1L, forever.id())).isTrue();
    assertThat(keys.authenticate(forever.secret())).isEmpty();
  }
}
