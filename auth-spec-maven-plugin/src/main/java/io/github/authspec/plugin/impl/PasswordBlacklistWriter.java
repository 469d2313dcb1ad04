package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-blacklist}: a thin class over {@code PasswordBlocklist}, which keeps blocked
 * passwords by the upper-case hex SHA-1 of their NFKC form (the Pwned Passwords format); this
 * class names the bound columns.
 */
final class PasswordBlacklistWriter extends Writer {
  PasswordBlacklistWriter(String feature) {
    super(feature, "Db", "PasswordHasher", "PasswordPolicy", "PasswordBlocklist");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("hash").name();
    ClassName list = t.support("PasswordBlocklist");
    return t.skeleton(b, "A block list of breached and common passwords, stored as the "
            + "upper-case hex SHA-1 of the NFKC password (the Pwned Passwords format).")
        .addField(Target.field(list, "list"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A block list in table {@code $L}.\n\n@param dataSource the database\n",
                table)
            .addParameter(DataSource.class, "dataSource")
            .addStatement("this.list = new $T(dataSource,$W$L)", list,
                table(list, b, "hash", "hash", "source?")).build())
        .addMethod(Target.override("isBlacklisted").returns(TypeName.BOOLEAN)
            .addParameter(char[].class, "candidate")
            .addStatement("return list.isBlacklisted(candidate)").build())
        .addMethod(Target.override("add").addParameter(String.class, "passwordHash")
            .addParameter(String.class, "source")
            .addJavadoc("@throws IllegalArgumentException when the hash is not 40 hex digits\n")
            .addStatement("list.add(passwordHash, source)").build())
        .build();
  }
}
