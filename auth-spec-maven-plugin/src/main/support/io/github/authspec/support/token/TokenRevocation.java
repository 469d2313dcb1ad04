package io.github.authspec.support.token;

import java.util.List;
import java.util.Optional;

/**
 * RFC 7009 revocation and logout over the refresh-token store and the deny-list: revoking a
 * refresh token revokes its family and denies the family's access tokens (§2.1); revoking an
 * access token denies its jti until no verifier accepts it (exp plus the largest skew), also
 * when it is already past exp but inside a skew; an unknown or invalid token is not an error
 * (§2.2: the endpoint answers 200 either way).
 */
public final class TokenRevocation {
  private final RefreshTokens refreshTokens;
  private final TokenDenyList denyList;
  private final AccessTokenVerifier verifier;
  private final AccessTokenSettings settings;

  /**
   * Revocation.
   *
   * @param refreshTokens the refresh-token store
   * @param denyList the deny-list
   * @param verifier a verifier of this issuer's access tokens
   * @param settings the access token settings (for how long a grant's tokens may live)
   */
  public TokenRevocation(RefreshTokens refreshTokens, TokenDenyList denyList,
      AccessTokenVerifier verifier, AccessTokenSettings settings) {
    this.refreshTokens = refreshTokens;
    this.denyList = denyList;
    this.verifier = verifier;
    this.settings = settings;
  }

  /** What a revocation found. */
  public enum Revoked {
    /** A refresh token: its family and the family's access tokens. */
    REFRESH_TOKEN,
    /** An access token: its jti. */
    ACCESS_TOKEN,
    /** Nothing known (or already expired): nothing to do. */
    NOTHING
  }

  /**
   * Revokes a token of either kind.
   *
   * @param token the token
   * @param hint the token_type_hint ({@code refresh_token} or {@code access_token}), if any
   * @return what was revoked
   */
  public Revoked revoke(String token, Optional<String> hint) {
    if (hint.filter("access_token"::equals).isEmpty() && revokeRefresh(token)) {
      return Revoked.REFRESH_TOKEN;
    }
    try {
      AccessToken access = verifier.verify(token);
      denyList.revoke(access.jti(), access.expiresAt());
      return Revoked.ACCESS_TOKEN;
    } catch (TokenException e) {
      return hint.filter("access_token"::equals).isPresent() && revokeRefresh(token)
          ? Revoked.REFRESH_TOKEN : Revoked.NOTHING;
    }
  }

  /**
   * Ends a grant: its refresh tokens and its access tokens (logout of one login).
   *
   * @param familyId the family
   */
  public void revokeGrant(String familyId) {
    refreshTokens.revokeFamily(familyId);
    denyList.revokeGrant(familyId, settings.lifetime());
  }

  /**
   * Ends every grant of a user (logout everywhere, password reset).
   *
   * @param userId the user
   * @return how many families were revoked
   */
  public int revokeUser(Object userId) {
    List<String> families = refreshTokens.revokeUser(userId);
    for (String family : families) {
      denyList.revokeGrant(family, settings.lifetime());
    }
    return families.size();
  }

  private boolean revokeRefresh(String token) {
    Optional<String> family = token.length() > 512 ? Optional.empty()
        : refreshTokens.familyOf(token);
    family.ifPresent(this::revokeGrant);
    return family.isPresent();
  }
}
