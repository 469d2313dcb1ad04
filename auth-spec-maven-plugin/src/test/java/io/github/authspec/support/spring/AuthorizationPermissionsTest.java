package io.github.authspec.support.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import io.github.authspec.support.auth.Authorization;
import io.github.authspec.support.auth.AuthzData;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * {@code hasPermission(#id, 'document', 'read')} and request rules on the one decision, over
 * the seed spec's tables on a real PostgreSQL.
 */
class AuthorizationPermissionsTest {
  private static final Map<String, Object> USERS = Map.of("reader@example.org", 1L,
      "nobody@example.org", 2L);

  private static Authentication user(String email) {
    return UsernamePasswordAuthenticationToken.authenticated(email, null, List.of());
  }

  @Test
  @DisplayName("hasPermission(#id, type, action) asks for type:action on the resource; request"
      + " rules ask for a permission; anonymous, unknown users and failures are denied")
  void overTheDecision() throws SQLException {
    DataSource db = SeedDatabase.fresh("authz_spring", 2);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO roles (id, name) OVERRIDING SYSTEM VALUE VALUES (900, 'reader')");
      s.execute("INSERT INTO permissions (id, name, resource, action) OVERRIDING SYSTEM VALUE"
          + " VALUES (900, 'doc.read', 'document', 'read')");
      s.execute("INSERT INTO role_permissions (role_id, permission_id) VALUES (900, 900)");
      s.execute("INSERT INTO user_roles (user_id, role_id) VALUES (1, 900)");
    }
    Authorization authz = new Authorization(db, AuthzData.seed(),
        new MutableClock(Instant.parse("2026-12-01T12:00:00Z")));
    AuthorizationPermissions permissions = new AuthorizationPermissions(
        (user, permission, type, id) -> id == null ? authz.decide(user, permission).allowed()
            : authz.decideOn(user, permission, type, id).allowed(),
        a -> USERS.get(a.getName()));
    Authentication reader = user("reader@example.org");
    assertThat(permissions.hasPermission(reader, 42L, "document", "read")).isTrue();
    assertThat(permissions.hasPermission(reader, 42L, "document", "write")).isFalse();
    assertThat(permissions.hasPermission(reader, null, "doc.read")).isTrue();
    assertThat(permissions.hasPermission(user("nobody@example.org"), 42L, "document", "read"))
        .isFalse();
    assertThat(permissions.hasPermission(user("stranger@example.org"), 42L, "document", "read"))
        .isFalse();
    assertThat(permissions.hasPermission(new AnonymousAuthenticationToken("k", "anonymous",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), 42L, "document", "read")).isFalse();
    assertThat(permissions.hasPermission(UsernamePasswordAuthenticationToken.unauthenticated(
        "reader@example.org", "pw"), 42L, "document", "read")).isFalse();
    assertThat(permissions.<Object>requires("document:read").authorize(() -> reader, new Object())
        .isGranted()).isTrue();
    assertThat(permissions.<Object>requires("document:delete")
        .authorize(() -> reader, new Object()).isGranted()).isFalse();
    AuthorizationPermissions failing = new AuthorizationPermissions((u, p, t, i) -> {
      throw new IllegalStateException("database down");
    }, a -> 1L);
    assertThat(failing.hasPermission(reader, 42L, "document", "read")).isFalse();
  }
}
