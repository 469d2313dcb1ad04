package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.SqlTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of {@link Authorization}, assembled once from constant fragments for the
 * columns the tables have; identifiers go through {@link Jdbc#render} and every value is a
 * parameter. Every walk of a hierarchy carries its path and stops only where the next node is
 * already on it.
 */
final class AuthorizationSql {
  /** A hierarchy: its table, id and parent columns, and the lock name of its edits. */
  record Hierarchy(String table, String id, String parent) {}

  /**
   * A role or group path to a permission: the assignment's (or group role's) expiry and
   * window, and the grant's interval. Time is judged here, on the server's instant, not in SQL.
   */
  record Grant(String name, String pair, String path, Instant expires, Instant from,
      Instant until, AccessWindow window, boolean broken, boolean conditional) {
    /**
     * Whether active at {@code now}; a window that does not parse admits nothing, nor does a
     * conditional grant.
     */
    boolean admits(Instant now) {
      return !broken && !conditional && inside(now, from, expires, until)
          && (window == null || window.admits(now));
    }

    /** Whether active at {@code now} but for the window. */
    boolean current(Instant now) {
      return inside(now, from, expires, until);
    }

    /** The first instant after {@code now} at which {@link #admits} may change. */
    Instant next(Instant now) {
      Instant n = firstAfter(now, from, expires, until);
      return window == null ? n : earlier(n, window.next(now));
    }
  }

  /** A delegation to a user, with its interval. */
  record Delegated(String id, Object delegator, String name, String pair, Instant from,
      Instant expires, Instant revoked) {
    boolean active(Instant now) {
      return inside(now, from, expires, revoked);
    }

    Instant next(Instant now) {
      return firstAfter(now, from, expires, revoked);
    }
  }

  private static final String CHAIN = "WITH RECURSIVE up(node, trail) AS ("
      + "SELECT t.{id}, ARRAY[t.{id}] FROM {t} t WHERE t.{id} = ?"
      + " UNION ALL SELECT p.{parent}, up.trail || p.{parent} FROM up JOIN {t} p"
      + " ON p.{id} = up.node WHERE p.{parent} IS NOT NULL AND NOT p.{parent} = ANY(up.trail))";
  private static final String SET_PARENT = "UPDATE {t} SET {parent} = ? WHERE {id} = ?";

  private final Authorization.Table t;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Hierarchy roles;
  private final Hierarchy groups;

  AuthorizationSql(Authorization.Table table) {
    this.t = table;
    for (var c : Authorization.Table.class.getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(table);
        if (v != null) {
          ids.put(c.getName(), (String) v);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    this.roles = new Hierarchy(t.roleTable(), t.roleId(), t.roleParent());
    this.groups = t.groups() ? new Hierarchy(t.groupTable(), t.groupId(), t.groupParent())
        : null;
  }

  String roleHierarchy() {
    return "roles:" + t.roleTable();
  }

  String groupHierarchy() {
    requireGroups();
    return "groups:" + t.groupTable();
  }

  private Hierarchy hierarchy(String lock) {
    return lock.startsWith("roles:") ? roles : groups;
  }

  /** A statement: text from fragments and its parameters, in order. */
  private final class Query {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Query add(String fragment, Object... values) {
      text.append(fragment);
      params.addAll(Arrays.asList(values));
      return this;
    }

    Query when(boolean on, String fragment, Object... values) {
      return on ? add(fragment, values) : this;
    }

    String sql() {
      return Jdbc.render(text.toString(), ids);
    }

    Object[] params() {
      return params.toArray();
    }
  }

  /**
   * Whether a row has a condition in one of the bound columns: conditions are not evaluated
   * here, so such a grant does not apply (it could only narrow it; applying it unconditionally
   * would widen it).
   */
  private String conditional(String alias, String... roles) {
    List<String> tests = new ArrayList<>();
    for (String role : roles) {
      if (ids.containsKey(role)) {
        tests.add("COALESCE(btrim(" + alias + ".{" + role + "}), '') <> ''");
      }
    }
    return tests.isEmpty() ? "FALSE" : "(" + String.join(" OR ", tests) + ")";
  }

  /** {@code resource:action} of permission {@code p}, or NULL. */
  private String pair() {
    return t.permissionResource() != null && t.permissionAction() != null
        ? "p.{permissionResource} || ':' || p.{permissionAction}" : "NULL";
  }

  private Query match(Query q, String permission) {
    boolean pair = t.permissionResource() != null && t.permissionAction() != null;
    return q.add("(p.{permissionName} = ?", permission)
        .when(pair, " OR p.{permissionResource} || ':' || p.{permissionAction} = ?", permission)
        .add(")");
  }

  /** The user's groups and their ancestors, each with its path from the membership. */
  private Query groupsCte(Query q, Object userId) {
    return q.add("grp(g, trail) AS (SELECT m.{memberGroup}, ARRAY[m.{memberGroup}] FROM"
            + " {memberTable} m WHERE m.{memberUser} = ?", userId)
        .when(t.groupParent() != null, " UNION ALL SELECT p.{groupParent}, grp.trail ||"
            + " p.{groupParent} FROM grp JOIN {groupTable} p ON p.{groupId} = grp.g WHERE"
            + " p.{groupParent} IS NOT NULL AND NOT p.{groupParent} = ANY(grp.trail)")
        .add(")");
  }

  /** A bound column, or NULL of {@code cast} (untyped for a timestamp: its union decides). */
  private String column(String role, String alias, String cast) {
    return ids.containsKey(role) ? alias + ".{" + role + "}"
        : cast == null ? "NULL" : "CAST(NULL AS " + cast + ")";
  }

  /** Whether {@code now} is in {@code [from, each end)}; null bounds are open. */
  static boolean inside(Instant now, Instant from, Instant... ends) {
    if (from != null && now.isBefore(from)) {
      return false;
    }
    for (Instant end : ends) {
      if (end != null && !now.isBefore(end)) {
        return false;
      }
    }
    return true;
  }

  /** The earliest of {@code times} after {@code now}, or null. */
  static Instant firstAfter(Instant now, Instant... times) {
    Instant out = null;
    for (Instant t : times) {
      if (t != null && t.isAfter(now)) {
        out = earlier(out, t);
      }
    }
    return out;
  }

  /** The earlier of two instants, null being never. */
  static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  /**
   * Every role or group path from the user to a permission (one permission when not null),
   * whatever its times, which the caller judges. Direct assignments first, then shorter paths.
   */
  List<Grant> grants(Connection c, Object userId, String permission) throws SQLException {
    Query q = new Query().add("WITH RECURSIVE ");
    if (t.groups()) {
      groupsCte(q, userId).add(", ");
    }
    q.add("seed(n, via, role, ends, cond, ws, we, wd, wz) AS (SELECT row_number() OVER (), x.*"
        + " FROM (SELECT CAST(NULL AS text) AS via, a.{assignmentRole} AS role, "
        + column("assignmentExpires", "a", null) + " AS ends, FALSE, "
        + column("assignmentStart", "a", "time") + ", " + column("assignmentEnd", "a", "time")
        + ", " + column("assignmentDays", "a", "text") + ", "
        + column("assignmentZone", "a", "text")
        + " FROM {assignmentTable} a WHERE a.{assignmentUser} = ?", userId)
        .when(t.groups(), " UNION ALL SELECT array_to_string(grp.trail, ' < '),"
            + " gr.{groupRoleRole}, " + column("groupRoleExpires", "gr", null) + ", "
            + conditional("gr", "groupRoleConditions") + ", CAST(NULL AS time), CAST(NULL AS time), CAST(NULL AS text), CAST(NULL AS text)"
            + " FROM grp JOIN {groupRoleTable} gr ON gr.{groupRoleGroup} = grp.g")
        .add(") x), rc(n, role, trail) AS (SELECT n, role, ARRAY[role] FROM seed")
        .when(t.roleParent() != null, " UNION ALL SELECT rc.n, r.{roleParent}, rc.trail ||"
            + " r.{roleParent} FROM rc JOIN {roleTable} r ON r.{roleId} = rc.role WHERE"
            + " r.{roleParent} IS NOT NULL AND NOT r.{roleParent} = ANY(rc.trail)")
        .add(") SELECT s.via, array_to_string(rc.trail, ' > '), p.{permissionName}, s.ends, "
            + column("grantFrom", "rp", null) + ", " + column("grantUntil", "rp", null)
            + ", s.ws, s.we, s.wd, s.wz, " + pair() + ", s.cond OR "
            + conditional("rp", "grantCondition", "grantConditions")
            + " FROM rc JOIN seed s ON s.n = rc.n"
            + " JOIN {grantTable} rp"
            + " ON rp.{grantRole} = rc.role")
        .add(" JOIN {permissionTable} p ON p.{permissionId} = rp.{grantPermission}");
    if (permission != null) {
      match(q.add(" WHERE "), permission);
    }
    q.add(" ORDER BY s.via NULLS FIRST, cardinality(rc.trail), s.n");
    return Jdbc.query(c, q.sql(), AuthorizationSql::grant, q.params());
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    String via = rs.getString(1);
    String path = via == null ? "role " + rs.getString(2) + " assigned to the user"
        : "group " + via + " holding role " + rs.getString(2);
    Instant expires = SqlTime.get(rs, 4);
    Instant from = SqlTime.get(rs, 5);
    Instant until = SqlTime.get(rs, 6);
    boolean conditional = rs.getBoolean(12);
    try {
      return new Grant(rs.getString(3), rs.getString(11), path, expires, from, until,
          window(rs, 7), false, conditional);
    } catch (IllegalArgumentException e) {
      return new Grant(rs.getString(3), rs.getString(11), path, expires, from, until, null,
          true, conditional);
    }
  }

  private static AccessWindow window(ResultSet rs, int from) throws SQLException {
    return AccessWindow.of(rs.getObject(from, LocalTime.class),
        rs.getObject(from + 1, LocalTime.class), rs.getString(from + 2), rs.getString(from + 3));
  }

  /** The user's assignments, as grants without a permission. */
  List<Grant> windows(Connection c, Object userId) throws SQLException {
    Query q = new Query().add("SELECT NULL, NULL, NULL, " + column("assignmentExpires", "a",
            null) + ", NULL, NULL, " + column("assignmentStart", "a", "time") + ", "
        + column("assignmentEnd", "a", "time") + ", " + column("assignmentDays", "a", "text")
        + ", " + column("assignmentZone", "a", "text") + ", NULL, FALSE"
        + " FROM {assignmentTable} a WHERE a.{assignmentUser} = ?", userId);
    return Jdbc.query(c, q.sql(), AuthorizationSql::grant, q.params());
  }

  /** Delegations to the user (of one permission when not null), whatever their times. */
  List<Delegated> delegated(Connection c, Object userId, String permission)
      throws SQLException {
    if (!t.delegations()) {
      return List.of();
    }
    Query q = new Query().add("SELECT CAST(d.{delegationId} AS text), d.{delegationDelegator},"
            + " p.{permissionName}, " + pair() + ", " + column("delegationValidFrom", "d", null)
            + ", d.{delegationExpires}, " + column("delegationRevoked", "d", null)
            + " FROM {delegationTable} d JOIN {permissionTable} p"
            + " ON p.{permissionId} = d.{delegationPermission} WHERE d.{delegationDelegatee} = ?",
        userId);
    if (permission != null) {
      match(q.add(" AND "), permission);
    }
    q.add(" ORDER BY d.{delegationId}");
    return Jdbc.query(c, q.sql(), rs -> new Delegated(rs.getString(1), rs.getObject(2),
        rs.getString(3), rs.getString(4), SqlTime.get(rs, 5), SqlTime.get(rs, 6),
        SqlTime.get(rs, 7)), q.params());
  }

  /** Replaces the user's assignments of the role by one. */
  int assign(Connection c, Object userId, Object roleId, Instant until, Object by, Instant now,
      Object[] window) throws SQLException {
    String[] optional = {"assignmentBy", "assignmentAt", "assignmentExpires", "assignmentStart",
        "assignmentEnd", "assignmentDays", "assignmentZone"};
    Object[] given = {by, now, until, window[0], window[1], window[2], window[3]};
    Query q = new Query().add("INSERT INTO {assignmentTable} ({assignmentUser},"
        + " {assignmentRole}", userId, roleId);
    for (int i = 0; i < optional.length; i++) {
      if (ids.containsKey(optional[i])) {
        q.add(", {" + optional[i] + "}", given[i]);
      } else if (i >= 2 && given[i] != null) {
        throw new IllegalArgumentException("the assignments have no column for " + optional[i]);
      }
    }
    Object[] params = q.params();
    q.add(") VALUES (" + "?, ".repeat(params.length - 1) + "?)");
    revoke(c, userId, roleId);
    return Jdbc.update(c, q.sql(), params);
  }

  int revoke(Connection c, Object userId, Object roleId) throws SQLException {
    return Jdbc.update(c, Jdbc.render("DELETE FROM {assignmentTable} WHERE {assignmentUser} = ?"
        + " AND {assignmentRole} = ?", ids), userId, roleId);
  }

  private Map<String, String> hierarchyIds(Hierarchy h) {
    if (h.parent() == null) {
      throw new IllegalStateException("the table " + h.table() + " has no parent column");
    }
    return Map.of("t", h.table(), "id", h.id(), "parent", h.parent());
  }

  /** Sets a parent after checking, under the hierarchy's lock, that no cycle closes. */
  int setParent(Connection c, String lock, Object id, Object parent) throws SQLException {
    Map<String, String> h = hierarchyIds(hierarchy(lock));
    if (parent != null) {
      List<Integer> closes = Jdbc.query(c, Jdbc.render(CHAIN + " SELECT 1 FROM up WHERE node = ?",
          h), rs -> 1, parent, id);
      if (!closes.isEmpty()) {
        throw new IllegalArgumentException("refused: " + parent + " is " + id
            + " or inherits from it, so the edit would close a cycle");
      }
    }
    int changed = Jdbc.update(c, Jdbc.render(SET_PARENT, h), parent, id);
    if (changed == 0) {
      throw new IllegalArgumentException("no such row: " + id);
    }
    return changed;
  }

  /** The ancestors of a node, nearest first. */
  Set<Object> ancestors(Connection c, String lock, Object id) throws SQLException {
    Map<String, String> h = hierarchyIds(hierarchy(lock));
    List<Object> chain = Jdbc.query(c, Jdbc.render(CHAIN
        + " SELECT node FROM up ORDER BY cardinality(trail)", h), rs -> rs.getObject(1), id);
    return new LinkedHashSet<>(chain.subList(Math.min(1, chain.size()), chain.size()));
  }

  Set<Object> groupsOf(Connection c, Object userId) throws SQLException {
    requireGroups();
    Query q = groupsCte(new Query().add("WITH RECURSIVE "), userId)
        .add(" SELECT g FROM grp GROUP BY g ORDER BY min(cardinality(trail)), g");
    return new LinkedHashSet<>(Jdbc.query(c, q.sql(), rs -> rs.getObject(1), q.params()));
  }

  int addMember(Connection c, Object groupId, Object userId, Instant now) throws SQLException {
    return insertOnce(c, new String[] {"memberTable", "memberGroup", "memberUser",
        t.memberJoined() != null ? "memberJoined" : null}, groupId, userId, now);
  }

  int grantGroupRole(Connection c, Object groupId, Object roleId, Instant now)
      throws SQLException {
    return insertOnce(c, new String[] {"groupRoleTable", "groupRoleGroup", "groupRoleRole",
        t.groupRoleAt() != null ? "groupRoleAt" : null}, groupId, roleId, now);
  }

  /**
   * Inserts the pair into a group's table unless present; {@code slots} are the table, the
   * group and the other column, and the stamp column or null.
   */
  private int insertOnce(Connection c, String[] slots, Object groupId, Object other,
      Instant now) throws SQLException {
    requireGroups();
    String table = "{" + slots[0] + "}";
    String group = "{" + slots[1] + "}";
    String second = "{" + slots[2] + "}";
    boolean stamped = slots[3] != null;
    Query q = new Query().add("INSERT INTO " + table + " (" + group + ", " + second)
        .when(stamped, ", {" + slots[3] + "}").add(") SELECT ?, ?", groupId, other)
        .when(stamped, ", ?", now).add(" WHERE NOT EXISTS (SELECT 1 FROM " + table
            + " WHERE " + group + " = ? AND " + second + " = ?)", groupId, other);
    return Jdbc.update(c, q.sql(), q.params());
  }

  String delegate(Connection c, Object from, Object to, String permission, Instant now,
      Instant until) throws SQLException {
    requireDelegations();
    boolean since = t.delegationValidFrom() != null;
    Query q = new Query().add("INSERT INTO {delegationTable} ({delegationDelegator},"
            + " {delegationDelegatee}, {delegationPermission}, {delegationExpires}")
        .when(since, ", {delegationValidFrom}")
        .add(") SELECT ?, ?, p.{permissionId}, ?", from, to, until).when(since, ", ?", now)
        .add(" FROM {permissionTable} p WHERE ");
    match(q, permission).add(" ORDER BY p.{permissionName} = ? DESC LIMIT 1"
        + " RETURNING CAST({delegationId} AS text)", permission);
    return Jdbc.query(c, q.sql(), rs -> rs.getString(1), q.params()).get(0);
  }

  int revokeDelegation(Connection c, String id, Instant now) throws SQLException {
    requireDelegations();
    if (t.delegationRevoked() == null) {
      return Jdbc.update(c, Jdbc.render("DELETE FROM {delegationTable} WHERE"
          + " CAST({delegationId} AS text) = ?", ids), id);
    }
    return Jdbc.update(c, Jdbc.render("UPDATE {delegationTable} SET {delegationRevoked} = ?"
        + " WHERE CAST({delegationId} AS text) = ? AND {delegationRevoked} IS NULL", ids), now,
        id);
  }

  /** The key of the version row. */
  static final String VERSION_KEY = "authorization.version";

  /** The version in this transaction's snapshot: 0 before the first bump, -1 unbound. */
  long version(Connection c) throws SQLException {
    if (!t.versioned()) {
      return -1;
    }
    List<String> v = Jdbc.query(c, Jdbc.render("SELECT {versionValue} FROM {versionTable}"
        + " WHERE {versionKey} = ?", ids), rs -> rs.getString(1), VERSION_KEY);
    return v.isEmpty() ? 0 : Long.parseLong(v.get(0).strip());
  }

  /**
   * Bumps the version inside the caller's transaction (a no-op without a version row). Its row
   * lock orders concurrent writers; the key column must be unique.
   */
  void bump(Connection c, Instant now) throws SQLException {
    if (!t.versioned()) {
      return;
    }
    boolean stamped = t.versionUpdated() != null;
    Query q = new Query().add("INSERT INTO {versionTable} AS v ({versionKey}, {versionValue}")
        .when(stamped, ", {versionUpdated}").add(") VALUES (?, '1'", VERSION_KEY)
        .when(stamped, ", ?", now).add(") ON CONFLICT ({versionKey}) DO UPDATE SET"
            + " {versionValue} = CAST(CAST(v.{versionValue} AS bigint) + 1 AS text)")
        .when(stamped, ", {versionUpdated} = EXCLUDED.{versionUpdated}");
    Jdbc.update(c, q.sql(), q.params());
  }

  private void requireGroups() {
    if (!t.groups()) {
      throw new IllegalStateException("the tables have no groups");
    }
  }

  private void requireDelegations() {
    if (!t.delegations()) {
      throw new IllegalStateException("the tables have no delegations");
    }
  }
}
