package io.github.authspec.plugin.impl;

import static io.github.authspec.model.SqlType.TIMESTAMP;
import static io.github.authspec.plugin.impl.Role.ID;
import static io.github.authspec.plugin.impl.Role.KEY;
import static io.github.authspec.plugin.impl.Role.COUNT;
import static io.github.authspec.plugin.impl.Role.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The roles of the access-token, refresh-token, deny-list, PKCE and remember-me features,
 * beside {@link TokenRoles}: the columns and keys of the support classes
 * {@code RefreshTokens}, {@code TokenDenyList}, {@code AuthorizationCodes} and
 * {@code RememberMe}. {@code token-scopes} and {@code key-rotation} work on the key ring the
 * application supplies and need none.
 */
final class JwtRoles {
  private JwtRoles() {}

  static List<Role> tokenBlacklist(String f) {
    return List.of(denyKeys(f));
  }

  /** The refresh-token roles and the deny-list keys. */
  static List<Role> tokenRevocation(String f) {
    List<Role> revocation = new ArrayList<>(refreshTokens(f));
    revocation.add(denyKeys(f));
    return List.copyOf(revocation);
  }

  private static Role denyKeys(String f) {
    return Role.keys(f, "denyKeys", "deny-list key for revoked token ids", "blacklist:token:",
        "denylist:token:", "revoked:token:");
  }

  /** The roles of every refresh-token feature: one store. */
  static List<Role> refreshTokens(String f) {
    List<String> t = List.of("refresh_tokens");
    // The family first: it is what only a refresh-token table has, so a feature whose used
    // table is another token table (token-revocation: oauth_access_tokens) still finds it.
    return List.of(
        Role.column(f, "family", "the token family (grant) id", "refresh", t,
            List.of("family_id", "grant_id"), STRING),
        Role.column(f, "tokenHash", "base64url SHA-256 of the refresh token", "refresh", t,
            List.of("token_hash", "hash"), STRING),
        Role.column(f, "user", "the owner's id", "refresh", t, List.of("user_id"), ID),
        Role.column(f, "counter", "the position in the family", "refresh", t,
            List.of("family_counter", "generation"), COUNT),
        Role.column(f, "createdAt", "the token's creation", "refresh", t,
            List.of("created_at", "issued_at"), TIMESTAMP),
        Role.column(f, "expiresAt", "the token's expiry", "refresh", t, List.of("expires_at"),
            TIMESTAMP),
        Role.column(f, "usedAt", "when it was presented and rotated", "refresh", t,
            List.of("used_at"), TIMESTAMP),
        Role.column(f, "rotatedAt", "when it was rotated", "refresh", t,
            List.of("rotated_at", "replaced_at"), TIMESTAMP),
        Role.column(f, "revokedAt", "when its family was revoked", "refresh", t,
            List.of("revoked_at", "reuse_detected_at"), TIMESTAMP),
        Role.column(f, "scope", "the login's granted scope, kept through rotation", "refresh",
            t, List.of("scope", "scopes"), STRING).asOptional());
  }

  static List<Role> pkceSupport(String f) {
    List<String> t = List.of("oauth_authorization_codes", "authorization_codes");
    return List.of(
        Role.column(f, "code", "SHA-256 of the authorization code", "codes", t,
            List.of("code_hash", "code"), STRING),
        Role.column(f, "clientId", "the client's public id", "codes", t, List.of("client_id"),
            STRING),
        Role.column(f, "user", "the approving user's id", "codes", t, List.of("user_id"), ID),
        Role.column(f, "redirectUri", "the redirect URI of the request", "codes", t,
            List.of("redirect_uri"), STRING),
        Role.column(f, "scope", "the granted scope", "codes", t, List.of("scope", "scopes"),
            STRING),
        Role.column(f, "challenge", "the PKCE code challenge", "codes", t,
            List.of("code_challenge"), STRING),
        Role.column(f, "challengeMethod", "the PKCE method", "codes", t,
            List.of("code_challenge_method"), STRING),
        Role.column(f, "expiresAt", "the code's expiry", "codes", t, List.of("expires_at"),
            TIMESTAMP),
        Role.column(f, "usedAt", "the single-use marker", "codes", t, List.of("used_at"),
            TIMESTAMP));
  }

  static List<Role> rememberMe(String f) {
    List<String> t = List.of("remember_tokens", "remember_me_tokens", "persistent_logins");
    return List.of(
        Role.column(f, "id", "the row id (the cookie's first part)", "series", t,
            List.of("id", "series"), KEY),
        Role.column(f, "user", "the owner's id", "series", t, List.of("user_id"), ID),
        Role.column(f, "tokenHash", "SHA-256 of the series secret and of the current token "
            + "(87 characters)", "series", t,
            List.of("token_hash", "hash"), STRING),
        Role.column(f, "expiresAt", "the series' expiry", "series", t, List.of("expires_at"),
            TIMESTAMP),
        Role.column(f, "createdAt", "the series' start", "series", t, List.of("created_at"),
            TIMESTAMP),
        Role.column(f, "lastUsedAt", "the last use", "series", t,
            List.of("last_used_at", "last_used"), TIMESTAMP));
  }
}
