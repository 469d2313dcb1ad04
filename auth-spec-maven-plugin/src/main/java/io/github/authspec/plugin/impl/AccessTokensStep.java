package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The flow's access tokens, with {@code jwt-tokens}: every sign-in and refresh also answers a
 * short-lived RFC 9068 token signed by the application's key ring, naming the refresh token's
 * family ({@code fid}) so that revoking the family can deny its access tokens.
 */
final class AccessTokensStep {
  /** The feature that signs access tokens. */
  static final String FEATURE = Features.JWT_TOKENS;

  private AccessTokensStep() {
  }

  /** Adds the step to {@code code} when the spec binds {@link #FEATURE}. */
  static void write(FlowCode code) {
    if (code.bound(FEATURE).isEmpty()) {
      return;
    }
    Target t = code.t;
    ClassName issuer = t.support("token", "AccessTokenIssuer");
    code.param(t.support("token", "KeyRing"), "keys", "signs the access tokens (its active key)");
    code.param(t.support("token", "AccessTokenSettings"), "accessTokens",
        "the access tokens' issuer, audience and lifetime");
    code.param(SecureRandom.class, "random", "the token source");
    code.body.addStatement("$T issuer = new $T(keys, accessTokens, clock, random)", issuer,
        issuer);
    code.body.addStatement("steps.accessTokens((user, grant) -> new $T($Wissuer.issue($T.valueOf("
            + "user), $T.of(), $T.empty(),$W$T.ofNullable(grant)).token(),"
            + " accessTokens.lifetime()))", t.support("LoginSteps").nestedClass("Access"),
        String.class, Set.class, Optional.class, Optional.class);
    code.steps.add("an access token");
  }
}
