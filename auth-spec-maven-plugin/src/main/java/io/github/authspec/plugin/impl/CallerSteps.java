package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * The flow's steps for a signed-in caller: the account of a session handle and the account's
 * sessions (listed without handles, ended by id only for their owner), the verification of a
 * bearer access token ({@code jwt-tokens}; with the deny-list of {@code token-blacklist} when
 * bound), and logout everywhere, which with that deny-list also denies the access tokens of
 * every refresh family it ends, so they are refused before they expire.
 */
final class CallerSteps {
  private static final String DENY = Features.TOKEN_BLACKLIST;

  private CallerSteps() {
  }

  /** Adds the steps after the credentials' ({@code sessions}, {@code refresh}) are made. */
  static void write(FlowCode code, TypeName id) {
    Target t = code.t;
    ClassName steps = t.support("LoginSteps");
    boolean sessions = Features.SESSION_STORES.stream()
        .anyMatch(f -> code.bound(f.id()).isPresent());
    if (sessions) {
      code.body.addStatement("steps.sessionViews(handle -> sessions.validate(handle).map(s ->$W"
          + "new $T<>(($T) s.userId(), s.id())),$Wuser -> sessions.described(user).stream()"
          + ".map(s ->$Wnew $T(s.id(), s.createdAt(), s.lastActiveAt(), s.expiresAt()))"
          + ".toList(),$Wsessions::end)", steps.nestedClass("Signed"), id,
          steps.nestedClass("SessionView"));
    }
    boolean signs = code.bound(AccessTokensStep.FEATURE).isPresent();
    Optional<Binding> deny = code.bound(DENY).filter(b -> signs);
    if (signs) {
      ClassName verifier = t.support("token", "AccessTokenVerifier");
      deny.ifPresent(b -> {
        code.redis();
        code.body.addStatement("$T denyList = $L", t.support("token", "TokenDenyList"),
            DenyListWriters.newDenyList(b, t));
      });
      code.body.addStatement("$T verifier = new $T(keys, accessTokens, clock, $L)", verifier,
          verifier, deny.isPresent() ? CodeBlock.of("denyList")
              : CodeBlock.of("$T.RevocationCheck.NONE", verifier));
      code.body.addStatement("steps.bearer(token -> verifier.userId(token, $T.class))", id);
      code.steps.add("the bearer token's verification");
    }
    // With the deny-list, Credentials also denies the ended families' access tokens.
    t.credentials().ifPresent(c -> code.body.addStatement("steps.logoutEverywhere(user ->$W"
        + "credentials.end(user, $T.Change.LOGOUT_EVERYWHERE))",
        t.support("token", "AccountCredentials")));
  }
}
