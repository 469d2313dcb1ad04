package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Role templates on the seed spec's role_templates, on a real PostgreSQL. */
class RoleTemplatesTest {
  private static DataSource db;
  private static AuthzData data;

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("templates", 3);
    data = new AuthzData(db);
  }

  private static RoleTemplates templates() {
    return new RoleTemplates(db, new RoleTemplates.Table("role_templates", "id", "name",
        "permissions", "roles", "id", "name", "permissions", "id", "name", "role_permissions",
        "role_id", "permission_id"));
  }

  @Test
  @DisplayName("instantiate makes the role with the template's permissions in one transaction;"
      + " again returns it unwidened; an unknown permission makes nothing; a tenant scopes the name")
  void instantiate() {
    data.permission("t.read", "t", "read");
    data.permission("t.write", "t", "write");
    long editor = data.id("INSERT INTO role_templates (name, permissions, created_by) VALUES"
        + " ('editor', '[\"t.read\", \"t.write\"]', 1) RETURNING id");
    data.id("INSERT INTO role_templates (name, permissions, created_by) VALUES ('broken',"
        + " 't.read, t.nothing', 1) RETURNING id");
    RoleTemplates t = templates();
    assertThat(t.templates()).containsExactly("broken", "editor");
    long role = t.<Long>instantiate(Long.toString(editor), null);
    Authorization authz = new Authorization(db, AuthzData.seed(),
        new MutableClock(Instant.parse("2026-12-01T12:00:00Z")));
    authz.assignRole(1L, role, null);
    assertThat(authz.permissions(1L)).containsExactly("t.read", "t.write");
    data.exec("UPDATE role_templates SET permissions = 't.read' WHERE id = ?", editor);
    assertThat(t.<Long>instantiate("editor", null)).isEqualTo(role);
    assertThat(authz.permissions(1L)).containsExactly("t.read", "t.write");
    assertThatThrownBy(() -> t.instantiate("broken", null)).hasMessageContaining("t.nothing");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM roles WHERE name = 'broken'"))
        .isZero();
    assertThatThrownBy(() -> t.instantiate("nope", null)).hasMessageContaining("no such");
    long tenantRole = t.<Long>instantiate("editor", 7L);
    assertThat(tenantRole).isNotEqualTo(role);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM roles WHERE name = 'editor@7'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a template's permissions: comma-separated or a JSON array of strings")
  void names() {
    assertThat(RoleTemplates.names(" a, b ,,c")).containsExactly("a", "b", "c");
    assertThat(RoleTemplates.names("[\"x:read\", \"y\"]")).containsExactly("x:read", "y");
    assertThat(RoleTemplates.names(null)).isEmpty();
  }
}
