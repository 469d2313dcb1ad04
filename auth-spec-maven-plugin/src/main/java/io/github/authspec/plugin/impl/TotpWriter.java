package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;
import io.github.authspec.model.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code totp} (RFC 6238): a 160-bit seed sealed with AES-256-GCM, the {@code otpauth://} URI,
 * one step of drift either side, and a replay guard: the matched step is recorded by one
 * {@code UPDATE ... WHERE last < step}, so of two requests with one code exactly one wins.
 */
final class TotpWriter implements Writer {
  @Override
  public String feature() {
    return "totp";
  }

  @Override
  public List<String> support() {
    return List.of("Base32", "Db", "Otp", "SecretBox");
  }

  @Override
  public TypeSpec write(Binding b, Target t) {
    Table table = b.table("secret");
    Column user = b.column("user");
    Column secret = b.column("secret");
    Column last = b.column("lastUsed");
    Column enabled = b.column("enabled");
    Optional<Column> confirmedAt = b.optional("confirmedAt");
    Sql sql = t.sql();
    String guard = sql.of("(%s IS NULL OR %s < ?)", last, last);
    String confirm = confirmedAt.map(c -> sql.of("UPDATE %s SET %s = TRUE, %s = ?, %s = ? "
            + "WHERE %s = ? AND %s = FALSE AND ", table, enabled, c, last, user, enabled) + guard)
        .orElse(sql.of("UPDATE %s SET %s = TRUE, %s = ? WHERE %s = ? AND %s = FALSE AND ",
            table, enabled, last, user, enabled) + guard);
    ClassName db = t.support("Db");
    ClassName otp = t.support("Otp");
    ClassName box = t.support("SecretBox");
    TypeSpec.Builder type = t.skeleton(b, "TOTP (RFC 6238) over table " + table.name()
            + ": enrolment with a sealed 160-bit seed and an otpauth:// URI, confirmation by a "
            + "first code, verification with one time step of drift either side, and no code "
            + "accepted twice (the matched step is recorded atomically).")
        .addField(Target.sql("DELETE", "Removes a user's secret.",
            sql.of("DELETE FROM %s WHERE %s = ?", table, user)))
        .addField(Target.sql("INSERT", "Stores a new, unconfirmed secret.",
            sql.of("INSERT INTO %s (%s, %s, %s) VALUES (?, ?, FALSE)", table, user, secret,
                enabled)))
        .addField(Target.sql("SELECT", "The sealed secret of a user, confirmed or not.",
            sql.of("SELECT %s FROM %s WHERE %s = ? AND %s = ?", secret, table, user, enabled)))
        .addField(Target.sql("CONSUME", "Records the matched step unless it or a later one "
                + "was used: the replay guard.",
            sql.of("UPDATE %s SET %s = ? WHERE %s = ? AND %s = TRUE AND ", table, last, user,
                enabled) + guard))
        .addField(Target.sql("CONFIRM", "Confirms an enrolment; the confirming code's step is "
            + "used up too.", confirm))
        .addField(FieldSpec.builder(TypeName.INT, "DRIFT", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Time steps accepted either side of now (RFC 6238 "
                + "§5.2).\n").initializer("1").build())
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(box, "secrets"))
        .addField(Target.field(ClassName.get(SecureRandom.class), "random"))
        .addField(Target.field(ClassName.get(String.class), "issuer"))
        .addField(Target.field(otp, "otp"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An implementation over a database.\n\n@param dataSource the database "
                + "with table {@code $L}\n@param clock the time of verification\n@param secrets "
                + "seals the seeds (its key lives outside the database)\n@param random the seed "
                + "source\n@param issuer the service name shown in authenticator apps\n",
                table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(box, "secrets").addParameter(SecureRandom.class, "random")
            .addParameter(String.class, "issuer")
            .addStatement("this.db = new $T(dataSource)", db)
            .addStatement("this.clock = $T.requireNonNull(clock, $S)", java.util.Objects.class,
                "clock")
            .addStatement("this.secrets = $T.requireNonNull(secrets, $S)",
                java.util.Objects.class, "secrets")
            .addStatement("this.random = $T.requireNonNull(random, $S)", java.util.Objects.class,
                "random")
            .addStatement("this.issuer = $T.requireNonNull(issuer, $S)", java.util.Objects.class,
                "issuer")
            .addStatement("this.otp = $T.standard()", otp).build())
        .addMethod(enroll(t, otp))
        .addMethod(Target.override("confirmEnrollment").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return accept(userId, code, false)").build())
        .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return accept(userId, code, true)").build())
        .addMethod(Target.override("disable").addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("db.update(DELETE, userId)").build())
        .addMethod(accept(t, last, confirmedAt.isPresent()))
        .addMethod(MethodSpec.methodBuilder("aad").addModifiers(Modifier.PRIVATE,
                Modifier.STATIC).returns(String.class).addParameter(t.userId(), "userId")
            .addJavadoc("Binds a sealed seed to its owner, so it cannot be copied to another "
                + "user's row.\n")
            .addStatement("return $S + userId", "totp:").build());
    return type.build();
  }

  private static MethodSpec enroll(Target t, ClassName otp) {
    return Target.override("enroll").returns(t.shared("Challenge"))
        .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"), "context")
        .addStatement("byte[] seed = otp.newSeed(random)")
        .beginControlFlow("try")
        .addStatement("String sealed = secrets.seal(seed, aad(userId))")
        .addStatement("db.transaction(c -> $T.update(c, DELETE, userId) + $T.update(c, INSERT, "
            + "userId, sealed))", t.support("Db"), t.support("Db"))
        .addComment("No expiry: a new enrolment replaces an unconfirmed one.")
        .addStatement("return new $T(aad(userId), otp.uri(issuer, $T.valueOf(userId), seed), "
            + "null)", t.shared("Challenge"), String.class)
        .nextControlFlow("finally")
        .addStatement("$T.fill(seed, (byte) 0)", Arrays.class)
        .endControlFlow().build();
  }

  private static MethodSpec accept(Target t, Column last, boolean confirmedAt) {
    CodeBlock marker = last.type() == SqlType.TIMESTAMP
        ? CodeBlock.of("otp.stepStart(step.getAsLong())")
        : CodeBlock.of("step.getAsLong()");
    return MethodSpec.methodBuilder("accept").addModifiers(Modifier.PRIVATE)
        .returns(TypeName.BOOLEAN).addParameter(t.userId(), "userId")
        .addParameter(String.class, "code").addParameter(TypeName.BOOLEAN, "confirmed")
        .addJavadoc("Verifies {@code code} against the user's confirmed (or pending) seed and "
            + "uses up its time step.\n")
        .addStatement("$T now = clock.instant()", Instant.class)
        .addStatement("$T<$T> sealed = db.query(SELECT, rs -> rs.getString(1), userId, "
            + "confirmed)", List.class, String.class)
        .beginControlFlow("if (sealed.isEmpty())")
        .addStatement("return false")
        .endControlFlow()
        .addStatement("byte[] seed = secrets.open(sealed.get(0), aad(userId))")
        .beginControlFlow("try")
        .addStatement("$T step = otp.matchStep(seed, code, now, DRIFT)", OptionalLong.class)
        .beginControlFlow("if (step.isEmpty())")
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$T marker = $L", last.type() == SqlType.TIMESTAMP
            ? ClassName.get(Instant.class) : TypeName.LONG.box(), marker)
        .addStatement(confirmed(confirmedAt))
        .nextControlFlow("finally")
        .addStatement("$T.fill(seed, (byte) 0)", Arrays.class)
        .endControlFlow().build();
  }

  private static CodeBlock confirmed(boolean confirmedAt) {
    return confirmedAt
        ? CodeBlock.of("return (confirmed ? db.update(CONSUME, marker, userId, marker)\n"
            + "    : db.update(CONFIRM, now, marker, userId, marker)) == 1")
        : CodeBlock.of("return (confirmed ? db.update(CONSUME, marker, userId, marker)\n"
            + "    : db.update(CONFIRM, marker, userId, marker)) == 1");
  }

}
