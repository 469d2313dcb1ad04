package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code account-lockout}: one UPDATE counts a failure and sets the lock from the new count, so
 * parallel failures are counted exactly and lock exactly as the policy says.
 */
final class AccountLockoutWriter extends Writer {
  AccountLockoutWriter(String feature) {
    super(feature, "Db", "LockoutPolicy");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column id = b.column("id");
    Column failures = b.column("failures");
    Column until = b.column("lockedUntil");
    Optional<Column> at = b.optional("lockedAt");
    Table table = id.table();
    Sql sql = t.sql();
    ClassName db = t.support("Db");
    ClassName policy = t.support("LockoutPolicy");
    String time = t.timeParameter();
    String lock = sql.of("CASE WHEN %s + 1 >= ? THEN " + time + " + LEAST(CAST(? AS "
        + "double precision), CAST(? AS double precision) * POWER(2, LEAST(%s + 1 - ?, ?))) "
        + "* INTERVAL '1 millisecond' ELSE %s END", failures, failures, until);
    String record = sql.of("UPDATE %s SET %s = %s + 1, %s = ", table, failures, failures, until)
        + lock + at.map(c -> sql.of(", %s = CASE WHEN %s + 1 = ? THEN " + time
            + " ELSE %s END", c, failures, c)).orElse("") + sql.of(" WHERE %s = ?", id);
    String reset = sql.of("UPDATE %s SET %s = 0, %s = NULL", table, failures, until)
        + at.map(c -> sql.of(", %s = NULL", c)).orElse("") + sql.of(" WHERE %s = ?", id);
    return t.skeleton(b, "Locks an account after repeated failures, for growing periods "
            + "(LockoutPolicy), counted atomically in table " + table.name() + ".")
        .addField(Target.sql("RECORD_FAILURE", "Counts a failure and locks from the new count, "
            + "in one statement.", record))
        .addField(Target.sql("RESET", "Clears the counter and the lock.", reset))
        .addField(Target.sql("LOCKED_UNTIL", "The lock's end, if it is still ahead.",
            sql.of("SELECT %s FROM %s WHERE %s = ? AND %s > ?", until, table, id, until)))
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(policy, "policy"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Lockout over table {@code $L}.\n\n@param dataSource the database\n"
                + "@param clock the time of failures and locks\n@param policy when and how long "
                + "to lock ({@code LockoutPolicy.standard()}: 5 failures, then 1 minute, "
                + "doubling, at most 15)\n", table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(policy, "policy")
            .addStatement("this.db = new $T(dataSource)", db)
            .addStatement(Target.required("clock"))
            .addStatement(Target.required("policy")).build())
        .addMethod(Target.override("recordFailure").addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T now = clock.instant()", Instant.class)
            .addStatement(at.isPresent()
                ? "db.update(RECORD_FAILURE, policy.threshold(), now, policy.maxLock().toMillis(), "
                    + "policy.firstLock().toMillis(), policy.threshold(), $T.MAX_DOUBLINGS,\n"
                    + "    policy.threshold(), now, userId)"
                : "db.update(RECORD_FAILURE, policy.threshold(), now, policy.maxLock().toMillis(), "
                    + "policy.firstLock().toMillis(), policy.threshold(), $T.MAX_DOUBLINGS, "
                    + "userId)", policy).build())
        .addMethod(MethodSpec.methodBuilder("recordSuccess").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Clears the counter after a successful login.\n\n@param userId the "
                + "user's id\n")
            .addParameter(t.userId(), "userId")
            .addStatement("db.update(RESET, userId)").build())
        .addMethod(Target.override("lockedUntil")
            .returns(ParameterizedTypeName.get(Optional.class, Instant.class))
            .addParameter(t.userId(), "userId")
            .addStatement("return db.query(LOCKED_UNTIL, rs -> $T.instant(rs, $S), userId, "
                + "clock.instant()).stream().findFirst()", db, until.name()).build())
        .addMethod(Target.override("unlock").addParameter(t.userId(), "userId")
            .addParameter(t.userId(), "by")
            .addComment("Who unlocked belongs in the audit log; this table has no column for it.")
            .addStatement("db.update(RESET, userId)").build())
        .build();
  }
}
