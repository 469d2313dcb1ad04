package io.github.authspec.support.token;

import java.time.Duration;
import java.util.Objects;

/**
 * What an issuer puts into its access tokens and how strictly a verifier reads them.
 *
 * @param issuer the {@code iss} claim (an https URL, RFC 9068 §2.2)
 * @param audience the {@code aud} claim: the resource server these tokens are for
 * @param lifetime how long a token is valid: short, since a JWT cannot be recalled
 *     (default 10 minutes)
 * @param skew clock difference tolerated on exp, nbf and iat (default 30 seconds, at most
 *     5 minutes)
 */
public record AccessTokenSettings(String issuer, String audience, Duration lifetime,
    Duration skew) {
  /** Default token lifetime: 10 minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  /** Default clock skew: 30 seconds. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);
  /** Largest skew accepted; the deny-list keeps entries this long past exp. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /** Checks the values. */
  public AccessTokenSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("access token lifetime must be between 0 and 1 day");
    }
    if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("skew must be between 0 and " + MAX_SKEW);
    }
  }

  /**
   * Settings with the default lifetime and skew.
   *
   * @param issuer the issuer
   * @param audience the audience
   * @return the settings
   */
  public static AccessTokenSettings of(String issuer, String audience) {
    return new AccessTokenSettings(issuer, audience, DEFAULT_LIFETIME, DEFAULT_SKEW);
  }

  /**
   * How long a rotated-out key must keep verifying: lifetime plus skew.
   *
   * @return the overlap
   */
  public Duration keyOverlap() {
    return lifetime.plus(skew);
  }
}
