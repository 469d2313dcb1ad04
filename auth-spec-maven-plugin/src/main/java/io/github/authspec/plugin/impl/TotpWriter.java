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
 * Enrolling again must not disturb a confirmed factor until the new seed is itself confirmed,
 * and the user column may be unique: the secret column holds the confirmed sealed seed and,
 * after {@value #PENDING}, a pending one; confirmation replaces the whole value by one
 * compare-and-set.
 */
final class TotpWriter extends Writer {
  /** Separates the confirmed sealed seed from a pending one; no sealed text contains it. */
  static final String PENDING = ";";

  TotpWriter(String feature) {
    super(feature, "Base32", "Db", "Otp", "SecretBox");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Table table = b.table("secret");
    Column user = b.column("user");
    Column secret = b.column("secret");
    Column last = b.column("lastUsed");
    Column enabled = b.column("enabled");
    Optional<Column> confirmedAt = b.optional("confirmedAt");
    Sql sql = t.sql();
    String guard = sql.of("(%s IS NULL OR %s < ?)", last, last);
    String confirm = sql.of("UPDATE %s SET %s = ?, %s = TRUE, ", table, secret, enabled)
        + confirmedAt.map(c -> sql.of("%s = ?, ", c)).orElse("")
        + sql.of("%s = ? WHERE %s = ? AND %s = ? AND %s = ?", last, user, secret, enabled);
    String select = sql.of("SELECT %s, %s FROM %s WHERE %s = ?", secret, enabled, table, user);
    ClassName db = t.support("Db");
    ClassName otp = t.support("Otp");
    ClassName box = t.support("SecretBox");
    TypeSpec.Builder type = t.skeleton(b, "TOTP (RFC 6238) over table " + table.name()
            + ": enrolment with a sealed 160-bit seed and an otpauth:// URI, confirmation by a "
            + "first code, verification with one time step of drift either side, and no code "
            + "accepted twice (the matched step is recorded atomically).")
        .addField(Target.sql("DELETE", "Removes a user's secret.",
            sql.of("DELETE FROM %s WHERE %s = ?", table, user)))
        .addField(Target.sql("INSERT", "Stores a first, unconfirmed secret.",
            sql.of("INSERT INTO %s (%s, %s, %s) VALUES (?, ?, FALSE)", table, user, secret,
                enabled)))
        .addField(Target.sql("SELECT", "A user's secrets, and whether the first is confirmed.",
            select))
        .addField(Target.sql("LOCK", "The same, with the row locked for a new enrolment.",
            select + " FOR UPDATE"))
        .addField(Target.sql("PEND", "Sets the pending secret beside a confirmed one, or in "
            + "place of an unconfirmed one.",
            sql.of("UPDATE %s SET %s = ? WHERE %s = ?", table, secret, user)))
        .addField(Target.sql("CONSUME", "Records the matched step unless it or a later one "
                + "was used (the replay guard), and only while the seed that matched is the "
                + "confirmed one.",
            sql.of("UPDATE %s SET %s = ? WHERE %s = ? AND %s = TRUE AND (%s = ? OR %s LIKE ?) "
                + "AND ", table, last, user, enabled, secret, secret) + guard))
        .addField(Target.sql("CONFIRM", "Makes the pending seed the confirmed one unless the "
            + "row changed meanwhile; the confirming code's step is used up too.", confirm))
        .addField(FieldSpec.builder(String.class, "PENDING", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("Separates the confirmed sealed seed from a pending "
                + "one in the secret column; no sealed text contains it.\n")
            .initializer("$S", PENDING).build())
        .addType(row())
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
        .addMethod(enroll(t))
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

  /** A user's row: a confirmed seed with perhaps a pending one, or only a pending one. */
  private static TypeSpec row() {
    return TypeSpec.recordBuilder("Row").addModifiers(Modifier.PRIVATE)
        .addJavadoc("A user's row: the secret column's text and whether its first seed is "
            + "confirmed.\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "secret")
            .addParameter(TypeName.BOOLEAN, "enabled").build())
        .addMethod(MethodSpec.methodBuilder("confirmed").returns(String.class)
            .addJavadoc("The confirmed sealed seed, or null.\n")
            .addStatement("int at = secret == null ? -1 : secret.indexOf(PENDING)")
            .addStatement("return !enabled || secret == null ? null : at < 0 ? secret "
                + ": secret.substring(0, at)").build())
        .addMethod(MethodSpec.methodBuilder("pending").returns(String.class)
            .addJavadoc("The sealed seed awaiting confirmation, or null.\n")
            .addStatement("int at = secret == null ? -1 : secret.indexOf(PENDING)")
            .addStatement("return !enabled ? secret : at < 0 ? null : secret.substring(at + 1)")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("The sealed seeds are shown as {@code ***}.\n")
            .addStatement("return $S + enabled + $S", "Row[secret=***, enabled=", "]").build())
        .build();
  }

  private static MethodSpec enroll(Target t) {
    ClassName db = t.support("Db");
    return Target.override("enroll").returns(t.shared("Challenge"))
        .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"), "context")
        .addStatement("byte[] seed = otp.newSeed(random)")
        .beginControlFlow("try")
        .addStatement("String sealed = secrets.seal(seed, aad(userId))")
        .addComment("A confirmed seed stays in force until this one is confirmed; an earlier "
            + "pending one is replaced. No expiry.")
        .addCode("db.transaction(c -> {\n$>")
        .addStatement("$T<Row> rows = $T.query(c, LOCK, rs -> new Row(rs.getString(1), "
            + "rs.getBoolean(2)), userId)", List.class, db)
        .beginControlFlow("if (rows.isEmpty())")
        .addStatement("return $T.update(c, INSERT, userId, sealed)", db)
        .endControlFlow()
        .addStatement("String confirmed = rows.get(0).confirmed()")
        .addStatement("return $T.update(c, PEND, confirmed == null ? sealed : confirmed + "
            + "PENDING + sealed, userId)", db)
        .addCode("$<});\n")
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
        .addStatement("$T<Row> rows = db.query(SELECT, rs -> new Row(rs.getString(1), "
            + "rs.getBoolean(2)), userId)", List.class)
        .addStatement("Row row = rows.isEmpty() ? null : rows.get(0)")
        .addStatement("String sealed = row == null ? null : confirmed ? row.confirmed() "
            + ": row.pending()")
        .beginControlFlow("if (sealed == null)")
        .addStatement("return false")
        .endControlFlow()
        .addStatement("byte[] seed = secrets.open(sealed, aad(userId))")
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
    return CodeBlock.of("return (confirmed\n"
        + "    ? db.update(CONSUME, marker, userId, sealed, sealed + PENDING + $S, marker)\n"
        + "    : db.update(CONFIRM, sealed, $Lmarker, userId, row.secret(), row.enabled())) == 1",
        "%", confirmedAt ? "now, " : "");
  }

}
