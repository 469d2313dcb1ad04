package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code hardware-tokens}: OATH HOTP key fobs (RFC 4226) with a look-ahead window of 10; the
 * counter moves past the matched value by one compare-and-set UPDATE, so a code works once.
 * Seeds come from a seed column (sealed) or, as in the seed spec, from the vendor's seed file
 * through {@code TokenSeeds}.
 */
final class HardwareTokensWriter extends Writer {
  HardwareTokensWriter(String feature) {
    super(feature, "Db", "Otp", "Base32", "TokenSeeds");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column serial = b.column("serial");
    Column user = b.column("user");
    Column counter = b.column("counter");
    Optional<Column> lastUsed = b.optional("lastUsedAt");
    Optional<Column> revoked = b.optional("revokedAt");
    Optional<Column> kind = b.optional("type");
    Table table = serial.table();
    Sql sql = t.sql();
    ClassName db = t.support("Db");
    ClassName otp = t.support("Otp");
    ClassName seeds = t.support("TokenSeeds");
    String live = revoked.map(r -> sql.of(" AND %s IS NULL", r)).orElse("");
    String advance = sql.of("UPDATE %s SET %s = ?", table, counter)
        + lastUsed.map(c -> sql.of(", %s = ?", c)).orElse("")
        + sql.of(" WHERE %s = ? AND %s = ? AND COALESCE(%s, 0) <= ?", serial, user, counter)
        + live;
    String unregister = revoked.map(r -> sql.of("UPDATE %s SET %s = ? WHERE %s = ? AND %s = ?",
            table, r, user, serial)).orElse(sql.of("DELETE FROM %s WHERE %s = ? AND %s = ?",
            table, user, serial));
    return t.skeleton(b, "HOTP hardware tokens (RFC 4226) over table " + table.name()
            + ": a look-ahead window of 10, and the counter advanced atomically past the "
            + "matched value, so no code is accepted twice.")
        .addField(Target.sql("INSERT", "Assigns a token.", kind.map(k -> sql.of("INSERT INTO %s "
            + "(%s, %s, %s, %s) VALUES (?, ?, 0, 'hotp')", table, user, serial, counter, k))
            .orElse(sql.of("INSERT INTO %s (%s, %s, %s) VALUES (?, ?, 0)", table, user, serial,
                counter))))
        .addField(Target.sql("TOKENS", "A user's live tokens and their next counters.",
            sql.of("SELECT %s, COALESCE(%s, 0) FROM %s WHERE %s = ?", serial, counter, table,
                user) + live))
        .addField(Target.sql("ADVANCE", "Moves the counter past a matched value unless it "
            + "moved already.", advance))
        .addField(Target.sql("UNREGISTER", "Removes a token from a user.", unregister))
        .addField(com.palantir.javapoet.FieldSpec.builder(TypeName.INT, "LOOK_AHEAD",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Counters tried past the expected one (RFC 4226 §7.2).\n")
            .initializer("10").build())
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(seeds, "seeds"))
        .addField(Target.field(otp, "otp"))
        .addType(TypeSpec.recordBuilder("Token").addModifiers(Modifier.PRIVATE)
            .addJavadoc("A token's serial and next counter.\n")
            .recordConstructor(MethodSpec.constructorBuilder()
                .addParameter(String.class, "serial").addParameter(TypeName.LONG, "counter")
                .build()).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Tokens in table {@code $L}.\n\n@param dataSource the database\n@param "
                + "clock stamps use\n@param seeds the tokens' seeds by serial (the vendor's "
                + "seed file)\n", table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(seeds, "seeds")
            .addStatement("this.db = new $T(dataSource)", db)
            .addStatement(Target.required("clock"))
            .addStatement(Target.required("seeds"))
            .addStatement("this.otp = $T.standard()", otp).build())
        .addMethod(Target.override("register").addParameter(t.userId(), "userId")
            .addParameter(String.class, "serial").addParameter(t.shared("RequestContext"),
                "context")
            .addStatement("db.update(INSERT, userId, serial)").build())
        .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T<Token> tokens = db.query(TOKENS, rs -> new Token(rs.getString(1), "
                + "rs.getLong(2)), userId)", List.class)
            .beginControlFlow("for (Token token : tokens)")
            .addStatement("$T<byte[]> seed = seeds.seed(token.serial())", Optional.class)
            .beginControlFlow("if (seed.isEmpty())").addStatement("continue").endControlFlow()
            .addComment("The store may hand out its own array: wipe a copy, never the original.")
            .addStatement("byte[] key = seed.get().clone()")
            .addStatement("$T match", OptionalLong.class)
            .beginControlFlow("try")
            .addStatement("match = otp.matchCounter(key, code, token.counter(), LOOK_AHEAD)")
            .nextControlFlow("finally")
            .addStatement("$T.fill(key, (byte) 0)", java.util.Arrays.class)
            .endControlFlow()
            .beginControlFlow("if (match.isPresent())")
            .addStatement(advance(lastUsed.isPresent()))
            .endControlFlow()
            .endControlFlow()
            .addStatement("return false").build())
        .addMethod(Target.override("unregister").addParameter(t.userId(), "userId")
            .addParameter(String.class, "serial")
            .addStatement(revoked.isPresent() ? "db.update(UNREGISTER, clock.instant(), userId, "
                + "serial)" : "db.update(UNREGISTER, userId, serial)").build())
        .build();
  }

  private static CodeBlock advance(boolean lastUsed) {
    return CodeBlock.of("return db.update(ADVANCE, match.getAsLong() + 1$L, token.serial(), "
        + "userId, match.getAsLong()) == 1", lastUsed ? ", clock.instant()" : "");
  }
}
