package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.constructor;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code token-blacklist} and {@code token-revocation} over the Redis deny-list
 * ({@code TokenDenyList} with {@code RedisDenyListCommands} over the application's
 * {@code RedisScripts}) and, for revocation, the refresh-token store.
 */
final class DenyListWriters {
  private DenyListWriters() {}

  /** {@code this.denyList = new TokenDenyList(...)} over the bound key pattern. */
  private static CodeBlock denyList(Binding b, Target t) {
    return CodeBlock.of("this.denyList = $L", newDenyList(b, t));
  }

  /** {@code new TokenDenyList(...)} over {@code redis} and {@code clock} and the bound keys. */
  static CodeBlock newDenyList(Binding b, Target t) {
    return CodeBlock.of("new $T(new $T(redis::eval), $L, clock)", token(t, "TokenDenyList"),
        token(t, "RedisDenyListCommands"), keyOf(b, t));
  }

  /** The constructor's {@code redis} parameter, the application's script runner. */
  private static MethodSpec.Builder redis(MethodSpec.Builder constructor, Target t) {
    return constructor.addParameter(t.support("RedisScripts"), "redis");
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
      ClassName check = token(t, "AccessTokenVerifier").nestedClass("RevocationCheck");
      return t.skeleton(b, "The deny-list of revoked tokens, in Redis: one "
              + "key per SHA-256 of a token id, set with PX = the token's remaining life plus "
              + "the largest verifier skew, so Redis drops it once no verifier would accept the "
              + "token. Also the RevocationCheck to give the token classes.")
          .addSuperinterface(check)
          .addField(Target.field(token(t, "TokenDenyList"), "denyList"))
          .addMethod(redis(constructor("A deny-list over Redis.\n\n@param redis runs the "
              + "scripts (JedisScripts, LettuceScripts, or your client in one method)\n@param "
              + "clock the clock that measures the remaining life\n"), t)
              .addParameter(Clock.class, "clock").addStatement(denyList(b, t)).build())
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
      ClassName revocation = token(t, "TokenRevocation");
      return t.skeleton(b, "RFC 7009 revocation: a refresh token revokes its "
              + "family in table " + b.table("tokenHash").name() + " and denies the family's "
              + "access tokens in Redis; an access token is denied until it expires; an "
              + "unknown token is no error. The stores keep no client, so the client is not "
              + "matched against the token.")
          .addField(Target.field(revocation, "revocation"))
          .addField(Target.field(list, "denyList"))
          .addMethod(redis(constructor("Revocation over a database and Redis.\n\n@param "
              + "dataSource the database\n@param keys the signing keys (to verify access "
              + "tokens)\n@param settings the access token settings\n@param redis runs the "
              + "deny-list's scripts\n@param clock the clock\n@param random randomness\n")
              .addParameter(DataSource.class, "dataSource")
              .addParameter(token(t, "KeyRing"), "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings"), t)
              .addParameter(Clock.class, "clock").addParameter(SecureRandom.class, "random")
              .addStatement(denyList(b, t))
              .addStatement("this.revocation = new $T(new $T(dataSource, $L, clock, random),"
                  + "$WdenyList, new $T(keys, settings, clock, denyList), settings)", revocation,
                  token(t, "RefreshTokens"), RefreshTokensWriter.refreshTable(b, t),
                  token(t, "AccessTokenVerifier")).build())
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
}
