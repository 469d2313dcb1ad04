package io.github.authspec.support.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verified claims of an access token (RFC 9068 §2.2).
 *
 * @param subject {@code sub}: the user
 * @param issuer {@code iss}
 * @param audience {@code aud}
 * @param clientId {@code client_id}, if present
 * @param scopes {@code scope}, split at spaces
 * @param jti {@code jti}: the token's id, for the deny-list
 * @param grantId {@code fid}: the refresh-token family (grant) the token was issued under
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record AccessToken(String subject, String issuer, List<String> audience,
    Optional<String> clientId, Set<String> scopes, String jti, Optional<String> grantId,
    Instant issuedAt, Instant expiresAt) {
  /**
   * Whether the token carries a scope.
   *
   * @param scope the scope
   * @return whether it was granted
   */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
