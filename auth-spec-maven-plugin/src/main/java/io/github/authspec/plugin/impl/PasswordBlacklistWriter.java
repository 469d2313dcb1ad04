package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-blacklist}: blocked passwords by the upper-case hex SHA-1 of their NFKC form,
 * the format of the Pwned Passwords downloads, so a breached-password list loads as it is.
 */
final class PasswordBlacklistWriter extends Writer {
  PasswordBlacklistWriter(String feature) {
    super(feature, "Db", "PasswordHasher", "PasswordPolicy");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column hash = b.column("hash");
    Table table = hash.table();
    Optional<Column> source = b.optional("source");
    ClassName db = t.support("Db");
    String insert = source.map(s -> t.sql().of("INSERT INTO %s (%s, %s) SELECT ?, ? WHERE NOT "
            + "EXISTS (SELECT 1 FROM %s WHERE %s = ?)", table, hash, s, table, hash))
        .orElse(t.sql().of("INSERT INTO %s (%s) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM %s "
            + "WHERE %s = ?)", table, hash, table, hash));
    return t.skeleton(b, "A block list of breached and common passwords, stored as the "
            + "upper-case hex SHA-1 of the NFKC password (the Pwned Passwords format).")
        .addField(Target.sql("EXISTS", "Whether a hash is listed.",
            t.sql().of("SELECT 1 FROM %s WHERE %s = ?", table, hash)))
        .addField(Target.sql("INSERT", "Lists a hash once.", insert))
        .addField(Target.field(db, "db"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A block list in table {@code $L}.\n\n@param dataSource the database\n",
                table.name())
            .addParameter(DataSource.class, "dataSource")
            .addStatement("this.db = new $T(dataSource)", db).build())
        .addMethod(Target.override("isBlacklisted").returns(TypeName.BOOLEAN)
            .addParameter(char[].class, "candidate")
            .beginControlFlow("if (candidate == null || candidate.length > $T.MAX_LENGTH)",
                t.support("PasswordHasher"))
            .addStatement("return false")
            .endControlFlow()
            .addStatement("$T normal = $T.normalize($T.wrap(candidate), $T.Form.NFKC)",
                String.class, Normalizer.class, CharBuffer.class, Normalizer.class)
            .addStatement("return !db.query(EXISTS, rs -> 1, $T.blocklistHash(normal)).isEmpty()",
                t.support("PasswordPolicy")).build())
        .addMethod(Target.override("add").addParameter(String.class, "passwordHash")
            .addParameter(String.class, "source")
            .addJavadoc("@throws IllegalArgumentException when the hash is not 40 hex digits\n")
            .beginControlFlow("if (passwordHash == null || !passwordHash.matches($S))",
                "[0-9A-Fa-f]{40}")
            .addStatement("throw new $T($S)", IllegalArgumentException.class,
                "a block-list entry is the hex SHA-1 of a password (40 hex digits)")
            .endControlFlow()
            .addStatement("$T upper = passwordHash.toUpperCase($T.ROOT)", String.class,
                Locale.class)
            .addStatement(source.isPresent() ? "db.update(INSERT, upper, source, upper)"
                : "db.update(INSERT, upper, upper)").build())
        .build();
  }
}
