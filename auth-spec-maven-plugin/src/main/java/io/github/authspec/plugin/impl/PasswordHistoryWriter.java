package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-history}: the last N password hashes per user; a candidate is checked against
 * each of them (all of them, so the time does not say which matched), and only N are kept.
 */
final class PasswordHistoryWriter extends Writer {
  PasswordHistoryWriter(String feature) {
    super(feature, "Db", "PasswordAlgorithm", "PasswordHasher", "Pbkdf2");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column hash = b.column("hash");
    Column user = b.column("user");
    Column at = b.column("createdAt");
    Table table = hash.table();
    Column pk = table.primaryKey();
    ClassName db = t.support("Db");
    ClassName hasher = t.support("PasswordHasher");
    return t.skeleton(b, "Blocks reuse of a user's last passwords; keeps only their hashes, "
            + "and only the last N.")
        .addField(Target.sql("RECENT", "The user's last N hashes, newest first.",
            t.sql().of("SELECT %s FROM %s WHERE %s = ? ORDER BY %s DESC, %s DESC LIMIT ?", hash,
                table, user, at, pk)))
        .addField(Target.sql("INSERT", "Records a hash.",
            t.sql().of("INSERT INTO %s (%s, %s, %s) VALUES (?, ?, ?)", table, user, hash, at)))
        .addField(Target.sql("PRUNE", "Deletes all but the user's last N hashes.",
            t.sql().of("DELETE FROM %s WHERE %s = ? AND %s NOT IN (SELECT %s FROM %s WHERE %s = ? "
                + "ORDER BY %s DESC, %s DESC LIMIT ?)", table, user, pk, pk, table, user, at,
                pk)))
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(hasher, "hasher"))
        .addField(Target.field(TypeName.INT, "keep"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A history in table {@code $L}.\n\n@param dataSource the database\n"
                + "@param clock stamps new entries\n@param hasher verifies candidates against "
                + "the stored hashes\n@param keep how many passwords to remember (e.g. 5)\n",
                table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(hasher, "hasher").addParameter(TypeName.INT, "keep")
            .beginControlFlow("if (keep < 1)")
            .addStatement("throw new $T($S)", IllegalArgumentException.class,
                "keep must be at least 1")
            .endControlFlow()
            .addStatement("this.db = new $T(dataSource)", db)
            .addStatement(Target.required("clock"))
            .addStatement(Target.required("hasher"))
            .addStatement("this.keep = keep").build())
        .addMethod(Target.override("wasUsedRecently").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(char[].class, "candidate")
            .addStatement("boolean used = false")
            .beginControlFlow("for ($T stored : db.query(RECENT, rs -> rs.getString(1), userId, "
                + "keep))", String.class)
            .addStatement("used |= hasher.verify(candidate, stored)")
            .endControlFlow()
            .addStatement("return used").build())
        .addMethod(Target.override("remember").addParameter(t.userId(), "userId")
            .addParameter(String.class, "passwordHash")
            .addStatement("db.transaction(c -> $T.update(c, INSERT, userId, passwordHash, "
                + "clock.instant()) + $T.update(c, PRUNE, userId, userId, keep))", db, db)
            .build())
        .build();
  }
}
