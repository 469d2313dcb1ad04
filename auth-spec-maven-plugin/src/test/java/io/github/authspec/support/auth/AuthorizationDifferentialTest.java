package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.ConnectionPool;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import io.github.authspec.support.repository.Jdbc;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random graphs of users, roles with parents (cycles included, as data written around the
 * refusing writes may hold them), nested groups, grants with intervals (some conditional, which
 * do not apply while conditions are not evaluated), assignments with expiries and time
 * windows, and delegations: every decision of {@link Authorization}, and
 * every effective permission set, equals the answer of the small evaluator below, written from
 * the documented rules without looking at the SQL. The seed is printed; rerun one with
 * {@code -Dauthz.seed=...}, more graphs with {@code -Dauthz.graphs=...}.
 */
class AuthorizationDifferentialTest {
  private static final Instant T = Instant.parse("2026-03-29T00:00:00Z");
  private static final String[] ZONES = {"UTC", "Europe/Zurich", "America/New_York",
      "Asia/Kolkata", "Australia/Lord_Howe"};
  private static final int USERS = 4;

  record Assignment(int user, int role, Instant expires, LocalTime start, LocalTime end,
      Set<DayOfWeek> days, String zone) {}

  record Grant(int role, int permission, Instant from, Instant until, boolean conditional) {}

  record GroupRole(int group, int role, Instant expires, boolean conditional) {}

  record Delegation(int from, int to, int permission, Instant validFrom, Instant expires,
      Instant revoked) {}

  /** One random graph; indexes, not database ids. */
  static final class Graph {
    int roles;
    int permissions;
    int groups;
    Integer[] roleParent;
    Integer[] groupParent;
    final List<Assignment> assignments = new ArrayList<>();
    final List<Grant> grants = new ArrayList<>();
    final List<int[]> members = new ArrayList<>();
    final List<GroupRole> groupRoles = new ArrayList<>();
    final List<Delegation> delegations = new ArrayList<>();
  }

  @Test
  @DisplayName("thousands of random graphs: the decision and the effective permissions equal"
      + " an independent reference evaluator's at random instants")
  void sqlEqualsReference() {
    long seed = Long.getLong("authz.seed", System.nanoTime());
    int graphs = Integer.getInteger("authz.graphs", 2000);
    System.out.println("authorization differential: seed " + seed);
    Random random = new Random(seed);
    DataSource db = new ConnectionPool(SeedDatabase.fresh("authz_diff", USERS));
    AuthzData data = new AuthzData(db);
    MutableClock clock = new MutableClock(T);
    Authorization authz = new Authorization(db, AuthzData.seed(), clock);
    MapStore store = new MapStore();
    AuthorizationCache cache = new AuthorizationCache(authz, store, clock,
        "permissions:user:{userId}", 300);
    long checks = 0;
    long allows = 0;
    for (int n = 0; n < graphs; n++) {
      Graph g = graph(random);
      data.exec("TRUNCATE user_roles, role_permissions, delegations, group_members, group_roles,"
          + " groups, roles, permissions CASCADE");
      write(data, g);
      touch(db, authz);
      List<Instant> instants = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        instants.add(instant(random).plusSeconds(random.nextInt(3) - 1));
      }
      instants.sort(null);
      for (Instant now : instants) {
        clock.set(now);
        for (int u = 0; u < USERS; u++) {
          Set<String> expected = new TreeSet<>();
          for (int p = 0; p < g.permissions; p++) {
            boolean allowed = allowed(g, u, p, now);
            String name = random.nextBoolean() ? "p" + p : "res" + p + ":act" + p;
            Authorization.Decision d = authz.decide((long) u + 1, name);
            assertThat(d.allowed()).as("seed %d graph %d user %d permission %d at %s: %s", seed,
                n, u, p, now, d.reason()).isEqualTo(allowed);
            assertThat(cache.isAllowed((long) u + 1, name)).as("cached: seed %d graph %d user %d"
                + " permission %d at %s", seed, n, u, p, now).isEqualTo(allowed);
            if (allowed) {
              expected.add("p" + p);
              allows++;
            }
            checks++;
          }
          assertThat(authz.permissions((long) u + 1)).as("seed %d graph %d user %d at %s",
              seed, n, u, now).isEqualTo(expected);
          assertThat(cache.permissions((long) u + 1)).as("cached: seed %d graph %d user %d at"
              + " %s", seed, n, u, now).isEqualTo(expected);
        }
      }
    }
    System.out.printf("authorization differential: %d graphs, %d decisions (%d allow), %d"
        + " permission sets, each in SQL and through the cache (%d of %d cache reads hit),"
        + " seed %d%n", graphs, checks, allows, graphs * 3L * USERS, store.gets.get()
        - store.sets.get(), store.gets.get(), seed);
  }

  /** The graph was written around {@link Authorization}: bump the version as it says. */
  private static void touch(DataSource db, Authorization authz) {
    try {
      Jdbc.transaction(db, c -> {
        authz.touch(c);
        return null;
      });
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Instant instant(Random r) {
    return T.plusSeconds((r.nextInt(4 * 24 * 4) - 2 * 24 * 4) * 900L);
  }

  private static Instant maybe(Random r) {
    return r.nextInt(3) == 0 ? null : instant(r);
  }

  static Graph graph(Random r) {
    Graph g = new Graph();
    g.roles = 1 + r.nextInt(6);
    g.permissions = 1 + r.nextInt(4);
    g.groups = r.nextInt(4);
    g.roleParent = new Integer[g.roles];
    for (int i = 0; i < g.roles; i++) {
      g.roleParent[i] = r.nextBoolean() ? r.nextInt(g.roles) : null;
    }
    g.groupParent = new Integer[g.groups];
    for (int i = 0; i < g.groups; i++) {
      g.groupParent[i] = r.nextBoolean() ? r.nextInt(g.groups) : null;
    }
    for (int role = 0; role < g.roles; role++) {
      for (int p = 0; p < g.permissions; p++) {
        if (r.nextInt(3) == 0) {
          g.grants.add(new Grant(role, p, maybe(r), maybe(r), r.nextInt(8) == 0));
        }
      }
    }
    for (int u = 0; u < USERS; u++) {
      for (int role = 0; role < g.roles; role++) {
        if (r.nextInt(4) == 0) {
          boolean window = r.nextInt(3) == 0;
          Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
          for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextInt(3) != 0) {
              days.add(d);
            }
          }
          g.assignments.add(new Assignment(u, role, maybe(r),
              window && r.nextInt(5) > 0 ? LocalTime.of(r.nextInt(24), 30 * r.nextInt(2)) : null,
              window && r.nextInt(5) > 0 ? LocalTime.of(r.nextInt(24), 30 * r.nextInt(2)) : null,
              window && r.nextBoolean() && !days.isEmpty() ? days : null,
              window ? ZONES[r.nextInt(ZONES.length)] : null));
        }
      }
      for (int grp = 0; grp < g.groups; grp++) {
        if (r.nextInt(3) == 0) {
          g.members.add(new int[] {grp, u});
        }
      }
    }
    for (int grp = 0; grp < g.groups; grp++) {
      for (int role = 0; role < g.roles; role++) {
        if (r.nextInt(3) == 0) {
          g.groupRoles.add(new GroupRole(grp, role, maybe(r), r.nextInt(8) == 0));
        }
      }
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      Instant expires = instant(r);
      g.delegations.add(new Delegation(r.nextInt(USERS), r.nextInt(USERS),
          r.nextInt(g.permissions), maybe(r), expires, maybe(r)));
    }
    return g;
  }

  private static void write(AuthzData data, Graph g) {
    long[] roles = new long[g.roles];
    long[] perms = new long[g.permissions];
    long[] groups = new long[g.groups];
    for (int i = 0; i < g.roles; i++) {
      roles[i] = data.role("r" + i);
    }
    for (int i = 0; i < g.roles; i++) {
      if (g.roleParent[i] != null) {
        data.parent(roles[i], roles[g.roleParent[i]]);
      }
    }
    for (int i = 0; i < g.permissions; i++) {
      perms[i] = data.permission("p" + i, "res" + i, "act" + i);
    }
    for (int i = 0; i < g.groups; i++) {
      groups[i] = data.group("g" + i, null);
    }
    for (int i = 0; i < g.groups; i++) {
      if (g.groupParent[i] != null) {
        data.exec("UPDATE groups SET parent_group_id = ? WHERE id = ?",
            groups[g.groupParent[i]], groups[i]);
      }
    }
    g.grants.forEach(x -> data.grant(roles[x.role()], perms[x.permission()], x.from(),
        x.until()));
    g.grants.stream().filter(Grant::conditional).forEach(x -> data.exec("UPDATE"
        + " role_permissions SET " + (x.role() % 2 == 0 ? "condition_expression" : "conditions")
        + " = 'request.ip == \"198.51.100.1\"' WHERE role_id = ? AND permission_id = ?",
        roles[x.role()], perms[x.permission()]));
    g.assignments.forEach(a -> data.assign(a.user() + 1, roles[a.role()], a.expires(),
        a.start(), a.end(), a.days() == null ? null : String.join(",", a.days().stream()
            .map(d -> d.name().substring(0, 3)).toList()), a.zone()));
    g.members.forEach(m -> data.member(groups[m[0]], m[1] + 1));
    g.groupRoles.forEach(x -> data.groupRole(groups[x.group()], roles[x.role()], x.expires()));
    g.groupRoles.stream().filter(GroupRole::conditional).forEach(x -> data.exec("UPDATE"
        + " group_roles SET conditions = '{\"ip\": \"198.51.100.1\"}' WHERE group_id = ? AND"
        + " role_id = ?", groups[x.group()], roles[x.role()]));
    g.delegations.forEach(d -> data.delegation(d.from() + 1, d.to() + 1, perms[d.permission()],
        d.validFrom(), d.expires(), d.revoked()));
  }

  // ---- the reference evaluator: the documented rules, over the graph itself ----

  static boolean allowed(Graph g, int user, int permission, Instant now) {
    if (holds(g, user, permission, now)) {
      return true;
    }
    for (Delegation d : g.delegations) {
      boolean active = d.to() == user && d.permission() == permission
          && (d.validFrom() == null || !now.isBefore(d.validFrom())) && now.isBefore(d.expires())
          && (d.revoked() == null || now.isBefore(d.revoked()));
      if (active && holds(g, d.from(), permission, now)) {
        return true;
      }
    }
    return false;
  }

  /** Through roles and groups only: what a delegator may pass on. */
  static boolean holds(Graph g, int user, int permission, Instant now) {
    Set<Integer> start = new HashSet<>();
    for (Assignment a : g.assignments) {
      if (a.user() == user && before(now, a.expires()) && inside(a, now)) {
        start.add(a.role());
      }
    }
    Set<Integer> groups = new HashSet<>();
    for (int[] m : g.members) {
      if (m[1] == user) {
        for (Integer x = m[0]; x != null && groups.add(x); x = g.groupParent[x]) {
          // up the parents until one is seen again
        }
      }
    }
    for (GroupRole gr : g.groupRoles) {
      if (groups.contains(gr.group()) && before(now, gr.expires()) && !gr.conditional()) {
        start.add(gr.role());
      }
    }
    Set<Integer> roles = new HashSet<>();
    for (Integer s : start) {
      for (Integer x = s; x != null && roles.add(x); x = g.roleParent[x]) {
        // up the parents until one is seen again
      }
    }
    for (Grant gr : g.grants) {
      if (roles.contains(gr.role()) && gr.permission() == permission && !gr.conditional()
          && (gr.from() == null || !now.isBefore(gr.from())) && before(now, gr.until())) {
        return true;
      }
    }
    return false;
  }

  private static boolean before(Instant now, Instant end) {
    return end == null || now.isBefore(end);
  }

  /** The window rule, from the documentation: wall times, spans belong to their start day. */
  static boolean inside(Assignment a, Instant now) {
    if (a.start() == null && a.end() == null && a.days() == null) {
      return true;
    }
    ZoneId zone = ZoneId.of(a.zone() == null ? "UTC" : a.zone());
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    LocalTime s = a.start() == null ? LocalTime.MIDNIGHT : a.start();
    for (int back = 0; back <= 1; back++) {
      LocalDate day = local.toLocalDate().minusDays(back);
      if (a.days() != null && !a.days().contains(day.getDayOfWeek())) {
        continue;
      }
      LocalDateTime from = day.atTime(s);
      LocalDateTime to = a.end() == null ? day.plusDays(1).atStartOfDay()
          : a.end().isAfter(s) ? day.atTime(a.end()) : day.plusDays(1).atTime(a.end());
      if (!local.isBefore(from) && local.isBefore(to)) {
        return true;
      }
    }
    return false;
  }
}
