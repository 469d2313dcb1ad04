package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Table;
import java.time.Clock;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-history}: a thin class over {@code PasswordHistory}, which checks a candidate
 * against each of the last N hashes and keeps only N; this class names the bound columns.
 */
final class PasswordHistoryWriter extends Writer {
  PasswordHistoryWriter(String feature) {
    super(feature, "Db", "PasswordAlgorithm", "PasswordHasher", "Pbkdf2", "PasswordHistory");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Table table = b.column("hash").table();
    ClassName history = t.support("PasswordHistory");
    ClassName hasher = t.support("PasswordHasher");
    return t.skeleton(b, "Blocks reuse of a user's last passwords; keeps only their hashes, "
            + "and only the last N.")
        .addField(Target.field(history, "history"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A history in table {@code $L}.\n\n@param dataSource the database\n"
                + "@param clock stamps new entries\n@param hasher verifies candidates against "
                + "the stored hashes\n@param keep how many passwords to remember (e.g. 5)\n",
                table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(hasher, "hasher").addParameter(TypeName.INT, "keep")
            .addStatement("this.history = new $T(dataSource,$W$L,$Wclock, hasher, keep)",
                history, CodeBlock.of("new $T.Table($L,$W$S)", history, columns(b, "hash",
                    "user", "hash", "createdAt"), table.primaryKey().name()))
            .build())
        .addMethod(Target.override("wasUsedRecently").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(char[].class, "candidate")
            .addStatement("return history.wasUsedRecently(userId, candidate)").build())
        .addMethod(Target.override("remember").addParameter(t.userId(), "userId")
            .addParameter(String.class, "passwordHash")
            .addStatement("history.remember(userId, passwordHash)").build())
        .build();
  }
}
