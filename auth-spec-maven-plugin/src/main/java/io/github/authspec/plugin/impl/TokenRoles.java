package io.github.authspec.plugin.impl;

import static io.github.authspec.model.SqlType.BIGINT;
import static io.github.authspec.model.SqlType.BOOLEAN;
import static io.github.authspec.model.SqlType.INT;
import static io.github.authspec.model.SqlType.TIMESTAMP;
import static io.github.authspec.plugin.impl.Role.ID;
import static io.github.authspec.plugin.impl.Role.KEY;
import static io.github.authspec.plugin.impl.Role.STRING;

import java.util.List;

/**
 * The roles of the API-key and session features, beside {@link FeatureRoles}: the columns the
 * support classes of area {@code token} need, with their conventional names.
 */
final class TokenRoles {
  private TokenRoles() {}

  static List<Role> apiKeys(String f) {
    List<String> t = List.of("api_keys", "apikeys");
    return List.of(
        Role.column(f, "id", "the key's id", "keys", t, List.of("id"), KEY),
        Role.column(f, "keyHash", "base64url SHA-256 of the key", "keys", t,
            List.of("key_hash", "hash"), STRING),
        Role.column(f, "user", "the owner's id", "keys", t, List.of("user_id"), ID),
        Role.column(f, "name", "the key's label", "keys", t, List.of("name", "label"), STRING),
        Role.column(f, "expiresAt", "the optional expiry", "keys", t, List.of("expires_at"),
            TIMESTAMP),
        Role.column(f, "lastUsedAt", "the last use", "keys", t, List.of("last_used_at"),
            TIMESTAMP),
        Role.column(f, "scopes", "the scopes, space-separated", "keys", t, List.of("scopes"),
            STRING));
  }

  /** The roles of every session feature: one store. */
  static List<Role> sessions(String f) {
    List<String> t = List.of("sessions", "user_sessions");
    return List.of(
        Role.column(f, "id", "the session's row id", "sessions", t, List.of("id"), KEY),
        Role.column(f, "user", "the owner's id", "sessions", t, List.of("user_id"), ID),
        Role.column(f, "createdAt", "the session's start", "sessions", t,
            List.of("created_at"), TIMESTAMP),
        Role.column(f, "expiresAt", "the current expiry", "sessions", t, List.of("expires_at"),
            TIMESTAMP),
        Role.column(f, "active", "whether it is live", "sessions", t,
            List.of("is_active", "active"), BOOLEAN),
        Role.column(f, "lastActivityAt", "the last touch", "sessions", t,
            List.of("last_activity_at", "last_seen_at"), TIMESTAMP),
        Role.column(f, "invalidatedAt", "when the limit ended it", "sessions", t,
            List.of("invalidated_at", "revoked_at"), TIMESTAMP),
        Role.column(f, "loggedOutAt", "when the user ended it", "sessions", t,
            List.of("logged_out_at", "ended_at"), TIMESTAMP),
        Role.column(f, "order", "the ordinal among the user's sessions", "sessions", t,
            List.of("session_order"), INT, BIGINT));
  }
}
