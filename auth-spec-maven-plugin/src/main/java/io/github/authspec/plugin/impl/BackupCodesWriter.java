package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code backup-codes}: codes stored as keyed hashes; a code is used up by one UPDATE that
 * finds it unused, so of two requests with one code exactly one wins; new codes replace the
 * old ones in one transaction.
 */
final class BackupCodesWriter extends Writer {
  BackupCodesWriter(String feature) {
    super(feature, "BackupCodes", "Db");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column hash = b.column("hash");
    Column user = b.column("user");
    Column used = b.column("used");
    Optional<Column> usedAt = b.optional("usedAt");
    Table table = hash.table();
    ClassName db = t.support("Db");
    ClassName codes = t.support("BackupCodes");
    String redeem = usedAt.map(at -> t.sql().of("UPDATE %s SET %s = TRUE, %s = ? WHERE %s = ? "
            + "AND %s = ? AND %s = FALSE", table, used, at, user, hash, used))
        .orElse(t.sql().of("UPDATE %s SET %s = TRUE WHERE %s = ? AND %s = ? AND %s = FALSE",
            table, used, user, hash, used));
    return t.skeleton(b, "Single-use recovery codes over table " + table.name() + ", stored "
            + "as keyed hashes and used up atomically.")
        .addField(Target.sql("DELETE", "Removes a user's codes.",
            t.sql().of("DELETE FROM %s WHERE %s = ?", table, user)))
        .addField(Target.sql("INSERT", "Stores one code's hash.",
            t.sql().of("INSERT INTO %s (%s, %s, %s) VALUES (?, ?, FALSE)", table, user, hash,
                used)))
        .addField(Target.sql("REDEEM", "Uses up a code unless it was used.", redeem))
        .addField(Target.sql("REMAINING", "Counts a user's unused codes.",
            t.sql().of("SELECT count(*) FROM %s WHERE %s = ? AND %s = FALSE", table, user,
                used)))
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(codes, "codes"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Codes in table {@code $L}.\n\n@param dataSource the database\n@param "
                + "clock stamps redemptions\n@param codes makes and hashes codes (its key lives "
                + "outside the database)\n", table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(codes, "codes")
            .addStatement("this.db = new $T(dataSource)", db)
            .addStatement(Target.required("clock"))
            .addStatement(Target.required("codes")).build())
        .addMethod(Target.override("generate")
            .returns(ParameterizedTypeName.get(List.class, String.class))
            .addParameter(t.userId(), "userId")
            .addStatement("$T<$T> fresh = codes.generate()", List.class, String.class)
            .addStatement("db.transaction(c -> {\n$>$T.update(c, DELETE, userId);\n"
                + "for ($T code : fresh) {\n$>$T.update(c, INSERT, userId, codes.hash(code));\n"
                + "$<}\nreturn fresh.size();\n$<})", db, String.class, db)
            .addStatement("return fresh").build())
        .addMethod(Target.override("redeem").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T hashed = codes.hash(code)", String.class)
            .addStatement(usedAt.isPresent()
                ? "return hashed != null && db.update(REDEEM, clock.instant(), userId, hashed) == 1"
                : "return hashed != null && db.update(REDEEM, userId, hashed) == 1").build())
        .addMethod(Target.override("remaining").returns(TypeName.INT)
            .addParameter(t.userId(), "userId")
            .addStatement("return db.query(REMAINING, rs -> rs.getInt(1), userId).get(0)")
            .build())
        .build();
  }
}
