package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.constructor;
import static io.github.authspec.plugin.impl.TokenWriters.names;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code jwt-tokens} and its refinements over one refresh-token store ({@code RefreshTokens})
 * and the application's {@code KeyRing}: each class answers the {@code jwt-tokens} operations
 * itself (issue, verify, refresh), so it needs no parent, plus its refinement's own.
 */
final class RefreshTokensWriter extends TokenWriters.Base {
  /** What a refinement adds to the {@code jwt-tokens} operations. */
  enum Refinement {
    /** {@code jwt-tokens} itself: nothing. */
    NONE,
    /** {@code rotate}. */
    ROTATION,
    /** {@code revokeFamily}, {@code activeFamilies}. */
    FAMILY_TRACKING,
    /** {@code isReused}, {@code onReuse}. */
    REUSE_DETECTION
  }

  private final Refinement refinement;

  RefreshTokensWriter(String feature, Refinement refinement) {
    super(feature);
    this.refinement = refinement;
  }

  /** {@code new RefreshTokens.Table(...)} over the bound columns. */
  static CodeBlock refreshTable(Binding b, Target t) {
    CodeBlock columns = names(b, "tokenHash", "tokenHash", "user", "family", "counter",
        "createdAt", "expiresAt", "usedAt", "rotatedAt", "revokedAt");
    return b.optional("scope").map(c -> CodeBlock.of("new $T.Table($L,$W$S)",
            token(t, "RefreshTokens"), columns, c.name()))
        .orElseGet(() -> CodeBlock.of("new $T.Table($L)", token(t, "RefreshTokens"), columns));
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName refresh = token(t, "RefreshTokens");
    ClassName issuer = token(t, "AccessTokenIssuer");
    ClassName verifier = token(t, "AccessTokenVerifier");
    ClassName pair = t.shared("TokenPair");
    TypeName scopes = ParameterizedTypeName.get(Set.class, String.class);
    TypeSpec.Builder type = t.skeleton(b, "Access tokens (RFC 9068 at+jwt, signed by the "
            + "active key of the application's KeyRing, pinned algorithm) with opaque "
            + "refresh tokens in table " + b.table("tokenHash").name() + " (" + feature()
            + "): 256 random bits stored as SHA-256; each refresh retires the presented token "
            + "and issues its successor in one statement; presenting a retired token revokes "
            + "its whole family. Strict by default: of concurrent presentations of one token "
            + "exactly one rotates and the rest count as reuse (the family, the winner's "
            + "successor included, is revoked); with a grace window they get CONCURRENT "
            + "and the family stays. A refused refresh throws RefreshTokens.Refused with "
            + "the outcome.")
        .addField(Target.field(refresh, "refreshTokens"))
        .addField(Target.field(issuer, "issuer"))
        .addField(Target.field(verifier, "verifier"))
        .addMethod(constructor("An implementation over a database and the application's keys."
            + "\n\n@param dataSource the database\n@param keys the signing keys (from a key "
            + "store or JWK set at run time; the active key signs)\n@param settings issuer, "
            + "audience, lifetime and skew of access tokens\n@param revocations the "
            + "deny-list checked on verification ($T.NONE for none)\n@param clock the clock\n"
            + "@param random randomness for tokens and jti\n@param refreshTtl the lifetime of"
            + " one refresh token (e.g. $T.DEFAULT_TTL)\n@param familyLifetime the absolute "
            + "lifetime of a login (e.g. $T.DEFAULT_FAMILY_LIFETIME)\n@param grace how long "
            + "a just-rotated token counts as a concurrent retry ($T.ZERO: strict; at most "
            + "60 seconds)\n", verifier.nestedClass("RevocationCheck"), refresh, refresh,
                Duration.class)
            .addParameter(DataSource.class, "dataSource")
            .addParameter(token(t, "KeyRing"), "keys")
            .addParameter(token(t, "AccessTokenSettings"), "settings")
            .addParameter(verifier.nestedClass("RevocationCheck"), "revocations")
            .addParameter(Clock.class, "clock").addParameter(SecureRandom.class, "random")
            .addParameter(Duration.class, "refreshTtl")
            .addParameter(Duration.class, "familyLifetime")
            .addParameter(Duration.class, "grace")
            .addStatement("this.refreshTokens = new $T(dataSource, $L,$Wclock, random, "
                + "refreshTtl, familyLifetime, grace)", refresh, refreshTable(b, t))
            .addStatement("this.issuer = new $T(keys, settings, clock, random)", issuer)
            .addStatement("this.verifier = new $T(keys, settings, clock, revocations)",
                verifier)
            .build())
        .addMethod(Target.override("issue").returns(pair)
            .addParameter(t.userId(), "userId").addParameter(scopes, "scopes")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return pair(refreshTokens.issue(userId, scopes), scopes)").build())
        .addMethod(Target.override("verifyAccessToken")
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), t.userId().box()))
            .addParameter(String.class, "accessToken")
            .addStatement("return verifier.userId(accessToken, $T.class)", t.userId().box())
            .build())
        .addMethod(Target.override("refresh").returns(pair)
            .addJavadoc("{@inheritDoc}\n\n<p>$L\n", b.optional("scope")
                .map(c -> "The new access token carries the login's scopes, kept in "
                    + c.qualifiedName() + ".")
                .orElse("The new access token carries no scope: the refresh-token table "
                    + "keeps none (add a scope column to keep them)."))
            .addParameter(String.class, "refreshToken")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T next = refreshTokens.rotateOrThrow(refreshToken)",
                refresh.nestedClass("Issued"))
            .addStatement("return pair(next, next.scopes())").build())
        .addMethod(MethodSpec.methodBuilder("pair").addModifiers(Modifier.PRIVATE)
            .returns(pair).addParameter(refresh.nestedClass("Issued"), "refresh")
            .addParameter(scopes, "scopes")
            .addStatement("$T access = issuer.issue($T.valueOf(refresh.userId()), scopes, "
                + "$T.empty(),$W$T.of(refresh.familyId()))", token(t, "IssuedAccessToken"),
                String.class, Optional.class, Optional.class)
            .addStatement("return new $T(access.token(), refresh.token(), "
                + "access.expiresAt())", pair).build());
    switch (refinement) {
      case ROTATION -> type.addMethod(Target.override("rotate").returns(pair)
          .addParameter(String.class, "refreshToken")
          .addParameter(t.shared("RequestContext"), "context")
          .addStatement("return refresh(refreshToken, context)").build());
      case FAMILY_TRACKING -> type.addMethod(Target.override("revokeFamily")
              .addParameter(String.class, "familyId")
              .addStatement("refreshTokens.revokeFamily(familyId)").build())
          .addMethod(Target.override("activeFamilies")
              .returns(ParameterizedTypeName.get(List.class, String.class))
              .addParameter(t.userId(), "userId")
              .addStatement("return refreshTokens.activeFamilies(userId)").build());
      case REUSE_DETECTION -> type.addMethod(Target.override("isReused")
              .returns(TypeName.BOOLEAN).addParameter(String.class, "refreshToken")
              .addStatement("return refreshTokens.isReused(refreshToken)").build())
          .addMethod(Target.override("onReuse")
              .addParameter(String.class, "refreshToken")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("refreshTokens.revokeFamilyOf(refreshToken)").build());
      case NONE -> {
        // jwt-tokens: the three operations above
      }
    }
    return type.build();
  }
}
