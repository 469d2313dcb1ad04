package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code email-password-login}: register (policy first, one INSERT, so a refused registration
 * writes nothing), login (a dummy verification for unknown emails, rehash when the stored
 * parameters are outdated) and change password (compare-and-set on the old hash).
 */
final class EmailPasswordLoginWriter extends Writer {
  EmailPasswordLoginWriter(String feature) {
    super(feature, "CredentialException", "Db", "EmailAddress", "PasswordAlgorithm",
        "PasswordHasher", "PasswordPolicy", "Pbkdf2");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column id = b.column("id");
    Column email = b.column("email");
    Column hash = b.column("passwordHash");
    Optional<Column> algorithm = b.optional("hashAlgorithm");
    Optional<Column> changedAt = b.optional("passwordChangedAt");
    Table table = id.table();
    Sql sql = t.sql();
    ClassName db = t.support("Db");
    ClassName hasher = t.support("PasswordHasher");
    ClassName refused = t.support("CredentialException");
    ClassName result = t.shared("AuthResult");
    TypeName boxedId = t.userId().box();
    Optional<ClassName> policies = t.other("password-policies");
    ClassName policyType = policies.orElse(t.support("PasswordPolicy"));

    List<Column> written = new ArrayList<>(List.of(email, hash));
    algorithm.ifPresent(written::add);
    changedAt.ifPresent(written::add);
    List<Column> set = new ArrayList<>(List.of(hash));
    algorithm.ifPresent(set::add);
    changedAt.ifPresent(set::add);
    String insert = "INSERT INTO " + t.naming().sqlIdentifier(table.name()) + " ("
        + names(t, written) + ") VALUES (" + marks(written.size()) + ")"
        + sql.of(" RETURNING %s", id);
    String update = "UPDATE " + t.naming().sqlIdentifier(table.name()) + " SET "
        + assignments(t, set) + sql.of(" WHERE %s = ? AND %s = ?", id, hash);
    CodeBlock extra = CodeBlock.of("$L$L", algorithm.isPresent() ? ", hasher.algorithm()" : "",
        changedAt.isPresent() ? ", clock.instant()" : "");
    int size = email.size().orElse(320);

    TypeSpec.Builder type = t.skeleton(b, "Sign-up and sign-in with an email address and a "
            + "password over table " + table.name() + ": PHC hashes (PBKDF2-HMAC-SHA256 at "
            + "600,000 iterations by default), rehash on login when outdated, the same work for "
            + "unknown emails, and policy checks before anything is written.")
        .addField(Target.sql("INSERT", "Creates an account.", insert))
        .addField(Target.sql("BY_EMAIL", "An account's id and hash by email.",
            sql.of("SELECT %s, %s FROM %s WHERE %s = ?", id, hash, table, email)))
        .addField(Target.sql("BY_ID", "An account's hash.",
            sql.of("SELECT %s FROM %s WHERE %s = ?", hash, table, id)))
        .addField(Target.sql("SET_HASH", "Replaces the hash unless it changed meanwhile.", update))
        .addField(Target.field(db, "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addField(Target.field(hasher, "hasher"))
        .addField(Target.field(policyType, "policy"))
        .addType(TypeSpec.recordBuilder("Account").addModifiers(Modifier.PRIVATE)
            .addJavadoc("An account's id and stored hash.\n")
            .recordConstructor(MethodSpec.constructorBuilder().addParameter(boxedId, "id")
                .addParameter(String.class, "hash").build()).build());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Accounts in table {@code $L}.\n\n@param dataSource the database\n"
            + "@param clock stamps password changes\n@param hasher hashes and verifies "
            + "passwords\n@param policy the password rules\n", table.name())
        .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
        .addParameter(hasher, "hasher").addParameter(policyType, "policy")
        .addStatement("this.db = new $T(dataSource)", db)
        .addStatement(Target.required("clock"))
        .addStatement(Target.required("hasher"))
        .addStatement(Target.required("policy"));
    boolean ends = t.endsCredentials(type, constructor);
    type.addMethod(constructor.build());

    CodeBlock violations = policies.isPresent()
        ? CodeBlock.of("policy.violations(password, context)")
        : CodeBlock.of("policy.violations(password, null, $T.of())", List.class);
    type.addMethod(Target.override("register").returns(t.userId())
        .addParameter(String.class, "email").addParameter(char[].class, "password")
        .addParameter(t.shared("RequestContext"), "context")
        .addJavadoc("@throws $T {@code invalid-email}, {@code password-policy} or "
            + "{@code email-taken}; nothing was written\n", refused)
        .addStatement("$T address = $T.normalise(email, $L)", String.class,
            t.support("EmailAddress"), size)
        .beginControlFlow("if (address == null)")
        .addStatement("throw new $T($T.INVALID_EMAIL, $T.of())", refused, refused, List.class)
        .endControlFlow()
        .addStatement("$T<$T> broken = $L", List.class, String.class, violations)
        .beginControlFlow("if (!broken.isEmpty())")
        .addStatement("throw new $T($T.POLICY, broken)", refused, refused)
        .endControlFlow()
        .addStatement("$T hash = hasher.hash(password)", String.class)
        .beginControlFlow("try")
        .addStatement("return db.query(INSERT, rs -> rs.getObject(1, $T.class), address, hash$L)"
            + ".get(0)", boxedId, extra)
        .nextControlFlow("catch ($T e)", t.support("repository", "RepositoryException"))
        .beginControlFlow("if ($S.equals(e.sqlState()))", "23505")
        .addStatement("throw new $T($T.EMAIL_TAKEN, $T.of())", refused, refused, List.class)
        .endControlFlow()
        .addStatement("throw e")
        .endControlFlow().build());

    type.addMethod(Target.override("login").returns(result)
        .addParameter(String.class, "email").addParameter(char[].class, "password")
        .addParameter(t.shared("RequestContext"), "context")
        .addJavadoc("A failed result carries the user id when the account exists, for "
            + "lockout counting; never show it to the caller.\n")
        .addStatement("$T address = $T.normalise(email, $L)", String.class,
            t.support("EmailAddress"), size)
        .addStatement("$T<Account> rows = address == null ? $T.of()\n"
            + "    : db.query(BY_EMAIL, rs -> new Account(rs.getObject(1, $T.class), "
            + "rs.getString(2)), address)", List.class, List.class, boxedId)
        .beginControlFlow("if (rows.isEmpty() || rows.get(0).hash() == null)")
        .addComment("As slow as a wrong password, so timing does not tell which emails exist.")
        .addStatement("hasher.verifyDummy(password)")
        .addStatement("return new $T($T.Status.FAILED, null, null, null, $T.of())", result,
            result, List.class)
        .endControlFlow()
        .addStatement("Account account = rows.get(0)")
        .beginControlFlow("if (!hasher.verify(password, account.hash()))")
        .addStatement("return new $T($T.Status.FAILED, account.id(), null, null, $T.of())",
            result, result, List.class)
        .endControlFlow()
        .beginControlFlow("if (hasher.needsRehash(account.hash()))")
        .addComment("Outdated parameters or a legacy scheme: upgrade while the password is here.")
        .addStatement("db.update(SET_HASH, hasher.hash(password)$L, account.id(), "
            + "account.hash())", extra)
        .endControlFlow()
        .addStatement("return new $T($T.Status.AUTHENTICATED, account.id(), null, null, "
            + "$T.of())", result, result, List.class).build());

    type.addMethod(Target.override("changePassword").addParameter(t.userId(), "userId")
        .addParameter(char[].class, "currentPassword").addParameter(char[].class, "newPassword")
        .addParameter(t.shared("RequestContext"), "context")
        .addJavadoc("@throws $T {@code invalid-credentials}, {@code password-policy} or "
            + "{@code concurrent-change}; nothing was written\n", refused)
        .addStatement("$T<$T> rows = db.query(BY_ID, rs -> rs.getString(1), userId)", List.class,
            String.class)
        .addStatement("$T stored = rows.isEmpty() ? null : rows.get(0)", String.class)
        .beginControlFlow("if (stored == null)")
        .addStatement("hasher.verifyDummy(currentPassword)")
        .addStatement("throw new $T($T.INVALID_CREDENTIALS, $T.of())", refused, refused,
            List.class)
        .endControlFlow()
        .beginControlFlow("if (!hasher.verify(currentPassword, stored))")
        .addStatement("throw new $T($T.INVALID_CREDENTIALS, $T.of())", refused, refused,
            List.class)
        .endControlFlow()
        .addStatement("char[] password = newPassword")
        .addStatement("$T<$T> broken = $L", List.class, String.class, violations)
        .beginControlFlow("if (!broken.isEmpty())")
        .addStatement("throw new $T($T.POLICY, broken)", refused, refused)
        .endControlFlow()
        .beginControlFlow("if (db.update(SET_HASH, hasher.hash(newPassword)$L, userId, stored) "
            + "!= 1)", extra)
        .addStatement("throw new $T($T.CONCURRENT_CHANGE, $T.of())", refused, refused,
            List.class)
        .endControlFlow()
        .addCode(ends ? CodeBlock.builder().add("// A changed password ends every other "
            + "credential: whoever knew the old one is out.\n")
            .addStatement(t.endCredentials("userId", "PASSWORD_CHANGED")).build()
            : CodeBlock.of("")).build());
    return type.build();
  }

  private static String names(Target t, List<Column> columns) {
    return String.join(", ", columns.stream().map(c -> t.naming().sqlIdentifier(c.name()))
        .toList());
  }

  private static String assignments(Target t, List<Column> columns) {
    return String.join(", ", columns.stream().map(c -> t.naming().sqlIdentifier(c.name())
        + " = ?").toList());
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
