package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.names;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.KeyPattern;
import io.github.authspec.model.RedisKey;
import io.github.authspec.plugin.redis.PlaceholderTypes;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Implementations of the access-token, refresh-token, deny-list, PKCE and remember-me features
 * (issue 12), thin classes over the support classes of area {@code token}: the signing keys are
 * the application's {@code KeyRing} (from its key store or JWK set, at run time), never a
 * constant here; the generated class only names the bound table, columns and keys.
 */
final class JwtWriters {
  private JwtWriters() {}

  /** {@code new RefreshTokens.Table(...)} over the bound columns. */
  static CodeBlock refreshTable(Binding b, Target t) {
    CodeBlock columns = names(b, "tokenHash", "tokenHash", "user", "family", "counter",
        "createdAt", "expiresAt", "usedAt", "rotatedAt", "revokedAt");
    return b.optional("scope").map(c -> CodeBlock.of("new $T.Table($L,$W$S)",
            token(t, "RefreshTokens"), columns, c.name()))
        .orElseGet(() -> CodeBlock.of("new $T.Table($L)", token(t, "RefreshTokens"), columns));
  }

  /** The user id of a verified token's {@code sub}, in the type of {@code users.id}. */
  private static CodeBlock userId(TypeName type, String subject) {
    TypeName raw = type.isBoxedPrimitive() ? type.unbox() : type;
    if (raw.equals(TypeName.LONG)) {
      return CodeBlock.of("$T.valueOf($N)", Long.class, subject);
    }
    if (raw.equals(TypeName.INT)) {
      return CodeBlock.of("$T.valueOf($N)", Integer.class, subject);
    }
    if (raw.equals(TypeName.SHORT)) {
      return CodeBlock.of("$T.valueOf($N)", Short.class, subject);
    }
    if (raw.equals(ClassName.get(UUID.class))) {
      return CodeBlock.of("$T.fromString($N)", UUID.class, subject);
    }
    return CodeBlock.of("$N", subject);
  }

  private static MethodSpec.Builder ctor(String doc, Object... args) {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addJavadoc(doc, args);
  }

  /**
   * {@code jwt-tokens} and its refinements over one refresh-token store: each class answers the
   * {@code jwt-tokens} operations itself (issue, verify, refresh), so it needs no parent.
   */
  static final class RefreshFeature extends TokenWriters.Base {
    RefreshFeature(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName refresh = token(t, "RefreshTokens");
      ClassName issuer = token(t, "AccessTokenIssuer");
      ClassName verifier = token(t, "AccessTokenVerifier");
      ClassName pair = t.shared("TokenPair");
      TypeName boxed = t.userId().box();
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
          .addMethod(ctor("An implementation over a database and the application's keys.\n\n"
              + "@param dataSource the database\n@param keys the signing keys (from a key store"
              + " or JWK set at run time; the active key signs)\n@param settings issuer, "
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
              .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), boxed))
              .addParameter(String.class, "accessToken")
              .beginControlFlow("try")
              .addStatement("$T subject = verifier.verify(accessToken).subject()", String.class)
              .addStatement("return $T.of($L)", Optional.class, userId(t.userId(), "subject"))
              .nextControlFlow("catch ($T | $T e)", token(t, "TokenException"),
                  IllegalArgumentException.class)
              .addComment("refused (the reason is in e), or a subject that is not a user id")
              .addStatement("return $T.empty()", Optional.class)
              .endControlFlow().build())
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
      switch (feature()) {
        case "token-rotation" -> type.addMethod(Target.override("rotate").returns(pair)
            .addParameter(String.class, "refreshToken")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return refresh(refreshToken, context)").build());
        case "token-family-tracking" -> type.addMethod(Target.override("revokeFamily")
                .addParameter(String.class, "familyId")
                .addStatement("refreshTokens.revokeFamily(familyId)").build())
            .addMethod(Target.override("activeFamilies")
                .returns(ParameterizedTypeName.get(List.class, String.class))
                .addParameter(t.userId(), "userId")
                .addStatement("return refreshTokens.activeFamilies(userId)").build());
        case "refresh-token-reuse-detection" -> type.addMethod(Target.override("isReused")
                .returns(TypeName.BOOLEAN).addParameter(String.class, "refreshToken")
                .addStatement("return refreshTokens.isReused(refreshToken)").build())
            .addMethod(Target.override("onReuse")
                .addParameter(String.class, "refreshToken")
                .addParameter(t.shared("RequestContext"), "context")
                .beginControlFlow("if (refreshToken != null && refreshToken.length() <= 512)")
                .addStatement("refreshTokens.familyOf(refreshToken).ifPresent("
                    + "refreshTokens::revokeFamily)")
                .endControlFlow().build());
        default -> {
          // jwt-tokens: the three operations above
        }
      }
      return type.build();
    }
  }

  /** {@code token-scopes}: the scope claim of verified access tokens. */
  static final class TokenScopes extends TokenWriters.Base {
    TokenScopes(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName verifier = token(t, "AccessTokenVerifier");
      TypeName scopes = ParameterizedTypeName.get(Set.class, String.class);
      return t.skeleton(b, "The scopes of access tokens, read from the scope claim of a token "
              + "this issuer signed and that verifies now; any other token has none.")
          .addField(Target.field(verifier, "verifier"))
          .addMethod(ctor("Scopes of this issuer's tokens.\n\n@param keys the signing keys\n"
              + "@param settings issuer, audience and skew\n@param revocations the deny-list "
              + "($T.NONE for none)\n@param clock the clock\n",
                  verifier.nestedClass("RevocationCheck"))
              .addParameter(token(t, "KeyRing"), "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings")
              .addParameter(verifier.nestedClass("RevocationCheck"), "revocations")
              .addParameter(Clock.class, "clock")
              .addStatement("this.verifier = new $T(keys, settings, clock, revocations)",
                  verifier).build())
          .addMethod(Target.override("grantedScopes").returns(scopes)
              .addJavadoc("{@inheritDoc}\n\n<p>Empty for a token that does not verify.\n")
              .addParameter(String.class, "accessToken")
              .beginControlFlow("try")
              .addStatement("return verifier.verify(accessToken).scopes()")
              .nextControlFlow("catch ($T e)", token(t, "TokenException"))
              .addStatement("return $T.of()", Set.class)
              .endControlFlow().build())
          .addMethod(Target.override("hasScope").returns(TypeName.BOOLEAN)
              .addParameter(String.class, "accessToken").addParameter(String.class, "scope")
              .addStatement("return grantedScopes(accessToken).contains(scope)").build())
          .build();
    }
  }

  /** {@code key-rotation} over the application's {@code KeyRing}. */
  static final class KeyRotation extends TokenWriters.Base {
    KeyRotation(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName ring = token(t, "KeyRing");
      ClassName key = token(t, "SigningKey");
      return t.skeleton(b, "Rotation of the access-token signing keys of the application's "
              + "KeyRing: rotate makes the published next key (from the application's key "
              + "store) active, or a fresh in-memory key of the pinned algorithm when none is "
              + "published; the previous key keeps verifying for the token lifetime plus "
              + "skew, then lapses. No key material is stored or written anywhere.")
          .addField(Target.field(ring, "keys"))
          .addField(Target.field(ClassName.get(Duration.class), "overlap"))
          .addField(Target.field(ClassName.get(SecureRandom.class), "random"))
          .addField(FieldSpec.builder(String.class, "PURPOSE", Modifier.PRIVATE,
                  Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The one purpose rotated here.\n").initializer("$S", "signing").build())
          .addMethod(ctor("Rotation of a ring.\n\n@param keys the ring the token classes sign "
              + "and verify with\n@param settings the access token settings (the old key "
              + "verifies for lifetime + skew)\n@param random randomness for fresh keys\n")
              .addParameter(ring, "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings")
              .addParameter(SecureRandom.class, "random")
              .addStatement(Target.required("keys"))
              .addStatement("this.overlap = settings.keyOverlap()")
              .addStatement(Target.required("random")).build())
          .addMethod(Target.override("rotate").returns(String.class)
              .addJavadoc("{@inheritDoc}\n\n@throws IllegalArgumentException for a purpose "
                  + "other than {@code signing}\n")
              .addParameter(String.class, "purpose")
              .beginControlFlow("if (!PURPOSE.equals(purpose))")
              .addStatement("throw new $T($S)", IllegalArgumentException.class,
                  "only the signing keys rotate here: purpose must be \"signing\"")
              .endControlFlow()
              .beginControlFlow("if (keys.published().stream().anyMatch(e -> e.state() == "
                  + "$T.State.NEXT))", ring)
              .addStatement("return keys.rotateToNext(overlap)")
              .endControlFlow()
              .addStatement("$T next = $T.generate(keys.algorithm(), random)", key, key)
              .addStatement("keys.rotate(next, overlap)")
              .addStatement("return next.kid()").build())
          .addMethod(Target.override("publishedKeyIds")
              .returns(ParameterizedTypeName.get(List.class, String.class))
              .addStatement("return keys.published().stream().map(e -> e.key().kid())"
                  + ".toList()").build())
          .addMethod(Target.override("retire").addParameter(String.class, "keyId")
              .addJavadoc("{@inheritDoc}\n\n@throws IllegalArgumentException for the active "
                  + "key (rotate first)\n")
              .beginControlFlow("if (keys.active().kid().equals(keyId))")
              .addStatement("throw new $T($S)", IllegalArgumentException.class,
                  "the active key signs: rotate before retiring it")
              .endControlFlow()
              .addStatement("keys.retire(keyId)").build())
          .build();
    }
  }

  /**
   * The deny-list's two Redis commands over {@code RedisScripts}, as a nested class of the
   * generated class, with {@code denyList} built over the bound key pattern.
   */
  private static void denyList(TypeSpec.Builder type, Binding b, Target t) {
    ClassName list = token(t, "TokenDenyList");
    ClassName scripts = t.support("RedisScripts");
    type.addType(TypeSpec.classBuilder("DenyListCommands")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(list.nestedClass("Commands"))
        .addJavadoc("SET with PX and EXISTS, each one script on one key.\n")
        .addField(Target.sql("SET", "SET key value PX ttl.",
            "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return {1}"))
        .addField(Target.sql("EXISTS", "EXISTS key.", "return {redis.call('EXISTS', KEYS[1])}"))
        .addField(Target.field(scripts, "redis"))
        .addMethod(MethodSpec.constructorBuilder().addParameter(scripts, "redis")
            .addStatement(Target.required("redis")).build())
        .addMethod(Target.override("setWithTtl").addParameter(String.class, "key")
            .addParameter(String.class, "value").addParameter(TypeName.LONG, "ttlMillis")
            .addStatement("redis.eval(SET, key, $T.of(value, $T.toString(ttlMillis)))",
                List.class, Long.class).build())
        .addMethod(Target.override("exists").returns(TypeName.BOOLEAN)
            .addParameter(String.class, "key")
            .addStatement("return redis.eval(EXISTS, key, $T.of()).get(0) == 1L", List.class)
            .build())
        .build());
    type.addField(Target.field(list, "denyList"));
  }

  /** {@code digest -> key}: the bound pattern's key class when its placeholder is a String. */
  private static CodeBlock keyOf(Binding b, Target t) {
    PlaceholderTypes types = new PlaceholderTypes(t.spec());
    ClassName string = ClassName.get(String.class);
    Optional<RedisKey> typed = b.keys("denyKeys").stream().filter(k -> types.type(
        k.pattern().placeholders().get(0).name()).equals(string)).findFirst();
    if (typed.isPresent()) {
      return CodeBlock.of("digest -> new $T(digest).key()", ClassName.get(
          t.naming().cachePackage(), t.naming().keyClassName(typed.get())));
    }
    // A pattern whose placeholder is typed (an id): the digest takes its place as text.
    CodeBlock.Builder parts = CodeBlock.builder();
    for (KeyPattern.Segment s : b.keys("denyKeys").get(0).pattern().segments()) {
      parts.add(parts.isEmpty() ? "" : " + ");
      if (s instanceof KeyPattern.Literal l) {
        parts.add("$S", l.text());
      } else {
        parts.add("digest");
      }
    }
    return CodeBlock.of("digest -> $L", parts.build());
  }

  /** {@code token-blacklist}: the Redis deny-list, which is also the verifiers' check. */
  static final class TokenBlacklist extends TokenWriters.Base {
    TokenBlacklist(String feature) {
      super(feature, "RedisScripts");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName list = token(t, "TokenDenyList");
      ClassName check = token(t, "AccessTokenVerifier").nestedClass("RevocationCheck");
      TypeSpec.Builder type = t.skeleton(b, "The deny-list of revoked tokens, in Redis: one "
              + "key per SHA-256 of a token id, set with PX = the token's remaining life plus "
              + "the largest verifier skew, so Redis drops it once no verifier would accept the "
              + "token. Also the RevocationCheck to give the token classes.")
          .addSuperinterface(check);
      denyList(type, b, t);
      return type.addMethod(ctor("A deny-list over Redis.\n\n@param redis runs the scripts "
              + "(JedisScripts, LettuceScripts, or your client in one method)\n@param clock "
              + "the clock that measures the remaining life\n")
              .addParameter(t.support("RedisScripts"), "redis").addParameter(Clock.class, "clock")
              .addStatement("this.denyList = new $T(new DenyListCommands(redis), $L, clock)",
                  list, keyOf(b, t)).build())
          .addMethod(Target.override("revoke").addParameter(String.class, "tokenId")
              .addParameter(Instant.class, "expiresAt")
              .addStatement("denyList.revoke(tokenId, expiresAt)").build())
          .addMethod(Target.override("isRevoked").returns(TypeName.BOOLEAN)
              .addParameter(String.class, "tokenId")
              .addStatement("return denyList.isRevoked(tokenId)").build())
          .addMethod(Target.override("isRevoked").returns(TypeName.BOOLEAN)
              .addParameter(String.class, "jti")
              .addParameter(ParameterizedTypeName.get(Optional.class, String.class), "grantId")
              .addStatement("return denyList.isRevoked(jti, grantId)").build())
          .build();
    }
  }

  /** {@code token-revocation} (RFC 7009) over the refresh store and the deny-list. */
  static final class TokenRevocationWriter extends TokenWriters.Base {
    TokenRevocationWriter(String feature) {
      super(feature, "RedisScripts");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName list = token(t, "TokenDenyList");
      ClassName verifier = token(t, "AccessTokenVerifier");
      ClassName revocation = token(t, "TokenRevocation");
      TypeSpec.Builder type = t.skeleton(b, "RFC 7009 revocation: a refresh token revokes its "
              + "family in table " + b.table("tokenHash").name() + " and denies the family's "
              + "access tokens in Redis; an access token is denied until it expires; an "
              + "unknown token is no error. The stores keep no client, so the client is not "
              + "matched against the token.")
          .addField(Target.field(revocation, "revocation"));
      denyList(type, b, t);
      return type.addMethod(ctor("Revocation over a database and Redis.\n\n@param dataSource "
              + "the database\n@param keys the signing keys (to verify access tokens)\n"
              + "@param settings the access token settings\n@param redis runs the deny-list's "
              + "scripts\n@param clock the clock\n@param random randomness\n")
              .addParameter(DataSource.class, "dataSource")
              .addParameter(token(t, "KeyRing"), "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings")
              .addParameter(t.support("RedisScripts"), "redis")
              .addParameter(Clock.class, "clock").addParameter(SecureRandom.class, "random")
              .addStatement("this.denyList = new $T(new DenyListCommands(redis), $L, clock)",
                  list, keyOf(b, t))
              .addStatement("this.revocation = new $T(new $T(dataSource, $L, clock, random),"
                  + "$WdenyList, new $T(keys, settings, clock, denyList), settings)", revocation,
                  token(t, "RefreshTokens"), refreshTable(b, t), verifier).build())
          .addMethod(Target.override("revoke")
              .addParameter(ServiceGenerator.idType(t.spec(), t.naming(), "ClientId"), "clientId")
              .addParameter(String.class, "token")
              .addParameter(ParameterizedTypeName.get(Optional.class, String.class),
                  "tokenTypeHint")
              .beginControlFlow("if (token != null && !token.isEmpty())")
              .addStatement("revocation.revoke(token, tokenTypeHint)")
              .endControlFlow().build())
          .build();
    }
  }

  /** {@code pkce-support}: S256 checks, and authorization codes consumed exactly once. */
  static final class PkceSupport extends TokenWriters.Base {
    PkceSupport(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName pkce = token(t, "Pkce");
      ClassName codes = token(t, "AuthorizationCodes");
      TypeName optionalString = ParameterizedTypeName.get(Optional.class, String.class);
      return t.skeleton(b, "PKCE (RFC 7636): S256 only unless plain is allowed, verifiers of "
              + "43 to 128 unreserved characters; authorization codes in table "
              + b.table("code").name() + " stored as SHA-256, consumed exactly once (one "
              + "UPDATE ... WHERE used_at IS NULL RETURNING) before the verifier is checked, so "
              + "a wrong verifier burns the code.")
          .addField(Target.field(pkce, "pkce"))
          .addField(Target.field(codes, "codes"))
          .addMethod(ctor("PKCE over a database.\n\n@param dataSource the database\n@param "
              + "clock the clock\n@param random randomness for codes\n@param allowPlain whether "
              + "the plain method is accepted (false unless clients cannot hash)\n@param codeTtl"
              + " the code lifetime (e.g. $T.DEFAULT_TTL; at most 10 minutes)\n", codes)
              .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
              .addParameter(SecureRandom.class, "random")
              .addParameter(TypeName.BOOLEAN, "allowPlain")
              .addParameter(Duration.class, "codeTtl")
              .addStatement("this.pkce = new $T(allowPlain)", pkce)
              .addStatement("this.codes = new $T(dataSource, new $T.Table($L),$Wclock, random, "
                  + "codeTtl, pkce)", codes, codes, names(b, "code", "code", "clientId", "user",
                      "redirectUri", "scope", "challenge", "challengeMethod", "expiresAt",
                      "usedAt")).build())
          .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
              .addParameter(String.class, "codeVerifier")
              .addParameter(String.class, "codeChallenge").addParameter(String.class, "method")
              .addStatement("return pkce.verify($T.ofNullable(codeVerifier), $T.ofNullable("
                  + "codeChallenge),$W$T.ofNullable(method)) == $T.Result.VALID",
                  Optional.class, Optional.class, Optional.class, pkce).build())
          .addMethod(MethodSpec.methodBuilder("issueCode").addModifiers(Modifier.PUBLIC)
              .addJavadoc("Issues a code for an authorization the user approved (for the "
                  + "authorization endpoint).\n\n@param clientId the client's public id\n"
                  + "@param userId the user\n@param redirectUri the request's redirect URI\n"
                  + "@param scope the granted scope\n@param codeChallenge the request's "
                  + "code_challenge\n@param method its code_challenge_method (absent means "
                  + "plain)\n@return the code for the redirect (stored only as its hash)\n"
                  + "@throws IllegalArgumentException for a malformed challenge or a refused "
                  + "method\n")
              .returns(String.class).addParameter(String.class, "clientId")
              .addParameter(t.userId(), "userId").addParameter(String.class, "redirectUri")
              .addParameter(String.class, "scope").addParameter(String.class, "codeChallenge")
              .addParameter(optionalString, "method")
              .addStatement("return codes.issue(clientId, userId, redirectUri, scope, "
                  + "codeChallenge, method).secret()").build())
          .addMethod(MethodSpec.methodBuilder("redeem").addModifiers(Modifier.PUBLIC)
              .addJavadoc("Redeems a code at the token endpoint: consumes it (once), then "
                  + "checks client, redirect URI and verifier.\n\n@param code the presented "
                  + "code\n@param clientId the authenticated client's public id\n@param "
                  + "redirectUri the token request's redirect_uri\n@param codeVerifier the "
                  + "code_verifier\n@return the outcome; only GRANTED carries the user\n")
              .returns(codes.nestedClass("Redemption")).addParameter(String.class, "code")
              .addParameter(String.class, "clientId").addParameter(String.class, "redirectUri")
              .addParameter(optionalString, "codeVerifier")
              .addStatement("return codes.redeem(code, clientId, redirectUri, codeVerifier)")
              .build())
          .build();
    }
  }

  /** {@code remember-me}: id:series:token cookies with theft detection. */
  static final class RememberMeWriter extends TokenWriters.Base {
    RememberMeWriter(String feature) {
      super(feature);
    }

    /** {@code new RememberMe.Table(...)} over the bound columns. */
    static CodeBlock table(Binding b, Target t) {
      ClassName remember = token(t, "RememberMe");
      return CodeBlock.of("new $T.Table($L)", remember, names(b, "id", "id", "user", "tokenHash",
          "expiresAt", "createdAt", "lastUsedAt"));
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName remember = token(t, "RememberMe");
      TypeName boxed = t.userId().box();
      return t.skeleton(b, "Remember-me cookies id:series:token over table "
              + b.table("id").name() + ": only SHA-256 of the series secret and of the token "
              + "are stored; each use rotates the token by one compare-and-set; a cookie whose "
              + "series secret does not match its row is not ours and changes nothing; the "
              + "right series with a wrong token (a copied cookie, one copy already used) "
              + "deletes every series of the user. Of concurrent uses of one cookie one wins "
              + "and the rest count as theft.")
          .addField(Target.field(remember, "rememberMe"))
          .addMethod(ctor("Remember-me over a database.\n\n@param dataSource the database\n"
              + "@param clock the clock\n@param random randomness\n@param ttl the lifetime of "
              + "a series (e.g. $T.DEFAULT_TTL); rotation does not extend it\n", remember)
              .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
              .addParameter(SecureRandom.class, "random").addParameter(Duration.class, "ttl")
              .addStatement("this.rememberMe = new $T(dataSource, $L,$Wclock, random, ttl)",
                  remember, table(b, t)).build())
          .addMethod(Target.override("issue").returns(String.class)
              .addParameter(t.userId(), "userId")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("return rememberMe.issue(userId)").build())
          .addMethod(Target.override("authenticate")
              .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), boxed))
              .addJavadoc("{@inheritDoc}\n\n<p>This rotates the cookie, and the interface cannot "
                  + "return the replacement: to set it, call {@link #use} instead; the old "
                  + "value presented again counts as theft.\n")
              .addParameter(String.class, "cookieValue")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("$T.Result r = use(cookieValue)", remember)
              .addStatement("return r.outcome() == $T.Outcome.VALID ? r.userId().map(u -> ($T) u)"
                  + "$W: $T.empty()", remember, boxed, Optional.class).build())
          .addMethod(MethodSpec.methodBuilder("use").addModifiers(Modifier.PUBLIC)
              .addJavadoc("Signs in from a cookie and rotates it.\n\n@param cookieValue the "
                  + "presented id:series:token\n@return the outcome, the user and, when VALID, "
                  + "the replacement cookie to set\n")
              .returns(remember.nestedClass("Result")).addParameter(String.class, "cookieValue")
              .addStatement("return rememberMe.authenticate(cookieValue)").build())
          .build();
    }
  }
}
