package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.RedisKey;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code brute-force-detection}: a thin class over {@code BruteForceDetector}, which counts
 * failures per address and per account in windowed Redis counters; this class builds the keys
 * from the spec's key classes.
 */
final class BruteForceWriter extends Writer {
  BruteForceWriter(String feature) {
    super(feature, "BruteForceDetector", "Counters", "RedisScripts");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName ipClass = keyClass(t, b.keys("ipCounter").get(0));
    Optional<ClassName> userClass = b.keys("userCounter").stream().findFirst()
        .map(k -> keyClass(t, k));
    ClassName detector = t.support("BruteForceDetector");
    CodeBlock userKey = userClass.map(k -> CodeBlock.of("userId.map(id -> new $T(id).key())", k))
        .orElse(CodeBlock.of("$T.empty()", Optional.class));
    TypeSpec.Builder type = t.skeleton(b, "Detects guessing: failures per address and per "
            + "account in windowed Redis counters; an address at the threshold is under attack.")
        .addField(Target.field(detector, "detector"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Counters over Redis.\n\n@param redis runs the scripts\n@param threshold "
                + "failures in a window that mean an attack\n@param window the counting window "
                + "(e.g. the keys' TTL)\n")
            .addParameter(t.support("RedisScripts"), "redis")
            .addParameter(TypeName.INT, "threshold").addParameter(Duration.class, "window")
            .addStatement("this.detector = new $T(redis, threshold, window)", detector).build())
        .addMethod(Target.override("recordAttempt").addParameter(String.class, "ip")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Optional.class),
                t.userId().box()), "userId")
            .addParameter(TypeName.BOOLEAN, "success")
            .addStatement("detector.recordAttempt(new $T(ip).key(), $L, success)", ipClass,
                userKey).build())
        .addMethod(Target.override("isUnderAttack").returns(TypeName.BOOLEAN)
            .addParameter(String.class, "ip")
            .addStatement("return detector.isUnderAttack(new $T(ip).key())", ipClass).build());
    userClass.ifPresent(k -> type.addMethod(MethodSpec.methodBuilder("isTargeted")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Whether an account collects failures from many attempts (stuffing).\n\n"
            + "@param userId the account\n@return whether it reached the threshold\n")
        .returns(TypeName.BOOLEAN).addParameter(t.userId(), "userId")
        .addStatement("return detector.isTargeted(new $T(userId).key())", k).build()));
    return type.build();
  }

  static ClassName keyClass(Target t, RedisKey key) {
    return ClassName.get(t.naming().cachePackage(), t.naming().keyClassName(key));
  }
}
