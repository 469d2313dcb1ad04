package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.ClasspathArtifacts;
import io.github.authspec.plugin.generation.Conditions;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  @DisplayName("on the seed, which references the tag tables without declaring them, the tag"
      + " feature is AS116 naming the table and column to add (abac too: AbacImplementationTest);"
      + " the others bind")
  void tagTablesMissing(@TempDir Path dir) {
    Spec spec = Specs.load(Specs.FULL);
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext context = new GenerationContext(spec, Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build(), reporter);
    RoleBinder binder = RoleBinder.of(context);
    for (String id : Features.ids(Features.AUTHORIZATION)) {
      Binding b = binder.bind(spec.feature(id).orElseThrow(), Features.of(id).orElseThrow()
          .roles(), context);
      assertThat(b.complete()).as(id).isEqualTo(!id.startsWith("tag") && !id.equals("abac"));
    }
    assertThat(reporter.diagnostics().all()).filteredOn(d -> d.code() == Code.UNBOUND_ROLE)
        .extracting(d -> d.message() + " | " + d.hint())
        .anyMatch(m -> m.contains("tag-based-permissions.tagPermissionTag")
            && m.contains("add a column tag_id") && m.contains("to table tag_permissions"))
        .anyMatch(m -> m.contains("resourceTagResource") && m.contains("resource_tags"))
        .allMatch(m -> m.contains("tag-based-permissions") || m.contains("'abac'"));
  }

  @Test
  @DisplayName("conditions=CEL copies CelConditions, the decision evaluates with it, and a"
      + " project without dev.cel:cel is AS115; NONE copies nothing and warns (AS117) that"
      + " the seed's condition column never allows")
  void conditionsOption(@TempDir Path dir) {
    GenerationRequest none = Specs.project(Specs.FULL, dir).toBuilder().implementations(true)
        .build();
    GenerationRequest cel = none.toBuilder().set("conditions", Conditions.CEL).build();
    GenerationOrchestrator.Planned on = Specs.planned(cel);
    assertThat(on.files()).extracting(GeneratedFile::path)
        .contains("com/example/authservice/auth/CelConditions.java");
    assertThat(on.files()).filteredOn(f -> f.path().endsWith("/DefaultRbacService.java"))
        .singleElement().extracting(GeneratedFile::text).asString()
        .contains(".withConditions(new CelConditions())");
    assertThat(on.diagnostics().all()).noneMatch(d -> d.code()
        == Code.CONDITIONS_NOT_EVALUATED);
    assertThat(Specs.planned(cel.toBuilder().classpath(ClasspathArtifacts.of(List.of())).build())
        .diagnostics().all()).anyMatch(d -> d.code() == Code.DEPENDENCY_MISSING
        && d.message().contains("dev.cel:cel") && d.hint().contains("<artifactId>cel<"));
    GenerationOrchestrator.Planned off = Specs.planned(none);
    assertThat(off.files()).extracting(GeneratedFile::path)
        .noneMatch(p -> p.endsWith("/CelConditions.java"));
    assertThat(off.files()).filteredOn(f -> f.path().endsWith("/DefaultRbacService.java"))
        .singleElement().extracting(GeneratedFile::text).asString()
        .doesNotContain("withConditions");
    assertThat(off.diagnostics().all()).filteredOn(d -> d.code()
        == Code.CONDITIONS_NOT_EVALUATED).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("role_permissions.")
            .contains("never allows"));
  }

  @Test
  @DisplayName("in this cell's conditions option, a conditional grant allows only under CEL"
      + " and when its condition holds over the request context; one that fails to evaluate"
      + " denies; a conditional deny rule overrides while its condition holds (always, NONE)")
  void conditionsInGeneratedCode() {
    DataSource db = Generated.database("impl_authz_conditions");
    long alice = Generated.user(db, "alice@example.com");
    long edit = insert(db, "INSERT INTO permissions (name, resource, action) VALUES"
        + " ('doc.edit', 'document', 'edit')");
    long editor = insert(db, "INSERT INTO roles (name) VALUES ('editor')");
    Object rbac = Generated.create(Generated.className("DefaultRbacService"), db,
        new MutableClock(T0));
    Generated.call(rbac, "assignRole", alice, editor, alice);
    grant(db, editor, edit, "request.ip == '203.0.113.7'", null);
    boolean cel = Generated.CELL.conditions() == Conditions.CEL;
    Object office = Generated.context();
    Object home = Generated.create("service.RequestContext", "198.51.100.1", "test", null, null,
        T0);
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.edit", office)).isEqualTo(cel);
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.edit", home)).isEqualTo(false);
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.edit", null)).isEqualTo(false);

    long read = insert(db, "INSERT INTO permissions (name, resource, action) VALUES"
        + " ('doc.read', 'document', 'read')");
    grant(db, editor, read, "request.clearance == 'secret'", null);
    assertThat(Generated.call(rbac, "decide", alice, "doc.read", office).toString())
        .contains("allowed=false").contains("cannot be evaluated");

    grant(db, editor, edit, "request.userAgent == 'blocked'", "deny");
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.edit", office)).isEqualTo(cel);
    Object blocked = Generated.create("service.RequestContext", "203.0.113.7", "blocked",
        null, null, T0);
    assertThat(Generated.call(rbac, "decide", alice, "doc.edit", blocked).toString())
        .contains("allowed=false").contains("deny rule");
  }

  @Test
  @DisplayName("permission-caching: the generated class keeps a user's permissions in the"
      + " spec's key through the cell's Redis binding; a revocation through rbac is seen by"
      + " the next check, the entry carrying the old version is not used")
  void generatedCache() {
    DataSource db = Generated.database("impl_authz_cache");
    MutableClock clock = new MutableClock(T0);
    long alice = Generated.user(db, "alice@example.com");
    long read = insert(db, "INSERT INTO permissions (name, resource, action) VALUES"
        + " ('doc.read', 'document', 'read')");
    long reader = insert(db, "INSERT INTO roles (name) VALUES ('reader')");
    Generated.queryText(db, "INSERT INTO role_permissions (role_id, permission_id) VALUES ("
        + reader + ", " + read + ") RETURNING 'ok'");
    Object rbac = Generated.create(Generated.className("DefaultRbacService"), db, clock);
    Object cache = Generated.create(Generated.className("DefaultPermissionCachingService"), db,
        Generated.scripts(), clock);
    Generated.call(cache, "invalidate", alice);
    Generated.call(rbac, "assignRole", alice, reader, alice);
    assertThat(Generated.call(cache, "cached", alice)).isEqualTo(Optional.empty());
    assertThat(Generated.call(cache, "permissions", alice)).isEqualTo(Set.of("doc.read"));
    assertThat(Generated.call(cache, "cached", alice)).isEqualTo(Optional.of(Set.of(
        "doc.read")));
    assertThat(RedisServerSupport.client().hget("permissions:user:" + alice, "entry"))
        .startsWith("authz1 ");
    Generated.call(rbac, "revokeRole", alice, reader);
    assertThat(Generated.call(cache, "cached", alice)).isEqualTo(Optional.empty());
    assertThat(Generated.call(cache, "isAllowed", alice, "document:read")).isEqualTo(false);
    assertThat(Generated.text("DefaultPermissionCachingService.java"))
        .contains("new PermissionsUserKey((Long) userId).key(),", "300L)");
  }

  private static void grant(DataSource db, long role, long permission, String condition,
      String type) {
    Generated.queryText(db, "INSERT INTO role_permissions (role_id, permission_id,"
        + " condition_expression, condition_type) VALUES (" + role + ", " + permission + ", '"
        + condition.replace("'", "''") + "', " + (type == null ? "NULL" : "'" + type + "'")
        + ") RETURNING 'ok'");
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
    assertThat(Generated.text("AuthorizationCache.java")).contains("public final class"
        + " AuthorizationCache");
    assertThat(Generated.text("DefaultHierarchicalRolesService.java"))
        .contains("return delegate.permissions(userId);")
        .doesNotContain("parent.");
  }
}
