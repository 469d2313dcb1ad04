package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.RepositoryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Roles made from templates: a template names a set of permissions, and instantiating it
 * creates the role and grants each permission in one transaction, so a template naming a
 * permission that does not exist creates nothing. The role is named after the template, and
 * for a tenant {@code <template>@<tenant>} (the roles table has no tenant column, so the name
 * scopes it). A role already made from the template for that tenant is returned as it is:
 * instantiating again never widens it, whatever the template says now.
 */
public final class RoleTemplates {
  private static final String LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(CAST(? AS text)))";
  private static final String TEMPLATES = "SELECT {templateName} FROM {templateTable}"
      + " ORDER BY {templateName}";
  private static final String TEMPLATE = "SELECT {templateName}, {templatePermissions} FROM"
      + " {templateTable} WHERE CAST({templateId} AS text) = ? OR {templateName} = ?"
      + " ORDER BY CAST({templateId} AS text) = ? DESC LIMIT 1";
  private static final String ROLE = "SELECT {roleId} FROM {roleTable} WHERE {roleName} = ?";
  private static final String INSERT_ROLE = "INSERT INTO {roleTable} ({roleName}) VALUES (?)"
      + " RETURNING {roleId}";
  private static final String PERMISSION = "SELECT {permissionId} FROM {permissionTable}"
      + " WHERE {permissionName} = ?";
  private static final String GRANT = "INSERT INTO {grantTable} ({grantRole}, {grantPermission})"
      + " VALUES (?, ?)";

  /**
   * Where templates, roles, permissions and grants live.
   *
   * @param templateTable the templates
   * @param templateId a template's id
   * @param templateName its name, also the name of the roles made from it
   * @param templatePermissions its permission names: comma-separated, or a JSON array of
   *     strings
   * @param roleTable the roles
   * @param roleId a role's id
   * @param roleName its unique name
   * @param permissionTable the permissions
   * @param permissionId a permission's id
   * @param permissionName its name
   * @param grantTable the role-permission grants
   * @param grantRole the role
   * @param grantPermission the permission
   */
  public record Table(String templateTable, String templateId, String templateName,
      String templatePermissions, String roleTable, String roleId, String roleName,
      String permissionTable, String permissionId, String permissionName, String grantTable,
      String grantRole, String grantPermission) {
    /** Checks that every column is named. */
    public Table {
      for (String s : new String[] {templateTable, templateId, templateName, templatePermissions,
          roleTable, roleId, roleName, permissionTable, permissionId, permissionName, grantTable,
          grantRole, grantPermission}) {
        Objects.requireNonNull(s, "every column of the role templates must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      String[] names = {"templateTable", "templateId", "templateName", "templatePermissions",
          "roleTable", "roleId", "roleName", "permissionTable", "permissionId", "permissionName",
          "grantTable", "grantRole", "grantPermission"};
      String[] values = {templateTable, templateId, templateName, templatePermissions, roleTable,
          roleId, roleName, permissionTable, permissionId, permissionName, grantTable, grantRole,
          grantPermission};
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], values[i]);
      }
      return m;
    }
  }

  private final DataSource dataSource;
  private final Map<String, String> ids;

  /**
   * Templates over the tables.
   *
   * @param dataSource the database
   * @param table the mapping
   */
  public RoleTemplates(DataSource dataSource, Table table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.ids = table.ids();
  }

  /**
   * The templates' names, sorted.
   *
   * @return the names
   */
  public List<String> templates() {
    try {
      return Jdbc.transaction(dataSource, c -> Jdbc.query(c, Jdbc.render(TEMPLATES, ids),
          rs -> rs.getString(1)));
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  /**
   * The role made from a template: created with the template's permissions in one
   * transaction, or the existing role of that name, unchanged.
   *
   * @param <T> the role id type
   * @param templateId the template's id or name
   * @param tenantId the tenant, or null
   * @return the role's id
   * @throws IllegalArgumentException for an unknown template, or a permission the template
   *     names that does not exist
   */
  @SuppressWarnings("unchecked")
  public <T> T instantiate(String templateId, Object tenantId) {
    try {
      return (T) Jdbc.transaction(dataSource, c -> instantiate(c, templateId, tenantId));
    } catch (SQLException e) {
      throw new RepositoryException(e);
    }
  }

  private Object instantiate(Connection c, String templateId, Object tenantId)
      throws SQLException {
    List<String[]> template = Jdbc.query(c, Jdbc.render(TEMPLATE, ids),
        rs -> new String[] {rs.getString(1), rs.getString(2)}, templateId, templateId,
        templateId);
    if (template.isEmpty()) {
      throw new IllegalArgumentException("no such role template: " + templateId);
    }
    String name = template.get(0)[0] + (tenantId == null ? "" : "@" + tenantId);
    Jdbc.query(c, LOCK, rs -> 1, 0x7274, ids.get("roleTable") + ":" + name);
    List<Object> existing = Jdbc.query(c, Jdbc.render(ROLE, ids), rs -> rs.getObject(1), name);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    List<Object> permissions = new ArrayList<>();
    for (String p : names(template.get(0)[1])) {
      List<Object> id = Jdbc.query(c, Jdbc.render(PERMISSION, ids), rs -> rs.getObject(1), p);
      if (id.isEmpty()) {
        throw new IllegalArgumentException("role template " + templateId + " names a permission"
            + " that does not exist: " + p);
      }
      permissions.add(id.get(0));
    }
    Object role = Jdbc.query(c, Jdbc.render(INSERT_ROLE, ids), rs -> rs.getObject(1), name)
        .get(0);
    for (Object p : permissions) {
      Jdbc.update(c, Jdbc.render(GRANT, ids), role, p);
    }
    return role;
  }

  /**
   * The permission names of a template's column: comma-separated, or a JSON array of strings.
   *
   * @param text the column's text
   * @return the names, sorted, without blanks
   */
  static Set<String> names(String text) {
    String s = text == null ? "" : text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    Set<String> out = new TreeSet<>();
    for (String part : s.split(",")) {
      String p = part.strip();
      if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
        p = p.substring(1, p.length() - 1).strip();
      }
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "RoleTemplates";
  }
}
