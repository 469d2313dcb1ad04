package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.JdbcSupport.Work;
import io.github.authspec.support.repository.RepositoryException;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
 *       delegator's role ends every use at once;
 *   <li><b>tag</b> ({@link #decideOn}): a tag of the resource gives the permission to a role
 *       the user holds now.
 * </ul>
 *
 * <p>A grant's CEL condition (with {@link #withConditions}) must hold for it to allow; a deny
 * rule on an active path overrides every allow while its condition holds or cannot be
 * evaluated; a condition that cannot be evaluated never allows.
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
   * @param grantCondition its condition expression (CEL over {@code request}), or null
   * @param grantConditions its conditions document, or null: not evaluated, so a grant with
   *     one does not allow, and a deny rule with one denies
   * @param grantConditionType {@code deny} for a deny rule, or null (allow)
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
   * @param groupRoleConditions its conditions, or null: they cannot be evaluated, so no path
   *     through a group role with conditions allows, and deny rules reached through it apply
   * @param versionTable the table of the version row every write bumps, or null (no cache)
   * @param versionKey its key column (the row's key is {@code authorization.version})
   * @param versionValue its value column (the version as text)
   * @param versionUpdated when it was bumped, or null
   * @param tagPermissionTable the tags' permissions, or null (no tags)
   * @param tagPermissionTag the tag
   * @param tagPermissionName the permission's name it gives
   * @param tagPermissionRole the role it gives it to
   * @param resourceTagTable the resources' tags
   * @param resourceTagTag the tag
   * @param resourceTagResource the resource's id
   * @param resourceTagType the resource's type, or null
   */
  public record Table(String roleTable, String roleId, String roleParent,
      String permissionTable, String permissionId, String permissionName,
      String permissionResource, String permissionAction,
      String assignmentTable, String assignmentUser, String assignmentRole, String assignmentBy,
      String assignmentAt, String assignmentExpires, String assignmentStart, String assignmentEnd,
      String assignmentDays, String assignmentZone,
      String grantTable, String grantRole, String grantPermission, String grantFrom,
      String grantUntil, String grantCondition, String grantConditions,
      String grantConditionType,
      String delegationTable, String delegationId, String delegationDelegator,
      String delegationDelegatee, String delegationPermission, String delegationExpires,
      String delegationValidFrom, String delegationRevoked,
      String groupTable, String groupId, String groupParent,
      String memberTable, String memberGroup, String memberUser, String memberJoined,
      String groupRoleTable, String groupRoleGroup, String groupRoleRole, String groupRoleAt,
      String groupRoleExpires, String groupRoleConditions,
      String versionTable, String versionKey, String versionValue, String versionUpdated,
      String tagPermissionTable, String tagPermissionTag, String tagPermissionName,
      String tagPermissionRole, String resourceTagTable, String resourceTagTag,
      String resourceTagResource, String resourceTagType) {
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

    boolean tags() {
      return tagPermissionTable != null && tagPermissionTag != null && tagPermissionName != null
          && tagPermissionRole != null && resourceTagTable != null && resourceTagTag != null
          && resourceTagResource != null;
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

  /**
   * Evaluates grant conditions: {@link CelConditions} when the application has CEL. Without
   * one, a grant with a condition does not allow and a deny rule with one denies.
   */
  public interface Conditions {
    /**
     * Refuses an expression that does not parse or type-check.
     *
     * @param expression the condition
     * @throws IllegalArgumentException when it does not
     */
    void check(String expression);

    /**
     * Evaluates a condition over the request's attributes.
     *
     * @param expression the condition
     * @param attributes the request's attributes
     * @return its value
     * @throws RuntimeException when it fails to evaluate (then the decision denies)
     */
    boolean test(String expression, Map<String, ?> attributes);
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final AuthorizationSql sql;
  private final Conditions conditions;

  /**
   * The decision over the tables.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the server's clock, the only time a decision reads
   */
  public Authorization(DataSource dataSource, Table table, Clock clock) {
    this(dataSource, clock, new AuthorizationSql(table), null);
  }

  private Authorization(DataSource dataSource, Clock clock, AuthorizationSql sql,
      Conditions conditions) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sql = sql;
    this.conditions = conditions;
  }

  /**
   * The same decision, evaluating grant conditions with {@code conditions}.
   *
   * @param conditions the evaluator ({@link CelConditions})
   * @return the decision
   */
  public Authorization withConditions(Conditions conditions) {
    return new Authorization(dataSource, clock, sql, Objects.requireNonNull(conditions,
        "conditions"));
  }

  /**
   * Decides one permission for a user at the clock's instant.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @return allow or deny, with the reason
   */
  public Decision decide(Object userId, String permission) {
    return decideWith(userId, permission, Map.of());
  }

  /**
   * Decides one permission for a user at the clock's instant, evaluating grant conditions
   * over the request's attributes (variable {@code request} of a condition).
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @param attributes the request's attributes, never its time
   * @return allow or deny, with the reason
   */
  public Decision decideWith(Object userId, String permission, Map<String, ?> attributes) {
    Instant now = clock.instant();
    return read(c -> decide(c, userId, permission, now, attributes));
  }

  /**
   * Decides one permission for a user at the server's instant, evaluating grant conditions over
   * the request context's attributes ({@link #attributes}); the context's time is never read.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @param context the request, or null
   * @return allow or deny, with the reason
   */
  public Decision decide(Object userId, String permission, Object context) {
    return decideWith(userId, permission, attributes(context));
  }

  /**
   * A request context as the attributes a condition reads ({@code request.ip}): a map's
   * entries, or a record's components by name; null values and times are left out (the
   * server's clock decides), whole numbers are longs, and values CEL has no type for are text.
   *
   * @param context the request, or null
   * @return its attributes
   */
  public static Map<String, Object> attributes(Object context) {
    Map<String, Object> out = new TreeMap<>();
    if (context instanceof Map<?, ?> m) {
      m.forEach((k, v) -> attribute(out, String.valueOf(k), v));
    } else if (context != null && context.getClass().isRecord()) {
      for (RecordComponent c : context.getClass().getRecordComponents()) {
        try {
          attribute(out, c.getName(), c.getAccessor().invoke(context));
        } catch (ReflectiveOperationException e) {
          // An accessor the decision cannot call: the attribute is absent, so a condition
          // reading it fails to evaluate and never allows.
        }
      }
    }
    return out;
  }

  private static void attribute(Map<String, Object> out, String name, Object value) {
    if (value == null || value instanceof Temporal) {
      return;
    }
    out.put(name, value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double ? value : value instanceof Integer || value instanceof Short
        || value instanceof Byte ? ((Number) value).longValue() : String.valueOf(value));
  }

  /**
   * Decides one permission on one resource: as {@link #decide(Object, String)}, and also
   * allowed when a tag of the resource gives the permission to a role the user holds now
   * (deny rules still override).
   *
   * @param userId the subject
   * @param permission a permission name (tags name permissions by name)
   * @param resourceType the resource's type, or null for any
   * @param resourceId the resource's id
   * @return allow or deny, with the reason
   */
  public Decision decideOn(Object userId, String permission, String resourceType,
      Object resourceId) {
    Instant now = clock.instant();
    return read(c -> decide(c, userId, permission, now, Map.of(), resourceType,
        String.valueOf(resourceId)));
  }

  /**
   * Whether a tag of the resource gives some permission to a role the user holds now.
   *
   * @param subject the user
   * @param resource the resource's id, or {@code type:id}
   * @return whether their tags match
   */
  public boolean tagsMatch(Object subject, String resource) {
    int colon = resource.indexOf(':');
    String type = colon < 0 ? null : resource.substring(0, colon);
    String id = colon < 0 ? resource : resource.substring(colon + 1);
    Instant now = clock.instant();
    return read(c -> tagPath(c, subject, type, id, null, now) != null);
  }

  /**
   * Whether the user holds the permission now, as {@link #decide(Object, String, Object)}.
   *
   * @param userId the subject
   * @param permission a permission name or {@code resource:action}
   * @param context the request, or null
   * @return whether allowed
   */
  public boolean isAllowed(Object userId, String permission, Object context) {
    return decide(userId, permission, context).allowed();
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
      Set<String> denied = new TreeSet<>();
      Instant horizon = null;
      List<AuthorizationSql.Grant> grants = sql.grants(c, userId, null);
      for (AuthorizationSql.Grant g : grants) {
        horizon = AuthorizationSql.earlier(horizon, g.next(now));
        if (denies(g, now, Map.of())) {
          denied.add(g.name());
        }
      }
      for (AuthorizationSql.Grant g : grants) {
        if (!denied.contains(g.name()) && allows(g, now, Map.of())) {
          held(out, matches, g.name(), g.pair());
        }
      }
      for (AuthorizationSql.Delegated d : sql.delegated(c, userId, null)) {
        horizon = AuthorizationSql.earlier(horizon, d.next(now));
        if (d.active(now) && !out.contains(d.name()) && !denied.contains(d.name())) {
          List<AuthorizationSql.Grant> theirs = sql.grants(c, d.delegator(), d.name());
          for (AuthorizationSql.Grant g : theirs) {
            horizon = AuthorizationSql.earlier(horizon, g.next(now));
          }
          if (path(theirs, now, Map.of()) != null) {
            held(out, matches, d.name(), d.pair());
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

  private Decision decide(Connection c, Object userId, String permission, Instant now,
      Map<String, ?> attributes) throws SQLException {
    return decide(c, userId, permission, now, attributes, null, null);
  }

  private Decision decide(Connection c, Object userId, String permission, Instant now,
      Map<String, ?> attributes, String type, String resource) throws SQLException {
    List<AuthorizationSql.Grant> grants = sql.grants(c, userId, permission);
    for (AuthorizationSql.Grant g : grants) {
      if (denies(g, now, attributes)) {
        return Decision.deny("denied by a deny rule through " + g.path());
      }
    }
    String path = path(grants, now, attributes);
    if (path == null && resource != null) {
      path = tagPath(c, userId, type, resource, permission, now);
    }
    if (path != null) {
      return new Decision(true, path);
    }
    List<String> refused = new ArrayList<>();
    for (AuthorizationSql.Grant g : grants) {
      refused.add(g.path() + (g.deny() ? " (a deny rule that does not apply)"
          : !g.admits(now) ? (g.current(now) ? " (outside its time window)"
          : " (not valid at this instant)") : " (its condition does not hold, or cannot be"
          + " evaluated)"));
    }
    for (AuthorizationSql.Delegated d : sql.delegated(c, userId, permission)) {
      String through = d.active(now)
          ? path(sql.grants(c, d.delegator(), permission), now, attributes) : null;
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

  /**
   * The first path that allows among one permission's grants, or null when none does or a
   * deny rule among them applies (deny overrides allow).
   */
  private String path(List<AuthorizationSql.Grant> grants, Instant now,
      Map<String, ?> attributes) {
    String first = null;
    for (AuthorizationSql.Grant g : grants) {
      if (denies(g, now, attributes)) {
        return null;
      }
      if (first == null && allows(g, now, attributes)) {
        first = g.path();
      }
    }
    return first;
  }

  /**
   * The first tag of the resource that gives the permission (any, when null) to a role the
   * user holds now, as a path; null when none does.
   */
  private String tagPath(Connection c, Object userId, String type, String resource,
      String permission, Instant now) throws SQLException {
    List<String[]> tagged = sql.tagRoles(c, type, resource, permission);
    if (tagged.isEmpty()) {
      return null;
    }
    for (AuthorizationSql.Grant r : sql.roles(c, userId)) {
      if (r.admits(now) && !r.opaque()) {
        for (String[] t : tagged) {
          if (t[0].equals(r.name())) {
            return "tag " + t[1] + " of resource " + resource + ", for role " + r.name()
                + " through " + r.path();
          }
        }
      }
    }
    return null;
  }

  /** An active allowing grant whose condition, if any, holds. */
  private boolean allows(AuthorizationSql.Grant g, Instant now, Map<String, ?> attributes) {
    return !g.deny() && g.admits(now) && Boolean.TRUE.equals(condition(g, attributes));
  }

  /** An active deny rule whose condition holds or cannot be evaluated (fail closed). */
  private boolean denies(AuthorizationSql.Grant g, Instant now, Map<String, ?> attributes) {
    return g.deny() && g.admits(now) && !Boolean.FALSE.equals(condition(g, attributes));
  }

  /** A grant's condition: true without one, null when it cannot be evaluated. */
  private Boolean condition(AuthorizationSql.Grant g, Map<String, ?> attributes) {
    return g.opaque() ? null : condition(conditions, g.condition(), attributes);
  }

  /**
   * A condition's value: true without one, null when it cannot be evaluated (no evaluator, or
   * a failure), which an allow treats as false and a deny as true.
   */
  static Boolean condition(Conditions conditions, String expression,
      Map<String, ?> attributes) {
    if (expression == null) {
      return true;
    }
    if (conditions == null) {
      return null;
    }
    try {
      return conditions.test(expression, attributes);
    } catch (RuntimeException e) {
      return null;
    }
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
   * Grants a permission to a role, optionally within an interval, under a condition, or as a
   * deny rule (which overrides every allow while its condition holds or cannot be evaluated).
   *
   * @param roleId the role
   * @param permission a permission name or {@code resource:action}
   * @param from the start, or null
   * @param until the end (exclusive), or null
   * @param condition a condition over {@code request}, or null
   * @param deny whether it is a deny rule
   * @throws IllegalArgumentException for a condition that does not parse (or without a
   *     conditions evaluator, any condition), an unknown permission, or a part the table
   *     has no column for
   */
  public void grantPermission(Object roleId, String permission, Instant from, Instant until,
      String condition, boolean deny) {
    if (condition != null) {
      if (conditions == null) {
        throw new IllegalArgumentException("conditions are not evaluated here: use"
            + " withConditions to write one");
      }
      conditions.check(condition);
    }
    write(null, c -> sql.grantPermission(c, roleId, permission, new Object[] {from, until,
        condition, deny ? "deny" : null}));
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
        if (path(sql.grants(c, from, p), now, Map.of()) == null) {
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
