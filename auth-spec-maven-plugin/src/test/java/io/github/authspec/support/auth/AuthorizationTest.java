package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The authorization decision on the seed spec's tables, on a real PostgreSQL. */
class AuthorizationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private static AuthzData data;
  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("authz", 20);
    data = new AuthzData(db);
  }

  private Authorization authz() {
    return new Authorization(db, AuthzData.seed(), clock);
  }

  @Test
  @DisplayName("deny by default; a role's permission by name or resource:action, with the path;"
      + " a conditional grant does not apply; revoking the role denies")
  void roles() {
    Authorization a = authz();
    long read = data.permission("doc.read", "document", "read");
    long editor = data.role("editor");
    data.grant(editor, read, null, null);
    assertThat(a.decide(1L, "doc.read").allowed()).isFalse();
    assertThat(a.decide(1L, "doc.read").reason()).isEqualTo("no active grant of doc.read");
    a.assignRole(1L, editor, 2L);
    assertThat(a.decide(1L, "doc.read")).isEqualTo(new Authorization.Decision(true,
        "role " + editor + " assigned to the user"));
    assertThat(a.isAllowed(1L, "document:read", null)).isTrue();
    assertThat(a.isAllowed(1L, "document:write", null)).isFalse();
    assertThat(a.permissions(1L)).containsExactly("doc.read");
    long write = data.permission("doc.write", "document", "write");
    data.grant(editor, write, null, null);
    data.exec("UPDATE role_permissions SET condition_expression = 'request.ip == \"x\"'"
        + " WHERE permission_id = ?", write);
    assertThat(a.decide(1L, "doc.write")).isEqualTo(Authorization.Decision.deny("no active grant"
        + " of doc.write: role " + editor + " assigned to the user (conditional: conditions are"
        + " not evaluated, so it does not apply)"));
    a.revokeRole(1L, editor);
    assertThat(a.isAllowed(1L, "doc.read", null)).isFalse();
    assertThat(a.permissions(1L)).isEmpty();
  }

  @Test
  @DisplayName("a role inherits its parent's permissions (senior names junior as parent), not"
      + " the reverse; ancestors nearest first; a cycle is refused")
  void hierarchy() {
    Authorization a = authz();
    long write = data.permission("wiki.write", "wiki", "write");
    long read = data.permission("wiki.read", "wiki", "read");
    long reader = data.role("wiki-reader");
    long writer = data.role("wiki-writer");
    long admin = data.role("wiki-admin");
    data.grant(reader, read, null, null);
    data.grant(writer, write, null, null);
    a.setParent(writer, reader);
    a.setParent(admin, writer);
    a.assignRole(2L, admin, null);
    a.assignRole(3L, reader, null);
    assertThat(a.decide(2L, "wiki.read").reason())
        .isEqualTo("role " + admin + " > " + writer + " > " + reader + " assigned to the user");
    assertThat(a.isAllowed(3L, "wiki.write", null)).isFalse();
    assertThat(a.<Long>ancestors(admin)).containsExactly(writer, reader);
    assertThatThrownBy(() -> a.setParent(reader, admin)).hasMessageContaining("cycle");
    assertThatThrownBy(() -> a.setParent(reader, reader)).hasMessageContaining("cycle");
    a.setParent(admin, null);
    assertThat(a.<Long>ancestors(admin)).isEmpty();
    assertThat(a.isAllowed(2L, "wiki.read", null)).isFalse();
  }

  @Test
  @DisplayName("a 1,000-deep chain is followed to its end, in both directions of use")
  void deepChain() {
    Authorization a = authz();
    long perm = data.permission("deep.p", "deep", "p");
    long top = data.role("deep-0");
    long previous = top;
    for (int i = 1; i < 1000; i++) {
      long r = data.role("deep-" + i);
      data.parent(previous, r);
      previous = r;
    }
    long bottom = previous;
    data.grant(bottom, perm, null, null);
    a.assignRole(4L, top, null);
    long started = System.nanoTime();
    assertThat(a.isAllowed(4L, "deep.p", null)).isTrue();
    System.out.printf("1,000-deep chain: decision in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(a.ancestors(top)).hasSize(999);
    assertThatThrownBy(() -> a.setParent(bottom, top)).hasMessageContaining("cycle");
  }

  @Test
  @DisplayName("expired assignments and grants outside [valid_from, valid_until) give nothing")
  void temporal() {
    Authorization a = authz();
    long p = data.permission("tmp.p", "tmp", "p");
    long q = data.permission("tmp.q", "tmp", "q");
    long r = data.role("tmp-role");
    data.grant(r, p, T0.plusSeconds(60), T0.plusSeconds(120));
    data.grant(r, q, null, null);
    a.assignRoleUntil(5L, r, T0.plusSeconds(180), null);
    assertThat(a.permissions(5L)).containsExactly("tmp.q");
    clock.set(T0.plusSeconds(60));
    assertThat(a.permissions(5L)).containsExactly("tmp.p", "tmp.q");
    clock.set(T0.plusSeconds(120));
    assertThat(a.permissions(5L)).containsExactly("tmp.q");
    clock.set(T0.plusSeconds(180));
    assertThat(a.permissions(5L)).isEmpty();
  }

  @Test
  @DisplayName("a time window in the assignment's zone and days; outside it the reason says so;"
      + " a window that does not parse is refused at write and denies when found")
  void windows() {
    Authorization a = authz();
    long p = data.permission("win.p", "win", "p");
    long r = data.role("win-role");
    data.grant(r, p, null, null);
    // 2026-12-01 is a Tuesday; 12:00Z is 13:00 in Zurich
    a.assignRoleWindow(6L, r, null, null, LocalTime.of(9, 0), LocalTime.of(13, 0), "MON-FRI",
        "Europe/Zurich");
    assertThat(a.isAllowed(6L, "win.p", null)).isFalse();
    assertThat(a.decide(6L, "win.p").reason()).contains("outside its time window");
    assertThat(a.isWithinWindow(6L, null)).isFalse();
    clock.set(T0.minus(Duration.ofMinutes(1)));
    assertThat(a.isAllowed(6L, "win.p", null)).isTrue();
    assertThat(a.isWithinWindow(6L, null)).isTrue();
    clock.set(Instant.parse("2026-12-05T11:00:00Z"));
    assertThat(a.isAllowed(6L, "win.p", null)).isFalse();
    assertThatThrownBy(() -> a.assignRoleWindow(7L, r, null, null, null, null, "Funday",
        null)).isInstanceOf(IllegalArgumentException.class);
    data.assign(7L, r, null, LocalTime.MIDNIGHT, null, null, "Mars/Olympus");
    assertThat(a.isAllowed(7L, "win.p", null)).isFalse();
  }

  @Test
  @DisplayName("a member of a child group holds the roles of its ancestor groups until they"
      + " expire; groupsOf lists them")
  void groups() {
    Authorization a = authz();
    long p = data.permission("grp.p", "grp", "p");
    long r = data.role("grp-role");
    data.grant(r, p, null, null);
    long parent = data.group("eng", null);
    long child = data.group("backend", parent);
    a.addMember(child, 8L);
    a.addMember(child, 8L);
    data.groupRole(parent, r, T0.plusSeconds(60));
    assertThat(a.decide(8L, "grp.p").reason())
        .isEqualTo("group " + child + " < " + parent + " holding role " + r);
    assertThat(a.<Long>groupsOf(8L)).containsExactly(child, parent);
    a.addMember(parent, 9L);
    data.groupRole(child, r, null);
    assertThat(a.isAllowed(9L, "grp.p", null)).isTrue();
    clock.set(T0.plusSeconds(60));
    assertThat(a.isAllowed(8L, "grp.p", null)).isTrue();
    assertThat(a.isAllowed(9L, "grp.p", null)).as("the parent's members do not inherit the"
        + " child's roles").isFalse();
    a.grantRole(child, r);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM group_roles WHERE group_id = "
        + child)).isEqualTo(1);
    assertThatThrownBy(() -> a.setGroupParent(parent, child)).hasMessageContaining("cycle");
  }

  @Test
  @DisplayName("a delegatee holds what the delegator holds now, in the interval, until revoked;"
      + " a delegated permission is not delegated on")
  void delegation() {
    Authorization a = authz();
    long p = data.permission("del.p", "del", "p");
    long r = data.role("del-role");
    data.grant(r, p, null, null);
    assertThatThrownBy(() -> a.delegate(10L, 11L, Set.of("del.p"), T0.plusSeconds(600)))
        .hasMessageContaining("does not hold");
    a.assignRole(10L, r, null);
    String id = a.delegate(10L, 11L, Set.of("del.p"), T0.plusSeconds(600));
    assertThat(a.decide(11L, "del.p").reason()).isEqualTo("delegation " + id + " from user 10,"
        + " who holds it by role " + r + " assigned to the user");
    assertThat(a.permissions(11L)).containsExactly("del.p");
    assertThatThrownBy(() -> a.delegate(11L, 12L, Set.of("del.p"), T0.plusSeconds(600)))
        .hasMessageContaining("does not hold");
    data.delegation(11L, 12L, p, null, T0.plusSeconds(600), null);
    assertThat(a.isAllowed(12L, "del.p", null)).isFalse();
    a.revokeRole(10L, r);
    assertThat(a.decide(11L, "del.p").reason()).contains("delegator does not hold it now");
    a.assignRole(10L, r, null);
    clock.set(T0.plusSeconds(600));
    assertThat(a.isAllowed(11L, "del.p", null)).isFalse();
    clock.set(T0);
    a.revokeDelegation(id);
    assertThat(a.isAllowed(11L, "del.p", null)).isFalse();
  }

  @Test
  @DisplayName("start gun, 25 rounds: two edits that would close a cycle together; exactly one"
      + " commits each round and the hierarchy stays acyclic")
  void cycleRace() throws Exception {
    Authorization a = authz();
    for (int round = 0; round < 25; round++) {
      long x = data.role("race-x-" + round);
      long y = data.role("race-y-" + round);
      long z = data.role("race-z-" + round);
      a.setParent(y, z);
      AtomicInteger turn = new AtomicInteger();
      List<Boolean> done = StartGun.fire(2, () -> {
        boolean first = turn.getAndIncrement() == 0;
        try {
          if (first) {
            a.setParent(x, y);
          } else {
            a.setParent(z, x);
          }
          return true;
        } catch (IllegalArgumentException e) {
          return false;
        }
      });
      assertThat(done).as("round %d", round).containsExactlyInAnyOrder(true, false);
    }
  }
}
