package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.RedisKey;
import io.github.authspec.plugin.redis.PlaceholderTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code rate-limiting}: GCRA buckets in Redis, one Lua script per decision on the bucket's one
 * key (Cluster safe). A bucket is named {@code <scope>:<value>}, the scope being the last
 * literal word of a bound key pattern ({@code rate_limit:ip:{ip}} → {@code ip:203.0.113.7}).
 */
final class RateLimitingWriter extends Writer {
  RateLimitingWriter(String feature) {
    super(feature, "RateLimiter", "RedisScripts");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Map<String, RedisKey> scopes = scopes(b.keys("counter"));
    ClassName limiter = t.support("RateLimiter");
    ClassName scripts = t.support("RedisScripts");
    ClassName decision = t.shared("Decision");
    PlaceholderTypes types = new PlaceholderTypes(t.spec());
    String known = String.join(", ", scopes.keySet());
    MethodSpec.Builder key = MethodSpec.methodBuilder("key").addModifiers(Modifier.STATIC)
        .returns(String.class).addParameter(String.class, "bucket")
        .addJavadoc("The Redis key of a bucket {@code <scope>:<value>}.\n\n@param bucket e.g. "
            + "{@code $L:...}\n@return the key\n@throws IllegalArgumentException for an unknown "
            + "scope or a value of the wrong type\n", scopes.keySet().iterator().next())
        .addStatement("int colon = bucket == null ? -1 : bucket.indexOf(':')")
        .beginControlFlow("if (colon < 0)")
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "a bucket is <scope>:<value>, the scope one of " + known)
        .endControlFlow()
        .addStatement("$T value = bucket.substring(colon + 1)", String.class)
        .beginControlFlow("try")
        .beginControlFlow("switch (bucket.substring(0, colon))");
    for (Map.Entry<String, RedisKey> e : scopes.entrySet()) {
      TypeName type = types.type(e.getValue().pattern().placeholders().get(0).name());
      ClassName keyClass = ClassName.get(t.naming().cachePackage(),
          t.naming().keyClassName(e.getValue()));
      CodeBlock parsed = type.equals(TypeName.LONG) ? CodeBlock.of("$T.parseLong(value)",
          Long.class) : type.equals(TypeName.INT) ? CodeBlock.of("$T.parseInt(value)",
          Integer.class) : type.equals(ClassName.get(java.util.UUID.class))
          ? CodeBlock.of("$T.fromString(value)", java.util.UUID.class) : CodeBlock.of("value");
      key.addCode("case $S:\n$>", e.getKey())
          .addStatement("return new $T($L).key()", keyClass, parsed).addCode("$<");
    }
    key.addCode("default:\n$>")
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "unknown bucket scope; use one of " + known)
        .addCode("$<").endControlFlow()
        .nextControlFlow("catch ($T e)", NumberFormatException.class)
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            "this bucket scope takes a number")
        .endControlFlow();
    return t.skeleton(b, "GCRA rate limits in Redis: limit requests per period per bucket, "
            + "decided by one Lua script on one key, so parallel requests pass exactly limit "
            + "times, also on a Redis Cluster. Buckets: " + known + ".")
        .addField(Target.field(limiter, "limiter"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Limits over Redis.\n\n@param redis runs the scripts (JedisScripts, "
                + "LettuceScripts, or your client in one method)\n@param clock the time of "
                + "requests\n@param limit requests per period per bucket\n@param period the "
                + "period (e.g. the keys' TTL)\n")
            .addParameter(scripts, "redis").addParameter(Clock.class, "clock")
            .addParameter(TypeName.INT, "limit").addParameter(Duration.class, "period")
            .addStatement("this.limiter = new $T(redis, limit, period)", limiter)
            .addStatement(Target.required("clock")).build())
        .addMethod(Target.override("tryAcquire").returns(decision)
            .addParameter(String.class, "bucket")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T.Result r = limiter.acquire(key(bucket), clock.instant())", limiter)
            .addStatement("long seconds = (r.retryAfter().toMillis() + 999) / 1000")
            .addStatement("return new $T(r.allowed(), r.allowed() ? r.remaining() + $S\n"
                + "    : $S + seconds + $S)", decision, " left", "rate limited; Retry-After: ",
                " s").build())
        .addMethod(Target.override("retryAfter").returns(Duration.class)
            .addParameter(String.class, "bucket")
            .addStatement("return limiter.peek(key(bucket), clock.instant()).retryAfter()")
            .build())
        .addMethod(key.build())
        .build();
  }

  /** Scope name → key: the last literal word, or all literal words when two share it. */
  private static Map<String, RedisKey> scopes(List<RedisKey> keys) {
    Map<String, List<RedisKey>> byLast = new LinkedHashMap<>();
    for (RedisKey k : keys) {
      List<String> words = k.pattern().literalWords();
      byLast.computeIfAbsent(words.get(words.size() - 1), w -> new ArrayList<>()).add(k);
    }
    Map<String, RedisKey> out = new LinkedHashMap<>();
    byLast.forEach((word, ks) -> ks.forEach(k -> out.put(ks.size() == 1 ? word
        : String.join("_", k.pattern().literalWords()), k)));
    return out;
  }

}
