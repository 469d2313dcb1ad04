package io.github.authspec.support.token;

import java.time.Instant;

/**
 * A newly signed access token. {@link #toString()} leaves out the token itself.
 *
 * @param token the compact JWS to hand to the client
 * @param jti its id
 * @param expiresAt its exp
 */
public record IssuedAccessToken(String token, String jti, Instant expiresAt) {
  @Override
  public String toString() {
    return "IssuedAccessToken[jti=" + jti + ", expiresAt=" + expiresAt + ", token=<redacted>]";
  }
}
