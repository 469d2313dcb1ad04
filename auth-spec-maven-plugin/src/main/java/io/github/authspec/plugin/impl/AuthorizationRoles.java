package io.github.authspec.plugin.impl;

import static io.github.authspec.model.SqlType.TIME;
import static io.github.authspec.model.SqlType.TIMESTAMP;
import static io.github.authspec.plugin.impl.Role.ID;
import static io.github.authspec.plugin.impl.Role.STRING;

import io.github.authspec.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The roles of the authorization features. Every one of them is written by the one decision
 * ({@code Authorization}), so each binds the same columns and differs only in which are
 * required: its own. Every role is looked for in its conventional table only (the features'
 * used tables share column names such as {@code user_id} and {@code id}).
 */
final class AuthorizationRoles {
  /** The roles each feature requires beyond the decision's own. */
  static final List<String> HIERARCHY = List.of("roleParent");
  static final List<String> EXPIRY = List.of("assignmentExpires");
  static final List<String> WINDOWS = List.of("assignmentStart", "assignmentEnd");
  static final List<String> DELEGATIONS = List.of("delegationId", "delegationDelegator",
      "delegationDelegatee", "delegationPermission", "delegationExpires");
  static final List<String> TAGS = List.of("tagPermissionTag", "tagPermissionName",
      "tagPermissionRole", "resourceTagTag", "resourceTagResource");
  static final List<String> GROUPS = List.of("groupId", "memberGroup", "memberUser",
      "groupRoleGroup", "groupRoleRole");
  private static final Set<String> BASE = Set.of("roleId", "permissionId", "permissionName",
      "assignmentUser", "assignmentRole", "grantRole", "grantPermission");

  private AuthorizationRoles() {}

  /** The roles of feature {@code f}, with {@code required} required too. */
  static List<Role> of(String f, List<String> required) {
    List<Role> out = new ArrayList<>();
    List<String> roles = List.of("roles"), permissions = List.of("permissions");
    List<String> assignments = List.of("user_roles", "role_assignments");
    List<String> grants = List.of("role_permissions");
    List<String> delegations = List.of("delegations"), groups = List.of("groups");
    List<String> members = List.of("group_members"), groupRoles = List.of("group_roles");
    add(out, f, required, "roleId", "a role's id", roles, List.of("id"), ID);
    add(out, f, required, "roleParent", "the role a role inherits from", roles,
        List.of("parent_role_id", "parent_id"), ID);
    add(out, f, required, "permissionId", "a permission's id", permissions, List.of("id"), ID);
    add(out, f, required, "permissionName", "a permission's name", permissions,
        List.of("name"), STRING);
    add(out, f, required, "permissionResource", "a permission's resource", permissions,
        List.of("resource"), STRING);
    add(out, f, required, "permissionAction", "a permission's action", permissions,
        List.of("action"), STRING);
    add(out, f, required, "assignmentUser", "the user holding a role", assignments,
        List.of("user_id"), ID);
    add(out, f, required, "assignmentRole", "the role a user holds", assignments,
        List.of("role_id"), ID);
    add(out, f, required, "assignmentBy", "who assigned a role", assignments,
        List.of("assigned_by", "granted_by"), ID);
    add(out, f, required, "assignmentAt", "when a role was assigned", assignments,
        List.of("assigned_at", "granted_at"), TIMESTAMP);
    add(out, f, required, "assignmentExpires", "when a role assignment ends", assignments,
        List.of("expires_at", "valid_until"), TIMESTAMP);
    add(out, f, required, "assignmentStart", "the daily start of an access window",
        assignments, List.of("access_start_time"), TIME);
    add(out, f, required, "assignmentEnd", "the daily end of an access window", assignments,
        List.of("access_end_time"), TIME);
    add(out, f, required, "assignmentDays", "the days of an access window", assignments,
        List.of("allowed_days"), STRING);
    add(out, f, required, "assignmentZone", "the time zone of an access window", assignments,
        List.of("timezone", "time_zone"), STRING);
    add(out, f, required, "grantRole", "the role holding a permission", grants,
        List.of("role_id"), ID);
    add(out, f, required, "grantPermission", "the permission a role holds", grants,
        List.of("permission_id"), ID);
    add(out, f, required, "grantFrom", "when a role's permission starts", grants,
        List.of("valid_from"), TIMESTAMP);
    add(out, f, required, "grantUntil", "when a role's permission ends", grants,
        List.of("valid_until", "expires_at"), TIMESTAMP);
    add(out, f, required, "grantCondition", "a role's permission's condition expression",
        grants, List.of("condition_expression"), STRING);
    add(out, f, required, "grantConditions", "a role's permission's conditions", grants,
        List.of("conditions"), STRING);
    add(out, f, required, "grantConditionType", "whether a role's permission is a deny rule",
        grants, List.of("condition_type", "effect"), STRING);
    add(out, f, required, "delegationId", "a delegation's id", delegations, List.of("id"), ID);
    add(out, f, required, "delegationDelegator", "who delegates", delegations,
        List.of("delegator_id"), ID);
    add(out, f, required, "delegationDelegatee", "who receives a delegation", delegations,
        List.of("delegatee_id"), ID);
    add(out, f, required, "delegationPermission", "the permission delegated", delegations,
        List.of("permission_id"), ID);
    add(out, f, required, "delegationExpires", "when a delegation ends", delegations,
        List.of("expires_at"), TIMESTAMP);
    add(out, f, required, "delegationValidFrom", "when a delegation starts", delegations,
        List.of("valid_from"), TIMESTAMP);
    add(out, f, required, "delegationRevoked", "when a delegation was revoked", delegations,
        List.of("revoked_at"), TIMESTAMP);
    add(out, f, required, "groupId", "a group's id", groups, List.of("id"), ID);
    add(out, f, required, "groupParent", "a group's parent group", groups,
        List.of("parent_group_id", "parent_id"), ID);
    add(out, f, required, "memberGroup", "the group of a membership", members,
        List.of("group_id"), ID);
    add(out, f, required, "memberUser", "the member of a group", members, List.of("user_id"),
        ID);
    add(out, f, required, "memberJoined", "when a member joined", members,
        List.of("joined_at", "added_at"), TIMESTAMP);
    add(out, f, required, "groupRoleGroup", "the group holding a role", groupRoles,
        List.of("group_id"), ID);
    add(out, f, required, "groupRoleRole", "the role a group holds", groupRoles,
        List.of("role_id"), ID);
    add(out, f, required, "groupRoleAt", "when a group's role was granted", groupRoles,
        List.of("assigned_at", "granted_at"), TIMESTAMP);
    add(out, f, required, "groupRoleExpires", "when a group's role ends", groupRoles,
        List.of("expires_at"), TIMESTAMP);
    List<String> config = List.of("system_config");
    add(out, f, required, "groupRoleConditions", "a group's role's conditions", groupRoles,
        List.of("conditions"), STRING);
    add(out, f, required, "versionKey", "the key of the version row every write bumps (for"
        + " caches)", config, List.of("key", "config_key"), STRING);
    add(out, f, required, "versionValue", "the value of the version row", config,
        List.of("value", "config_value"), STRING);
    add(out, f, required, "versionUpdated", "when the version row was bumped", config,
        List.of("updated_at"), TIMESTAMP);
    List<String> tagPermissions = List.of("tag_permissions");
    List<String> resourceTags = List.of("resource_tags");
    add(out, f, required, "tagPermissionTag", "the tag that gives a permission", tagPermissions,
        List.of("tag_id"), ID);
    add(out, f, required, "tagPermissionName", "the permission a tag gives", tagPermissions,
        List.of("permission", "permission_name"), STRING);
    add(out, f, required, "tagPermissionRole", "the role a tag gives a permission to",
        tagPermissions, List.of("role_id"), ID);
    add(out, f, required, "resourceTagTag", "a resource's tag", resourceTags,
        List.of("tag_id"), ID);
    add(out, f, required, "resourceTagResource", "the tagged resource's id", resourceTags,
        List.of("resource_id"), SqlType.BIGINT, SqlType.INT, SqlType.UUID, SqlType.VARCHAR,
        SqlType.TEXT);
    add(out, f, required, "resourceTagType", "the tagged resource's type", resourceTags,
        List.of("resource_type"), STRING);
    return out;
  }

  /** The roles of {@code role-templates}: templates, and the roles and grants they make. */
  static List<Role> templates(String f) {
    List<Role> out = new ArrayList<>();
    List<String> templates = List.of("role_templates");
    add(out, f, List.of(), "templateId", "a role template's id", templates, List.of("id"), ID);
    add(out, f, List.of(), "templateName", "a role template's name", templates,
        List.of("name"), STRING);
    add(out, f, List.of(), "templatePermissions", "a role template's permission names",
        templates, List.of("permissions"), STRING);
    of(f, List.of()).stream().filter(r -> TEMPLATE_ROLES.contains(r.name())).forEach(out::add);
    out.add(Role.column(f, "roleName", "a role's unique name", "roles", List.of("roles"),
        List.of("name"), STRING).inOwnerTable());
    return out;
  }

  /**
   * The roles of {@code permission-caching}: the decision's, the version row every entry
   * carries (required: without it nothing could be cached safely), and the per-user key.
   */
  static List<Role> caching(String f) {
    List<Role> out = new ArrayList<>(of(f, List.of("versionKey", "versionValue")));
    out.add(Role.hashKeys(f, PermissionCachingWriter.KEY, "a user's cached effective permissions"
        + " with one placeholder, e.g. permissions:user:{userId}", "permissions:user:",
        "permissions:"));
    return out;
  }

  /**
   * The roles of {@code abac}: one table of policies, each an effect with a priority over a
   * resource and an action, and an optional condition and switch.
   */
  static List<Role> policies(String f) {
    List<Role> out = new ArrayList<>(List.of(
        policy(f, "policyId", "a policy's id", List.of("id"), ID),
        policy(f, "policyName", "a policy's name", List.of("name"), STRING),
        policy(f, "policyEffect", "a policy's effect (allow or deny)", List.of("effect"),
            STRING),
        policy(f, "policyPriority", "a policy's priority (the higher wins)",
            List.of("priority"), Role.COUNT),
        policy(f, "policyResource", "the resource a policy covers", List.of("resource",
            "resource_type"), STRING),
        policy(f, "policyAction", "the action a policy covers", List.of("action"), STRING)));
    out.add(policy(f, "policyCondition", "a policy's condition expression",
        List.of("condition_expression", "condition"), STRING).asOptional());
    out.add(policy(f, "policyActive", "whether a policy is in force", List.of("active",
        "enabled", "is_active"), SqlType.BOOLEAN).asOptional());
    return out;
  }

  private static Role policy(String f, String name, String purpose, List<String> names,
      SqlType... types) {
    return Role.column(f, name, purpose, "policies", List.of("policies", "abac_policies",
        "access_policies"), names, types).inOwnerTable();
  }

  private static final Set<String> TEMPLATE_ROLES = Set.of("roleId", "permissionId",
      "permissionName", "grantRole", "grantPermission");

  private static void add(List<Role> out, String f, List<String> required, String name,
      String purpose, List<String> tables, List<String> names, SqlType... types) {
    Role r = Role.column(f, name, purpose, tables.get(0), tables, names, types).inOwnerTable();
    out.add(BASE.contains(name) || required.contains(name) || name.startsWith("template") ? r
        : r.asOptional());
  }
}
