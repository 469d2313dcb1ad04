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
import java.util.UUID;
import javax.lang.model.element.Modifier;

/**
 * {@code rate-limiting}: a thin class over {@code RateLimits} (GCRA buckets in Redis, one Lua
 * script per decision on the bucket's one key); this class names the bucket scopes, each the
 * last literal word of a bound key pattern ({@code rate_limit:ip:{ip}} → {@code ip:...}), and
 * parses a scope's value into its key class.
 */
final class RateLimitingWriter extends Writer {
  RateLimitingWriter(String feature) {
    super(feature, "RateLimits", "RateLimiter", "RedisScripts");
  }

  /** {@code new RateLimits.Scope(...)} of each bucket scope, by scope name. */
  static Map<String, CodeBlock> scopes(Binding b, Target t) {
    PlaceholderTypes types = new PlaceholderTypes(t.spec());
    Map<String, CodeBlock> out = new LinkedHashMap<>();
    scopes(b.keys("counter")).forEach((name, key) -> {
      TypeName type = types.type(key.pattern().placeholders().get(0).name());
      CodeBlock parsed = type.equals(TypeName.LONG) ? CodeBlock.of("$T.parseLong(v)", Long.class)
          : type.equals(TypeName.INT) ? CodeBlock.of("$T.parseInt(v)", Integer.class)
          : type.equals(ClassName.get(UUID.class)) ? CodeBlock.of("$T.fromString(v)", UUID.class)
          : CodeBlock.of("v");
      out.put(name, CodeBlock.of("new $T.Scope($S, v -> new $T($L).key())",
          t.support("RateLimits"), name, BruteForceWriter.keyClass(t, key), parsed));
    });
    return out;
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Map<String, CodeBlock> scopes = scopes(b, t);
    ClassName limits = t.support("RateLimits");
    ClassName decision = t.shared("Decision");
    List<CodeBlock> scopeList = new ArrayList<>(scopes.values());
    return t.skeleton(b, "GCRA rate limits in Redis: limit requests per period per bucket, "
            + "decided by one Lua script on one key, so parallel requests pass exactly limit "
            + "times, also on a Redis Cluster. Buckets: " + String.join(", ", scopes.keySet())
            + ".")
        .addField(Target.field(limits, "limits"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Limits over Redis.\n\n@param redis runs the scripts (JedisScripts, "
                + "LettuceScripts, or your client in one method)\n@param clock the time of "
                + "requests\n@param limit requests per period per bucket\n@param period the "
                + "period (e.g. the keys' TTL)\n")
            .addParameter(t.support("RedisScripts"), "redis").addParameter(Clock.class, "clock")
            .addParameter(TypeName.INT, "limit").addParameter(Duration.class, "period")
            .addStatement("this.limits = new $T(redis, clock, limit, period, $T.of($>\n$L$<))",
                limits, List.class, CodeBlock.join(scopeList, ",\n")).build())
        .addMethod(Target.override("tryAcquire").returns(decision)
            .addParameter(String.class, "bucket")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T.Result r = limits.acquire(bucket)", t.support("RateLimiter"))
            .addStatement("return new $T(r.allowed(), $T.reason(r))", decision, limits).build())
        .addMethod(Target.override("retryAfter").returns(Duration.class)
            .addParameter(String.class, "bucket")
            .addStatement("return limits.retryAfter(bucket)").build())
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
