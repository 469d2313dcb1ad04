package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.JdbcSupport.Work;
import io.github.authspec.support.repository.RepositoryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The one authorization decision, over roles, their hierarchy, groups, time and delegation,
 * and the writes that keep its data sound. Deny by default; a permission is allowed when one
 * grant path is active at the server's instant:
 *
 * <ul>
 *   <li><b>role</b>: the user holds a role (an assignment not expired and whose
 *       {@link AccessWindow} admits the instant), the role or a role it inherits from (up
 *       {@code parent}: a role inherits the permissions of its parent, so the senior role names
 *       the junior one as parent) holds the permission, and that role-permission grant is
 *       inside {@code [validFrom, validUntil)};
 *   <li><b>group</b>: the user is a member of a group or of one of its descendants (a member of
 *       a child group is a member of every ancestor group), the group holds an unexpired role,
 *       and that role grants the permission as above;
 *   <li><b>delegation</b>: a delegation to the user for the permission is inside
 *       {@code [validFrom, expiresAt)}, not revoked, and its delegator holds the permission at
 *       this instant through a role or group path. Delegated permissions are not delegated on:
 *       what a delegatee holds stays bounded by one named delegator, and revoking that
 *       delegator's role ends every use at once.
 * </ul>
 *
 * <p>Hierarchies are walked by recursive queries that stop only where a path would repeat a
 * node, so any depth is followed and a cycle (which the writes here refuse, under one lock per
 * hierarchy) cannot loop. A permission is named by its name or as {@code resource:action}.
 * Reads of one decision share one snapshot.
 */
public final class Authorization {
  private static final String LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(CAST(? AS text)))";
  private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
  private static final int LOCK_SPACE = 0x617a; // "az": one space for every hierarchy lock

  /** One allow or deny, and why: the grant path, or what was found and did not apply. */
  public record Decision(boolean allowed, String reason) {
    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }

  /**
   * Where the data lives. A component named {@code ...Table} is the table of the columns after
   * it; a null optional column leaves its rule out (no window, no validity interval), and a
   * null table leaves out its path (no groups, no delegations).
   *
   * @param roleTable the roles
   * @param roleId a role's id
   * @param roleParent the role it inherits from, or null (no hierarchy)
   * @param permissionTable the permissions
   * @param permissionId a permission's id
   * @param permissionName its name
   * @param permissionResource its resource, or null
   * @param permissionAction its action, or null
   * @param assignmentTable the user-role assignments
   * @param assignmentUser the user
   * @param assignmentRole the role
   * @param assignmentBy who assigned it, or null
   * @param assignmentAt when, or null
   * @param assignmentExpires when it ends (exclusive), or null
   * @param assignmentStart the window's local start time, or null
   * @param assignmentEnd the window's local end time, or null
   * @param assignmentDays the window's days, or null
   * @param assignmentZone the window's zone, or null
   * @param grantTable the role-permission grants
   * @param grantRole the role
   * @param grantPermission the permission
   * @param grantFrom when it starts, or null
   * @param grantUntil when it ends (exclusive), or null
   * @param grantCondition its condition expression, or null: a grant with a condition does
   *     not apply (conditions are not evaluated yet, and ignoring one would widen the grant)
   * @param grantConditions its conditions document, or null; likewise
   * @param delegationTable the delegations, or null
   * @param delegationId a delegation's id
   * @param delegationDelegator who delegates
   * @param delegationDelegatee who receives
   * @param delegationPermission the permission
   * @param delegationExpires when it ends (exclusive)
   * @param delegationValidFrom when it starts, or null
   * @param delegationRevoked when it was revoked, or null (then revoking deletes)
   * @param groupTable the groups, or null
   * @param groupId a group's id
   * @param groupParent its parent group, or null (no nesting)
   * @param memberTable the memberships
   * @param memberGroup the group
   * @param memberUser the member
   * @param memberJoined when the member joined, or null
   * @param groupRoleTable the group-role grants
   * @param groupRoleGroup the group
   * @param groupRoleRole the role
   * @param groupRoleAt when it was granted, or null
   * @param groupRoleExpires when it ends (exclusive), or null
   * @param groupRoleConditions its conditions, or null: a group role with conditions does not
   *     apply
   * @param versionTable the table of the version row every write bumps, or null (no cache)
   * @param versionKey its key column (the row's key is {@code authorization.version})
   * @param versionValue its value column (the version as text)
   * @param versionUpdated when it was bumped, or null
   */
  public record Table(String roleTable, String roleId, String roleParent,
      String permissionTable, String permissionId, String permissionName,
      String permissionResource, String permissionAction,
      String assignmentTable, String assignmentUser, String assignmentRole, String assignmentBy,
      String assignmentAt, String assignmentExpires, String assignmentStart, String assignmentEnd,
      String assignmentDays, String assignmentZone,
      String grantTable, String grantRole, String grantPermission, String grantFrom,
      String grantUntil, String grantCondition, String grantConditions,
      String delegationTable, String delegationId, String delegationDelegator,
      String delegationDelegatee, String delegationPermission, String delegationExpires,
      String delegationValidFrom, String delegationRevoked,
      String groupTable, String groupId, String groupParent,
      String memberTable, String memberGroup, String memberUser, String memberJoined,
      String groupRoleTable, String groupRoleGroup, String groupRoleRole, String groupRoleAt,
      String groupRoleExpires, String groupRoleConditions,
      String versionTable, String versionKey, String versionValue, String versionUpdated) {
    /** Checks that the role, permission, assignment and grant columns are named. */
    public Table {
      for (String s : new String[] {roleTable, roleId, permissionTable, permissionId,
          permissionName, assignmentTable, assignmentUser, assignmentRole, grantTable, grantRole,
          grantPermission}) {
        Objects.requireNonNull(s, "every required column of the authorization tables must be "
            + "named");
      }
    }

    boolean delegations() {
      return delegationTable != null && delegationId != null && delegationDelegator != null
          && delegationDelegatee != null && delegationPermission != null
          && delegationExpires != null;
    }

    boolean versioned() {
      return versionTable != null && versionKey != null && versionValue != null;
    }

    boolean groups() {
      return groupTable != null && groupId != null && memberTable != null && memberGroup != null
          && memberUser != null && groupRoleTable != null && groupRoleGroup != null
          && groupRoleRole != null;
    }
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final AuthorizationSql sql;

  /**
   * The decision over the tables.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the server's clock, the only time a decision reads
   */
  public Authorization(DataSource dataSource, Table table, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sql = new AuthorizationSql(table);
  }

  /**
   * Decides one permission for a user at the clock's instant.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @return allow or deny, with the reason
   */
  public Decision decide(Object userId, String permission) {
    Instant now = clock.instant();
    return read(c -> decide(c, userId, permission, now));
  }

  /**
   * Decides one permission for a user at the server's instant; the context's time is never
   * read.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @param context the request (unused: the server's clock decides)
   * @return allow or deny, with the reason
   */
  public Decision decide(Object userId, String permission, Object context) {
    return decide(userId, permission);
  }

  /**
   * Whether the user holds the permission now; the context's time is never read.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @param context the request (unused: the server's clock decides)
   * @return whether allowed
   */
  public boolean isAllowed(Object userId, String permission, Object context) {
    return decide(userId, permission).allowed();
  }

  /**
   * Every permission the user holds now, by name, through any path.
   *
   * @param userId the subject
   * @return the permission names, sorted
   */
  public Set<String> permissions(Object userId) {
    return evaluate(userId).permissions();
  }

  /**
   * What a cache may keep of a user: the permissions held now, until when nothing but a write
   * can change them, and the data's version, all read from one snapshot.
   *
   * @param permissions the permission names, sorted
   * @param matches the names and the {@code resource:action} pairs of the permissions
   * @param at the instant they were evaluated at
   * @param horizon the first instant after it at which a validity interval, expiry or window
   *     may change them (null: none)
   * @param version the data's version in that snapshot (-1 without a version row to read)
   */
  public record Evaluation(Set<String> permissions, Set<String> matches, Instant at,
      Instant horizon, long version) {
    /** Copies the sets. */
    public Evaluation {
      permissions = Collections.unmodifiableSet(new TreeSet<>(permissions));
      matches = Collections.unmodifiableSet(new TreeSet<>(matches));
    }
  }

  /**
   * The user's permissions now, their horizon and the version of the data they were read from.
   *
   * @param userId the subject
   * @return the evaluation
   */
  public Evaluation evaluate(Object userId) {
    Instant now = clock.instant();
    return read(c -> {
      Set<String> out = new TreeSet<>();
      Set<String> matches = new TreeSet<>();
      Instant horizon = null;
      for (AuthorizationSql.Grant g : sql.grants(c, userId, null)) {
        horizon = AuthorizationSql.earlier(horizon, g.next(now));
        if (g.admits(now)) {
          held(out, matches, g.name(), g.pair());
        }
      }
      for (AuthorizationSql.Delegated d : sql.delegated(c, userId, null)) {
        horizon = AuthorizationSql.earlier(horizon, d.next(now));
        if (d.active(now) && !out.contains(d.name())) {
          for (AuthorizationSql.Grant g : sql.grants(c, d.delegator(), d.name())) {
            horizon = AuthorizationSql.earlier(horizon, g.next(now));
            if (g.admits(now)) {
              held(out, matches, d.name(), d.pair());
            }
          }
        }
      }
      return new Evaluation(out, matches, now, horizon, sql.version(c));
    });
  }

  private static void held(Set<String> names, Set<String> matches, String name, String pair) {
    names.add(name);
    matches.add(name);
    if (pair != null) {
      matches.add(pair);
    }
  }

  /**
   * The data's version now: every write here bumps it in its own transaction.
   *
   * @return the version (0 before the first write, -1 without a version row to read)
   */
  public long version() {
    try {
      return Jdbc.transaction(dataSource, sql::version);
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * Bumps the version inside the caller's transaction, so no cache answers from data read
   * before it commits: call it in every transaction that changes these tables other than
   * through this class.
   *
   * @param c the connection of that transaction
   * @throws SQLException from the driver
   */
  public void touch(Connection c) throws SQLException {
    sql.bump(c, clock.instant());
  }

  private Decision decide(Connection c, Object userId, String permission, Instant now)
      throws SQLException {
    List<String> refused = new ArrayList<>();
    for (AuthorizationSql.Grant g : sql.grants(c, userId, permission)) {
      if (g.admits(now)) {
        return new Decision(true, g.path());
      }
      refused.add(g.path() + (g.conditional() ? " (conditional: conditions are not evaluated,"
          + " so it does not apply)" : g.current(now) ? " (outside its time window)"
          : " (not valid at this instant)"));
    }
    for (AuthorizationSql.Delegated d : sql.delegated(c, userId, permission)) {
      String through = d.active(now) ? holds(c, d.delegator(), permission, now) : null;
      if (through != null) {
        return new Decision(true, "delegation " + d.id() + " from user " + d.delegator()
            + ", who holds it by " + through);
      }
      refused.add("delegation " + d.id() + (d.active(now)
          ? " (its delegator does not hold it now)" : " (not valid at this instant)"));
    }
    return Decision.deny(refused.isEmpty() ? "no active grant of " + permission
        : "no active grant of " + permission + ": " + String.join("; ", refused));
  }

  /** The first active role or group path to the permission, or null. */
  private String holds(Connection c, Object userId, String permission, Instant now)
      throws SQLException {
    for (AuthorizationSql.Grant g : sql.grants(c, userId, permission)) {
      if (g.admits(now)) {
        return g.path();
      }
    }
    return null;
  }

  /**
   * Whether one of the user's unexpired role assignments admits the instant now; an
   * assignment without a window always does, and a user without assignments is outside.
   *
   * @param userId the user
   * @param context the request (unused: the server's clock decides)
   * @return whether inside
   */
  public boolean isWithinWindow(Object userId, Object context) {
    Instant now = clock.instant();
    return read(c -> sql.windows(c, userId).stream().anyMatch(w -> w.admits(now)));
  }

  /**
   * Grants a role without end (replacing the user's assignments of that role).
   *
   * @param userId the user
   * @param roleId the role
   * @param grantedBy who grants it, or null
   */
  public void assignRole(Object userId, Object roleId, Object grantedBy) {
    assignRoleUntil(userId, roleId, null, grantedBy);
  }

  /**
   * Grants a role until an instant (replacing the user's assignments of that role).
   *
   * @param userId the user
   * @param roleId the role
   * @param validUntil the end (exclusive), or null for none
   * @param grantedBy who grants it, or null
   */
  public void assignRoleUntil(Object userId, Object roleId, Instant validUntil,
      Object grantedBy) {
    assignRoleWindow(userId, roleId, validUntil, grantedBy, null, null, null, null);
  }

  /**
   * Grants a role with a time window (replacing the user's assignments of that role).
   *
   * @param userId the user
   * @param roleId the role
   * @param validUntil the end (exclusive), or null for none
   * @param grantedBy who grants it, or null
   * @param start the window's local start, or null
   * @param end the window's local end, or null
   * @param days the allowed days ({@code MON-FRI}), or null
   * @param zone the zone id, or null for UTC
   * @throws IllegalArgumentException for days or a zone that do not parse, or a window on a
   *     table without window columns
   */
  public void assignRoleWindow(Object userId, Object roleId, Instant validUntil,
      Object grantedBy, LocalTime start, LocalTime end, String days, String zone) {
    AccessWindow.of(start, end, days, zone);
    Instant now = clock.instant();
    write(null, c -> sql.assign(c, userId, roleId, validUntil, grantedBy, now,
        new Object[] {start, end, days, zone}));
  }

  /**
   * Revokes every assignment of a role to a user.
   *
   * @param userId the user
   * @param roleId the role
   */
  public void revokeRole(Object userId, Object roleId) {
    write(null, c -> sql.revoke(c, userId, roleId));
  }

  /**
   * Makes a role inherit the permissions of {@code parentId} (null: of none). Refused when the
   * parent is the role or inherits from it; edits of the hierarchy are serialised, so two edits
   * that would close a cycle together cannot both commit.
   *
   * @param roleId the role
   * @param parentId its new parent, or null
   * @throws IllegalArgumentException when the edit would close a cycle
   */
  public void setParent(Object roleId, Object parentId) {
    write(sql.roleHierarchy(), c -> sql.setParent(c, sql.roleHierarchy(), roleId, parentId));
  }

  /**
   * The roles a role inherits from, nearest first.
   *
   * @param <T> the role id type
   * @param roleId the role
   * @return its ancestors
   */
  @SuppressWarnings("unchecked")
  public <T> Set<T> ancestors(Object roleId) {
    return (Set<T>) read(c -> sql.ancestors(c, sql.roleHierarchy(), roleId));
  }

  /**
   * Makes a group a child of {@code parentId} (null: of none): its members become members of
   * the parent and every ancestor. Refused, serialised, as {@link #setParent}.
   *
   * @param groupId the group
   * @param parentId its new parent, or null
   * @throws IllegalArgumentException when the edit would close a cycle
   */
  public void setGroupParent(Object groupId, Object parentId) {
    write(sql.groupHierarchy(), c -> sql.setParent(c, sql.groupHierarchy(), groupId, parentId));
  }

  /**
   * Adds a member to a group (once).
   *
   * @param groupId the group
   * @param userId the user
   */
  public void addMember(Object groupId, Object userId) {
    Instant now = clock.instant();
    write(null, c -> sql.addMember(c, groupId, userId, now));
  }

  /**
   * Grants a role to a group (once, without end).
   *
   * @param groupId the group
   * @param roleId the role
   */
  public void grantRole(Object groupId, Object roleId) {
    Instant now = clock.instant();
    write(null, c -> sql.grantGroupRole(c, groupId, roleId, now));
  }

  /**
   * The user's groups: those it is a member of, and their ancestors.
   *
   * @param <T> the group id type
   * @param userId the user
   * @return the groups
   */
  @SuppressWarnings("unchecked")
  public <T> Set<T> groupsOf(Object userId) {
    return (Set<T>) read(c -> sql.groupsOf(c, userId));
  }

  /**
   * Delegates permissions the delegator holds now, one delegation each, from now until
   * {@code until}.
   *
   * @param from the delegator
   * @param to the delegatee
   * @param permissions permission names or {@code resource:action}
   * @param until the end (exclusive)
   * @return the delegations' ids, comma-separated
   * @throws IllegalArgumentException when the delegator does not hold one of them now (through
   *     a role or a group: a delegated permission is not delegated on), or {@code until} is
   *     not after now
   */
  public String delegate(Object from, Object to, Set<String> permissions, Instant until) {
    Instant now = clock.instant();
    if (!until.isAfter(now)) {
      throw new IllegalArgumentException("a delegation must end after now");
    }
    return write(null, c -> {
      List<String> ids = new ArrayList<>();
      for (String p : new TreeSet<>(permissions)) {
        if (holds(c, from, p, now) == null) {
          throw new IllegalArgumentException("the delegator does not hold " + p);
        }
        ids.add(sql.delegate(c, from, to, p, now, until));
      }
      return String.join(",", ids);
    });
  }

  /**
   * Ends delegations now.
   *
   * @param delegationId the ids {@link #delegate} returned, comma-separated
   */
  public void revokeDelegation(String delegationId) {
    Instant now = clock.instant();
    write(null, c -> {
      for (String id : delegationId.split(",")) {
        sql.revokeDelegation(c, id.strip(), now);
      }
      return null;
    });
  }

  private <T> T read(Work<T> work) {
    try {
      return Jdbc.transaction(dataSource, c -> {
        Jdbc.update(c, SNAPSHOT);
        return work.apply(c);
      });
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * A write in one transaction, which also bumps the version, so a cached evaluation of the
   * data before it is never used after it commits; under the hierarchy's lock when
   * {@code lock} is not null.
   */
  private <T> T write(String lock, Work<T> work) {
    try {
      return Jdbc.transaction(dataSource, c -> {
        if (lock != null) {
          Jdbc.query(c, LOCK, rs -> 1, LOCK_SPACE, lock);
        }
        T result = work.apply(c);
        sql.bump(c, clock.instant());
        return result;
      });
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  @Override
  public String toString() {
    return "Authorization";
  }
}
