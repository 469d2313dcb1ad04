package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Permissions through resource tags, on the seed spec plus the three tag tables it references
 * without declaring: {@code tags(id, name, category, description)},
 * {@code resource_tags(resource_id VARCHAR, resource_type, tag_id)} and
 * {@code tag_permissions(tag_id, permission, role_id)}.
 */
class TagPermissionsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static DataSource db;
  private static AuthzData data;

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("authz_tags", 6);
    data = new AuthzData(db);
    data.exec("CREATE TABLE tags (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " category VARCHAR(50), description TEXT)");
    data.exec("CREATE TABLE resource_tags (id BIGSERIAL PRIMARY KEY, resource_id VARCHAR(100)"
        + " NOT NULL, resource_type VARCHAR(50) NOT NULL, tag_id BIGINT NOT NULL REFERENCES"
        + " tags (id))");
    data.exec("CREATE TABLE tag_permissions (id BIGSERIAL PRIMARY KEY, tag_id BIGINT NOT NULL"
        + " REFERENCES tags (id), permission VARCHAR(100) NOT NULL, role_id BIGINT NOT NULL"
        + " REFERENCES roles (id))");
  }

  private static Authorization tagged(MutableClock clock) {
    return new Authorization(db, AuthzData.seedWithTags(), clock);
  }

  @Test
  @DisplayName("a tag of the resource gives a permission to a role: holders of the role (also"
      + " inherited, also through a group) may use it on tagged resources only, while the"
      + " role is theirs; a deny rule still overrides")
  void tags() {
    MutableClock clock = new MutableClock(T0);
    Authorization a = tagged(clock);
    long finance = data.id("INSERT INTO tags (name) VALUES ('finance') RETURNING id");
    long auditor = data.role("auditor");
    long senior = data.role("senior-auditor");
    data.parent(senior, auditor);
    data.permission("report.read", "report", "read");
    data.exec("INSERT INTO resource_tags (resource_id, resource_type, tag_id) VALUES"
        + " ('q3', 'report', ?)", finance);
    data.exec("INSERT INTO tag_permissions (tag_id, permission, role_id) VALUES (?,"
        + " 'report.read', ?)", finance, auditor);
    a.assignRoleUntil(1L, senior, T0.plusSeconds(60), null);
    assertThat(a.decideOn(1L, "report.read", "report", "q3")).isEqualTo(
        new Authorization.Decision(true, "tag " + finance + " of resource q3, for role "
            + auditor + " through role " + senior + " > " + auditor + " assigned to the user"));
    assertThat(a.decideOn(1L, "report.read", "report", "q4").allowed()).isFalse();
    assertThat(a.decideOn(1L, "report.read", "invoice", "q3").allowed()).isFalse();
    assertThat(a.decide(1L, "report.read").allowed()).as("no resource, no tag").isFalse();
    assertThat(a.tagsMatch(1L, "report:q3")).isTrue();
    assertThat(a.tagsMatch(1L, "q3")).isTrue();
    assertThat(a.tagsMatch(2L, "q3")).isFalse();
    long blocked = data.role("blocked");
    a.grantPermission(blocked, "report.read", null, null, null, true);
    a.assignRole(1L, blocked, null);
    assertThat(a.decideOn(1L, "report.read", "report", "q3").reason()).startsWith("denied");
    a.revokeRole(1L, blocked);
    clock.set(T0.plusSeconds(60));
    assertThat(a.decideOn(1L, "report.read", "report", "q3").allowed()).isFalse();
    assertThat(a.tagsMatch(1L, "q3")).isFalse();
  }
}
