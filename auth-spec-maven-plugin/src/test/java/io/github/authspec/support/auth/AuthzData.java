package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import javax.sql.DataSource;

/** Rows of the seed spec's authorization tables, written straight by SQL for tests. */
final class AuthzData {
  private final DataSource db;

  AuthzData(DataSource db) {
    this.db = db;
  }

  /** The seed spec's mapping, every optional column bound. */
  static Authorization.Table seed() {
    return new Authorization.Table("roles", "id", "parent_role_id",
        "permissions", "id", "name", "resource", "action",
        "user_roles", "user_id", "role_id", "assigned_by", "assigned_at", "expires_at",
        "access_start_time", "access_end_time", "allowed_days", "timezone",
        "role_permissions", "role_id", "permission_id", "valid_from", "valid_until",
        "condition_expression", "conditions",
        "delegations", "id", "delegator_id", "delegatee_id", "permission_id", "expires_at",
        "valid_from", "revoked_at",
        "groups", "id", "parent_group_id",
        "group_members", "group_id", "user_id", "joined_at",
        "group_roles", "group_id", "role_id", "assigned_at", "expires_at", "conditions",
        "system_config", "key", "value", "updated_at");
  }

  long role(String name) {
    return id("INSERT INTO roles (name) VALUES (?) RETURNING id", name);
  }

  long permission(String name, String resource, String action) {
    return id("INSERT INTO permissions (name, resource, action) VALUES (?, ?, ?) RETURNING id",
        name, resource, action);
  }

  void grant(long role, long permission, Instant from, Instant until) {
    id("INSERT INTO role_permissions (role_id, permission_id, valid_from, valid_until)"
        + " VALUES (?, ?, ?, ?) RETURNING id", role,
        permission, from, until);
  }

  void parent(long role, Long parent) {
    exec("UPDATE roles SET parent_role_id = ? WHERE id = ?", parent, role);
  }

  long group(String name, Long parent) {
    return id("INSERT INTO groups (name, created_by, parent_group_id) VALUES (?, 1, ?)"
        + " RETURNING id", name, parent);
  }

  void member(long group, long user) {
    exec("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)", group, user);
  }

  void groupRole(long group, long role, Instant expires) {
    exec("INSERT INTO group_roles (group_id, role_id, expires_at) VALUES (?, ?,"
        + " ?)", group, role, expires);
  }

  void assign(long user, long role, Instant expires, LocalTime start, LocalTime end,
      String days, String zone) {
    exec("INSERT INTO user_roles (user_id, role_id, expires_at, access_start_time,"
        + " access_end_time, allowed_days, timezone) VALUES (?, ?, ?, ?, ?,"
        + " ?, ?)", user, role, expires, start, end, days, zone);
  }

  long delegation(long from, long to, long permission, Instant validFrom, Instant expires,
      Instant revoked) {
    return id("INSERT INTO delegations (delegator_id, delegatee_id, permission_id, valid_from,"
        + " expires_at, revoked_at) VALUES (?, ?, ?, ?, ?,"
        + " ?) RETURNING id", from, to, permission, validFrom,
        expires, revoked);
  }

  void users(int count) {
    exec("INSERT INTO users (email) SELECT 'bulk' || g || '@example.org' FROM"
        + " generate_series((SELECT count(*) FROM users) + 1, (SELECT count(*) FROM users)"
        + " + ?) g", count);
  }

  void exec(String sql, Object... params) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, params);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  long id(String sql, Object... params) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
