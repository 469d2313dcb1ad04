package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.RedisKey;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code brute-force-detection}: failures counted per address (across accounts: spraying) and
 * per account (across addresses: stuffing) in windowed Redis counters, one script per count.
 */
final class BruteForceWriter extends Writer {
  BruteForceWriter(String feature) {
    super(feature, "Counters", "RedisScripts");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    RedisKey ipKey = b.keys("ipCounter").get(0);
    Optional<RedisKey> userKey = b.keys("userCounter").stream().findFirst();
    ClassName counters = t.support("Counters");
    ClassName ipClass = keyClass(t, ipKey);
    MethodSpec.Builder record = Target.override("recordAttempt")
        .addParameter(String.class, "ip")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Optional.class), t.userId().box()),
            "userId")
        .addParameter(TypeName.BOOLEAN, "success")
        .addComment("Successes do not reset: a sprayer succeeds now and then.")
        .beginControlFlow("if (success)").addStatement("return").endControlFlow()
        .addStatement("counters.increment(new $T(ip).key())", ipClass);
    userKey.ifPresent(k -> record.addStatement("userId.ifPresent(id -> counters.increment("
        + "new $T(id).key()))", keyClass(t, k)));
    TypeSpec.Builder type = t.skeleton(b, "Detects guessing: failures per address and per "
            + "account in windowed Redis counters; an address at the threshold is under attack.")
        .addField(Target.field(counters, "counters"))
        .addField(Target.field(TypeName.INT, "threshold"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Counters over Redis.\n\n@param redis runs the scripts\n@param threshold "
                + "failures in a window that mean an attack\n@param window the counting window "
                + "(e.g. the keys' TTL)\n")
            .addParameter(t.support("RedisScripts"), "redis")
            .addParameter(TypeName.INT, "threshold").addParameter(Duration.class, "window")
            .addStatement("this.counters = new $T(redis, window)", counters)
            .addStatement("this.threshold = threshold").build())
        .addMethod(record.build())
        .addMethod(Target.override("isUnderAttack").returns(TypeName.BOOLEAN)
            .addParameter(String.class, "ip")
            .addStatement("return counters.read(new $T(ip).key()) >= threshold", ipClass)
            .build());
    userKey.ifPresent(k -> type.addMethod(MethodSpec.methodBuilder("isTargeted")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Whether an account collects failures from many attempts (stuffing).\n\n"
            + "@param userId the account\n@return whether it reached the threshold\n")
        .returns(TypeName.BOOLEAN).addParameter(t.userId(), "userId")
        .addStatement("return counters.read(new $T(userId).key()) >= threshold", keyClass(t, k))
        .build()));
    return type.build();
  }

  private static ClassName keyClass(Target t, RedisKey key) {
    return ClassName.get(t.naming().cachePackage(), t.naming().keyClassName(key));
  }

}
