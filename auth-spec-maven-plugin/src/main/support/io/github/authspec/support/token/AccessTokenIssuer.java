package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs JWT access tokens (RFC 9068) with the active key of a {@link KeyRing}: header
 * {@code {"alg","typ":"at+jwt","kid"}}, claims iss, sub, aud, exp, iat, jti, client_id, scope and
 * {@code fid} (the refresh-token family, so revoking a grant can deny its access tokens).
 */
public final class AccessTokenIssuer {
  /** The header typ of access tokens (RFC 9068 §2.1). */
  public static final String TYPE = "at+jwt";

  private final KeyRing keys;
  private final AccessTokenSettings settings;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * An issuer.
   *
   * @param keys the key ring (its active key signs)
   * @param settings issuer, audience, lifetime
   * @param clock the clock for iat and exp
   * @param random randomness for jti
   */
  public AccessTokenIssuer(KeyRing keys, AccessTokenSettings settings, Clock clock,
      SecureRandom random) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Signs a token.
   *
   * @param subject the user id
   * @param scopes the granted scopes
   * @param clientId the client, if any
   * @param grantId the refresh-token family, if any
   * @return the token
   */
  public IssuedAccessToken issue(String subject, Set<String> scopes, Optional<String> clientId,
      Optional<String> grantId) {
    SigningKey key = keys.active();
    Instant now = clock.instant();
    Instant exp = now.plus(settings.lifetime());
    String jti = Secrets.newToken(random);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", key.algorithm().name());
    header.put("typ", TYPE);
    header.put("kid", key.kid());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", settings.issuer());
    claims.put("sub", subject);
    claims.put("aud", settings.audience());
    claims.put("exp", exp.getEpochSecond());
    claims.put("iat", now.getEpochSecond());
    claims.put("jti", jti);
    clientId.ifPresent(c -> claims.put("client_id", c));
    if (!scopes.isEmpty()) {
      claims.put("scope", String.join(" ", new TreeSet<>(scopes)));
    }
    grantId.ifPresent(g -> claims.put("fid", g));
    String token = Jws.sign(Json.write(header).getBytes(StandardCharsets.UTF_8),
        Json.write(claims).getBytes(StandardCharsets.UTF_8), key.algorithm(),
        key.privateKey().orElseThrow());
    return new IssuedAccessToken(token, jti, Instant.ofEpochSecond(exp.getEpochSecond()));
  }
}
