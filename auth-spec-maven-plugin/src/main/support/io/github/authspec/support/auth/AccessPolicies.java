package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.RepositoryException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Attribute-based access control over a table of policies, each an effect ({@code allow} or
 * {@code deny}) with a priority, the resource and action it covers, and an optional CEL
 * condition. Deny by default. Among the policies that apply (active, covering the resource and
 * the action, and whose condition holds), the highest priority wins, and at equal priority a
 * deny overrides every allow. A condition that cannot be evaluated (no evaluator, a missing
 * attribute, a failure) never makes an allow apply and always makes a deny apply: it fails
 * closed. An effect other than {@code allow} is a deny.
 */
public final class AccessPolicies {
  private static final String POLICIES = "SELECT {policyId}, {policyName}, {policyEffect},"
      + " {policyPriority}, {policyResource}, {policyAction}, {condition}, {active}"
      + " FROM {policyTable} ORDER BY COALESCE({policyPriority}, 0) DESC, {policyId}";
  private static final String INSERT = "INSERT INTO {policyTable} ({policyName}, {policyEffect},"
      + " {policyPriority}, {policyResource}, {policyAction}{conditionColumn})"
      + " VALUES (?, ?, ?, ?, ?{conditionValue}) RETURNING {policyId}";

  /**
   * Where the policies live.
   *
   * @param policyTable the policies
   * @param policyId a policy's id
   * @param policyName its name, the reason a decision gives
   * @param policyEffect {@code allow} or {@code deny}
   * @param policyPriority its priority: a higher one wins
   * @param policyResource the resource it covers: a name, a prefix ending in {@code *}, or
   *     {@code *} for any
   * @param policyAction the action it covers, the same way
   * @param policyCondition its CEL condition over {@code request}, or null (no conditions)
   * @param policyActive whether it is in force, or null (every policy is): only
   *     {@code false} disables one
   */
  public record Table(String policyTable, String policyId, String policyName,
      String policyEffect, String policyPriority, String policyResource, String policyAction,
      String policyCondition, String policyActive) {
    /** Checks that every column but the condition and the switch is named. */
    public Table {
      for (String s : new String[] {policyTable, policyId, policyName, policyEffect,
          policyPriority, policyResource, policyAction}) {
        Objects.requireNonNull(s, "every required column of the policies must be named");
      }
    }
  }

  /** One policy row, as read. */
  private record Policy(String name, boolean deny, long priority, String resource,
      String action, String condition, boolean active) {}

  private final DataSource dataSource;
  private final Table table;
  private final Authorization.Conditions conditions;
  private final String select;

  /**
   * The policies in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   */
  public AccessPolicies(DataSource dataSource, Table table) {
    this(dataSource, table, null);
  }

  private AccessPolicies(DataSource dataSource, Table table,
      Authorization.Conditions conditions) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = Objects.requireNonNull(table, "table");
    this.conditions = conditions;
    this.select = Jdbc.render(POLICIES.replace("{condition}", table.policyCondition() == null
        ? "NULL" : "{policyCondition}").replace("{active}", table.policyActive() == null
        ? "NULL" : "{policyActive}"), identifiers());
  }

  /**
   * The same policies, evaluating conditions with {@code conditions}.
   *
   * @param conditions the evaluator ({@link CelConditions})
   * @return the policies
   */
  public AccessPolicies withConditions(Authorization.Conditions conditions) {
    return new AccessPolicies(dataSource, table, Objects.requireNonNull(conditions,
        "conditions"));
  }

  /**
   * Decides an action on a resource for a subject. A condition sees {@code request}: the
   * environment's entries, and {@code subject}, {@code action} and {@code resource} (which
   * the environment cannot override).
   *
   * @param subject the user
   * @param action the action
   * @param resource the resource
   * @param environment the request's other attributes, or null
   * @return allow or deny, with the deciding policy
   */
  public Authorization.Decision evaluate(Object subject, String action, String resource,
      Map<String, String> environment) {
    Map<String, Object> request = new TreeMap<>();
    if (environment != null) {
      environment.forEach((k, v) -> {
        if (k != null && v != null) {
          request.put(k, v);
        }
      });
    }
    request.put("subject", String.valueOf(subject));
    request.put("action", action);
    request.put("resource", resource);
    Policy allow = null;
    for (Policy p : policies()) {
      if (!p.active() || !covers(p.resource(), resource) || !covers(p.action(), action)) {
        continue;
      }
      if (allow != null && p.priority() < allow.priority()) {
        break;
      }
      Boolean holds = Authorization.condition(conditions, p.condition(), request);
      if (p.deny() && !Boolean.FALSE.equals(holds)) {
        return Authorization.Decision.deny("denied by policy " + p.name() + " (priority "
            + p.priority() + (holds == null ? ", its condition cannot be evaluated)" : ")"));
      }
      if (!p.deny() && Boolean.TRUE.equals(holds) && allow == null) {
        allow = p;
      }
    }
    return allow == null ? Authorization.Decision.deny("no policy allows " + action + " on "
        + resource) : new Authorization.Decision(true, "allowed by policy " + allow.name()
        + " (priority " + allow.priority() + ")");
  }

  /**
   * Adds a policy, refusing a condition that does not parse (or, without an evaluator, any
   * condition) and an effect other than {@code allow} or {@code deny}.
   *
   * @param name its name
   * @param effect {@code allow} or {@code deny}
   * @param priority its priority
   * @param resource the resource, a prefix ending in {@code *}, or {@code *}
   * @param action the action, the same way
   * @param condition a CEL condition over {@code request}, or null
   * @return the new policy's id, as text
   */
  public String addPolicy(String name, String effect, int priority, String resource,
      String action, String condition) {
    if (!"allow".equals(effect) && !"deny".equals(effect)) {
      throw new IllegalArgumentException("a policy's effect is allow or deny");
    }
    if (condition != null) {
      if (conditions == null || table.policyCondition() == null) {
        throw new IllegalArgumentException("conditions are not evaluated here: use"
            + " withConditions, over a table with a condition column, to write one");
      }
      conditions.check(condition);
    }
    boolean with = condition != null;
    String sql = Jdbc.render(INSERT.replace("{conditionColumn}", with ? ", {policyCondition}"
        : "").replace("{conditionValue}", with ? ", ?" : ""), identifiers());
    Object[] values = with ? new Object[] {name, effect, priority, resource, action, condition}
        : new Object[] {name, effect, priority, resource, action};
    try {
      return Jdbc.transaction(dataSource, c -> Jdbc.query(c, sql, rs -> rs.getString(1),
          values).get(0));
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  private List<Policy> policies() {
    try {
      return Jdbc.transaction(dataSource, c -> Jdbc.query(c, select, rs -> new Policy(
          rs.getString(2), !"allow".equalsIgnoreCase(Objects.toString(rs.getString(3), "")
              .strip()), rs.getLong(4), rs.getString(5), rs.getString(6), blankAsNull(rs.getString(7)),
          !Boolean.FALSE.equals(rs.getObject(8)))));
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /** Whether a policy's resource or action pattern covers {@code value}. */
  static boolean covers(String pattern, String value) {
    if (pattern == null || value == null) {
      return false;
    }
    return pattern.equals("*") || pattern.equals(value) || pattern.endsWith("*")
        && value.startsWith(pattern.substring(0, pattern.length() - 1));
  }

  private static String blankAsNull(String condition) {
    return condition == null || condition.isBlank() ? null : condition;
  }

  private Map<String, String> identifiers() {
    Map<String, String> ids = new TreeMap<>();
    ids.put("policyTable", table.policyTable());
    ids.put("policyId", table.policyId());
    ids.put("policyName", table.policyName());
    ids.put("policyEffect", table.policyEffect());
    ids.put("policyPriority", table.policyPriority());
    ids.put("policyResource", table.policyResource());
    ids.put("policyAction", table.policyAction());
    if (table.policyCondition() != null) {
      ids.put("policyCondition", table.policyCondition());
    }
    if (table.policyActive() != null) {
      ids.put("policyActive", table.policyActive());
    }
    return ids;
  }

  @Override
  public String toString() {
    return "AccessPolicies";
  }
}
