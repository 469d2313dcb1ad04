package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.authservice.entity.User;
import com.example.authservice.repository.UserRepository;
import com.example.authservice.service.authorization.RbacService;
import com.example.authservice.spring.AuthorizationPermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code @PreAuthorize("hasPermission(#id, 'document', 'read')")} through the auto-configured
 * PermissionEvaluator: the one decision over the seed's role tables, asked on every call.
 * Same properties as SpringFlavourTest, so the context is shared.
 */
@SpringBootTest(properties = {
    "spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=2000"})
class PermissionsTest {
  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  @Autowired ApplicationContext context;
  @Autowired Documents documents;
  @Autowired UserRepository users;
  @Autowired RbacService rbac;
  @Autowired DataSource dataSource;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void hasPermissionAsksTheDecisionAndARevocationTakesEffectOnTheNextCall() throws SQLException {
    assertInstanceOf(AuthorizationPermissions.class, context.getBean(PermissionEvaluator.class));
    String tag = Long.toString(System.nanoTime());
    long reader = user("reader-" + tag + "@example.com");
    user("nobody-" + tag + "@example.com");
    long role = insert("INSERT INTO roles (name) VALUES (?) RETURNING id", "reader-" + tag);
    long permission = insert("INSERT INTO permissions (name, resource, action)"
        + " VALUES (?, 'document', 'read') RETURNING id", "document.read-" + tag);
    insert("INSERT INTO role_permissions (role_id, permission_id) VALUES (?, ?) RETURNING id",
        role, permission);
    rbac.assignRole(reader, role, reader);

    signIn("reader-" + tag + "@example.com");
    assertEquals("document 42", documents.read(42));
    signIn("nobody-" + tag + "@example.com");
    assertThrows(AccessDeniedException.class, () -> documents.read(42), "no role grants it");
    signIn("stranger-" + tag + "@example.com");
    assertThrows(AccessDeniedException.class, () -> documents.read(42), "no such user");
    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k",
        "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    assertThrows(AccessDeniedException.class, () -> documents.read(42), "anonymous");

    rbac.revokeRole(reader, role);
    signIn("reader-" + tag + "@example.com");
    assertThrows(AccessDeniedException.class, () -> documents.read(42), "revoked");
  }

  private long user(String email) {
    return users.insert(User.builder().email(email).passwordHash("unused").build()).id();
  }

  private static void signIn(String email) {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(email, null, List.of()));
  }

  private long insert(String sql, Object... values) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
