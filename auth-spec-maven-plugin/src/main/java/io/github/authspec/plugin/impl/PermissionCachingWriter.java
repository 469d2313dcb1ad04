package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.RedisKey;
import io.github.authspec.plugin.redis.PlaceholderTypes;
import io.github.authspec.support.auth.Authorization;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code permission-caching}: {@code AuthorizationCache} over the one decision, its entries in
 * the spec's per-user key ({@code permissions:user:{userId}}, through the generated key class,
 * so the prefix and hash tag apply) for the key's TTL. Every entry carries the version of the
 * data it was read from, so no check answers from data older than a revoking commit.
 */
final class PermissionCachingWriter extends Writer {
  /** The key role: a user's effective permissions. */
  static final String KEY = "permissionsKey";
  /** The TTL of entries when the spec's key has none. */
  private static final long DEFAULT_TTL = 300;
  private final DelegatingWriter decision;

  PermissionCachingWriter(String feature) {
    super(feature, "AuthorizationCache", "Authorization", "AccessWindow", "AuthorizationSql",
        "RedisCacheStore", "RedisScripts");
    this.decision = new DelegatingWriter(feature, Authorization.class);
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    RedisKey key = b.keys(KEY).get(0);
    TypeName id = new PlaceholderTypes(t.spec()).type(key.pattern().placeholders().get(0)
        .name()).box();
    long ttl = key.ttl().map(Duration::toSeconds).orElse(DEFAULT_TTL);
    ClassName cache = t.support("AuthorizationCache");
    CodeBlock authorization = GrantConditions.apply(CodeBlock.of("new $T(dataSource,$W$L,$Wclock)",
        t.support("Authorization"), decision.mapping(b, t)), t, Arrays.stream(
        Authorization.class.getMethods()).map(Method::getName).toList());
    TypeName permissions = ParameterizedTypeName.get(Set.class, String.class);
    return t.skeleton(b, "Effective permissions cached in Redis (" + key.pattern().text()
            + ", " + ttl + " s), each entry carrying the version of the authorization data it"
            + " was read from: a check reads the version first, so no check answers from data"
            + " older than a revoking commit.")
        .addField(Target.field(cache, "delegate"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("The cache over the one decision and Redis.\n\n@param dataSource the"
                + " authorization tables' database\n@param redis runs the scripts"
                + " (JedisScripts, LettuceScripts, or an adapter that answers evalText)\n"
                + "@param clock the server's clock\n")
            .addParameter(DataSource.class, "dataSource")
            .addParameter(t.support("RedisScripts"), "redis").addParameter(Clock.class, "clock")
            .addStatement("this.delegate = new $T($L,$Wnew $T(redis),$Wclock,$W"
                + "userId -> new $T(($T) userId).key(),$W$LL)", cache, authorization,
                t.support("RedisCacheStore"), BruteForceWriter.keyClass(t, key), id, ttl)
            .build())
        .addMethod(Target.override("cached").returns(ParameterizedTypeName.get(
                ClassName.get(Optional.class), permissions)).addParameter(t.userId(), "userId")
            .addStatement("return delegate.cached(userId)").build())
        .addMethod(Target.override("invalidate").addParameter(t.userId(), "userId")
            .addStatement("delegate.invalidate(userId)").build())
        .addMethod(MethodSpec.methodBuilder("isAllowed").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Whether the user holds the permission now, through the cache.\n\n"
                + "@param userId the user\n@param permission a name or resource:action\n"
                + "@return whether allowed\n")
            .returns(TypeName.BOOLEAN).addParameter(t.userId(), "userId")
            .addParameter(String.class, "permission")
            .addStatement("return delegate.isAllowed(userId, permission)").build())
        .addMethod(MethodSpec.methodBuilder("permissions").addModifiers(Modifier.PUBLIC)
            .addJavadoc("The user's permissions now, through the cache (kept on a miss).\n\n"
                + "@param userId the user\n@return the permission names\n")
            .returns(permissions).addParameter(t.userId(), "userId")
            .addStatement("return delegate.permissions(userId)").build())
        .build();
  }
}
