package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code account-lockout}: a thin class over {@code AccountLockout}, whose one UPDATE counts a
 * failure and sets the lock from the new count; this class names the bound columns and the
 * time columns' SQL type.
 */
final class AccountLockoutWriter extends Writer {
  AccountLockoutWriter(String feature) {
    super(feature, "AccountLockout", "Db", "LockoutPolicy");
  }

  /** The {@code AccountLockout.Table} of the bound columns. */
  static CodeBlock mapping(Binding b, Target t) {
    return CodeBlock.of("new $T.Table($L,$W$S)", t.support("AccountLockout"),
        columns(b, "id", "id", "failures", "lockedUntil", "lockedAt?"), t.timeType());
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("id").name();
    ClassName lockout = t.support("AccountLockout");
    ClassName policy = t.support("LockoutPolicy");
    CodeBlock mapping = mapping(b, t);
    return t.skeleton(b, "Locks an account after repeated failures, for growing periods "
            + "(LockoutPolicy), counted atomically in table " + table + ".")
        .addField(Target.field(lockout, "lockout"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Lockout over table {@code $L}.\n\n@param dataSource the database\n"
                + "@param clock the time of failures and locks\n@param policy when and how long "
                + "to lock ({@code LockoutPolicy.standard()}: 5 failures, then 1 minute, "
                + "doubling, at most 15)\n", table)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(policy, "policy")
            .addStatement("this.lockout = new $T(dataSource,$W$L,$Wclock, policy)", lockout,
                mapping)
            .build())
        .addMethod(Target.override("recordFailure").addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("lockout.recordFailure(userId)").build())
        .addMethod(MethodSpec.methodBuilder("recordSuccess").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Clears the counter after a successful login.\n\n@param userId the "
                + "user's id\n")
            .addParameter(t.userId(), "userId")
            .addStatement("lockout.reset(userId)").build())
        .addMethod(Target.override("lockedUntil")
            .returns(ParameterizedTypeName.get(Optional.class, Instant.class))
            .addParameter(t.userId(), "userId")
            .addStatement("return lockout.lockedUntil(userId)").build())
        .addMethod(Target.override("unlock").addParameter(t.userId(), "userId")
            .addParameter(t.userId(), "by")
            .addComment("Who unlocked belongs in the audit log; this table has no column for it.")
            .addStatement("lockout.reset(userId)").build())
        .build();
  }
}
