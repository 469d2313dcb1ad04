package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code email-password-login}: a thin class over {@code EmailPasswordLogin}, which holds the
 * statements and checks; this class names the bound table and columns, passes the password
 * rules, and ends the account's other credentials after a password change.
 */
final class EmailPasswordLoginWriter extends Writer {
  EmailPasswordLoginWriter(String feature) {
    super(feature, "CredentialException", "Db", "EmailAddress", "EmailPasswordLogin",
        "PasswordAlgorithm", "PasswordHasher", "PasswordPolicy", "Pbkdf2");
  }

  /** {@code new EmailPasswordLogin<>(dataSource, table, Id.class, clock, hasher, size)}. */
  static CodeBlock accounts(Binding b, Target t) {
    ClassName login = t.support("EmailPasswordLogin");
    return CodeBlock.of("new $T<>(dataSource,$W$L,$W$T.class, clock, hasher, $L)", login,
        table(login, b, "id", "id", "email", "passwordHash", "hashAlgorithm?",
            "passwordChangedAt?"), t.userId().box(), b.column("email").size().orElse(320));
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("id").name();
    ClassName login = t.support("EmailPasswordLogin");
    ClassName hasher = t.support("PasswordHasher");
    ClassName refused = t.support("CredentialException");
    ClassName result = t.shared("AuthResult");
    TypeName boxedId = t.userId().box();
    Optional<ClassName> policies = t.other(Features.PASSWORD_POLICIES);
    ClassName policyType = policies.orElse(t.support("PasswordPolicy"));
    CodeBlock rules = policies.isPresent()
        ? CodeBlock.of("candidate -> policy.violations(candidate, context)")
        : CodeBlock.of("candidate -> policy.violations(candidate, null, $T.of())", List.class);

    TypeSpec.Builder type = t.skeleton(b, "Sign-up and sign-in with an email address and a "
            + "password over table " + table + ": PHC hashes (PBKDF2-HMAC-SHA256 at "
            + "600,000 iterations by default), rehash on login when outdated, the same work for "
            + "unknown emails, and policy checks before anything is written.")
        .addField(Target.field(ParameterizedTypeName.get(login, boxedId), "accounts"))
        .addField(Target.field(policyType, "policy"));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Accounts in table {@code $L}.\n\n@param dataSource the database\n"
            + "@param clock stamps password changes\n@param hasher hashes and verifies "
            + "passwords\n@param policy the password rules\n", table)
        .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
        .addParameter(hasher, "hasher").addParameter(policyType, "policy")
        .addStatement("this.accounts = $L", accounts(b, t))
        .addStatement(Target.required("policy"));
    boolean ends = t.endsCredentials(type, constructor,
        d -> constructor.addJavadoc("$L", d));
    return type.addMethod(constructor.build())
        .addMethod(Target.override("register").returns(t.userId())
            .addParameter(String.class, "email").addParameter(char[].class, "password")
            .addParameter(t.shared("RequestContext"), "context")
            .addJavadoc("@throws $T {@code invalid-email}, {@code password-policy} or "
                + "{@code email-taken}; nothing was written\n", refused)
            .addStatement("return accounts.register(email, password, $L)", rules).build())
        .addMethod(Target.override("login").returns(result)
            .addParameter(String.class, "email").addParameter(char[].class, "password")
            .addParameter(t.shared("RequestContext"), "context")
            .addJavadoc("A failed result carries the user id when the account exists, for "
                + "lockout counting; never show it to the caller.\n")
            .addStatement("$T attempt = accounts.login(email, password)",
                ParameterizedTypeName.get(login.nestedClass("Attempt"), boxedId))
            .addStatement("return new $T(attempt.authenticated()$W? $T.Status.AUTHENTICATED"
                + "$W: $T.Status.FAILED,$Wattempt.userId(), null, null, $T.of())", result, result,
                result, List.class).build())
        .addMethod(Target.override("changePassword").addParameter(t.userId(), "userId")
            .addParameter(char[].class, "currentPassword")
            .addParameter(char[].class, "newPassword")
            .addParameter(t.shared("RequestContext"), "context")
            .addJavadoc("@throws $T {@code invalid-credentials}, {@code password-policy} or "
                + "{@code concurrent-change}; nothing was written\n", refused)
            .addStatement("accounts.changePassword(userId, currentPassword, newPassword, $L)",
                rules)
            .addCode(ends ? CodeBlock.builder().add("// A changed password ends every other "
                + "credential: whoever knew the old one is out.\n")
                .addStatement(t.endCredentials("userId", "PASSWORD_CHANGED")).build()
                : CodeBlock.of("")).build())
        .build();
  }
}
