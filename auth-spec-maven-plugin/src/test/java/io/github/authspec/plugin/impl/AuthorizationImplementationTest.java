package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated authorization implementations of the full seed spec, written from their
 * descriptors and the one support class, against a real PostgreSQL in this JVM's option cell.
 */
class AuthorizationImplementationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

  private static long insert(DataSource db, String sql) {
    return Generated.scalar(db, sql + " RETURNING id");
  }

  @Test
  @DisplayName("rbac, hierarchy, expiry, windows, delegation and groups: each generated class"
      + " answers its interface (and its parent's) through the one decision")
  void generatedDelegates() {
    DataSource db = Generated.database("impl_authz");
    MutableClock clock = new MutableClock(T0);
    long alice = Generated.user(db, "alice@example.com");
    long bob = Generated.user(db, "bob@example.com");
    long read = insert(db, "INSERT INTO permissions (name, resource, action) VALUES"
        + " ('doc.read', 'document', 'read')");
    long reader = insert(db, "INSERT INTO roles (name) VALUES ('reader')");
    long senior = insert(db, "INSERT INTO roles (name) VALUES ('senior')");
    Generated.queryText(db, "INSERT INTO role_permissions (role_id, permission_id) VALUES ("
        + reader + ", " + read + ") RETURNING 'ok'");
    Object rbac = Generated.create(Generated.className("DefaultRbacService"), db, clock);
    Object roles = Generated.create(Generated.className("DefaultHierarchicalRolesService"), db,
        clock);
    Object temporal = Generated.create(Generated.className("DefaultTemporalPermissionsService"),
        db, clock);
    Object windows = Generated.create(Generated.className("DefaultTimeBasedAccessService"), db,
        clock);
    Object delegation = Generated.create(Generated.className(
        "DefaultPermissionDelegationService"), db, clock);
    Object groups = Generated.create(Generated.className(
        "DefaultGroupBasedPermissionsService"), db, clock);
    Object context = Generated.context();

    Generated.call(roles, "setParent", senior, reader);
    assertThat(Generated.call(roles, "ancestors", senior)).isEqualTo(Set.of(reader));
    assertThatThrownBy(() -> Generated.call(roles, "setParent", reader, senior))
        .hasMessageContaining("cycle");
    Generated.call(temporal, "assignRoleUntil", alice, senior, T0.plusSeconds(60), bob);
    assertThat(Generated.call(rbac, "isAllowed", alice, "document:read", context))
        .isEqualTo(true);
    assertThat(Generated.call(rbac, "decide", alice, "doc.read", context).toString())
        .isEqualTo("Decision[allowed=true, reason=role " + senior + " > " + reader
            + " assigned to the user]");
    assertThat(Generated.call(roles, "permissions", alice)).isEqualTo(Set.of("doc.read"));
    assertThat(Generated.call(windows, "isWithinWindow", alice, context)).isEqualTo(true);

    String id = (String) Generated.call(delegation, "delegate", alice, bob, Set.of("doc.read"),
        T0.plusSeconds(30));
    assertThat(Generated.call(rbac, "isAllowed", bob, "doc.read", context)).isEqualTo(true);
    Generated.call(delegation, "revokeDelegation", id);
    assertThat(Generated.call(rbac, "isAllowed", bob, "doc.read", context)).isEqualTo(false);

    clock.set(T0.plusSeconds(60));
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.read", context)).isEqualTo(false);

    long team = insert(db, "INSERT INTO groups (name, created_by) VALUES ('team', " + alice
        + ")");
    Generated.call(groups, "addMember", team, bob);
    Generated.call(groups, "grantRole", team, senior);
    assertThat(Generated.call(groups, "groupsOf", bob)).isEqualTo(Set.of(team));
    assertThat(Generated.call(rbac, "isAllowed", bob, "doc.read", context)).isEqualTo(true);

    Object templates = Generated.create(Generated.className("DefaultRoleTemplatesService"), db);
    Generated.queryText(db, "INSERT INTO role_templates (name, permissions, created_by) VALUES"
        + " ('viewer', 'doc.read', " + alice + ") RETURNING 'ok'");
    assertThat(Generated.call(templates, "templates")).isEqualTo(java.util.List.of("viewer"));
    Object viewer = Generated.call(templates, "instantiate", "viewer", 1L);
    Generated.call(rbac, "assignRole", alice, viewer, bob);
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.read", context)).isEqualTo(true);

    assertThat(Generated.text("DefaultRbacService.java"))
        .contains("new Authorization(dataSource, new Authorization.Table(\"roles\", \"id\",")
        .contains("return delegate.isAllowed(userId, permission, context);");
    assertThat(Generated.text("DefaultHierarchicalRolesService.java"))
        .contains("return delegate.permissions(userId);")
        .doesNotContain("parent.");
  }
}
