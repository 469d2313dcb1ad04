package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The features that read or set one or two columns of the account row:
 * {@code password-expiration}, {@code force-password-change} and {@code mfa-grace-period}, each
 * a thin class over its support class ({@code PasswordExpiry}, {@code ForcedPasswordChange},
 * {@code MfaGracePeriod}).
 */
final class AccountFlagsWriters {
  private AccountFlagsWriters() {}

  /** The skeleton, the delegate's field and the constructor over a data source and a clock. */
  private static TypeSpec.Builder over(Binding b, Target t, ClassName type, String summary) {
    return t.skeleton(b, summary + " Over table " + b.table("id").name() + ", through the "
        + "support class " + type.simpleName() + ".").addField(Target.field(type, "delegate"));
  }

  private static MethodSpec.Builder constructor(Binding b, String extraDoc) {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Over table {@code $L}.\n\n@param dataSource the database\n@param clock "
            + "the time\n$L", b.table("id").name(), extraDoc)
        .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock");
  }

  private static MethodSpec.Builder deadline(Target t, String name) {
    return Target.override(name).returns(ParameterizedTypeName.get(Optional.class,
        Instant.class)).addParameter(t.userId(), "userId")
        .addStatement("return delegate.$N(userId)", name);
  }

  private static MethodSpec.Builder check(Target t, String name) {
    return Target.override(name).returns(TypeName.BOOLEAN).addParameter(t.userId(), "userId")
        .addParameter(t.shared("RequestContext"), "context")
        .addStatement("return delegate.$N(userId)", name);
  }

  private static MethodSpec extra(Target t, String name, String doc) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n\n@param userId the user's id\n", doc).addParameter(t.userId(), "userId")
        .addStatement("delegate.$N(userId)", name).build();
  }

  /** {@code password-expiration}: an explicit expiry, or a maximum age when one is set. */
  static final class Expiration extends Writer {
    Expiration(String feature) {
      super(feature, "PasswordExpiry", "AccountDeadline", "Db");
    }

    /** The {@code PasswordExpiry.Table} of the bound columns. */
    static CodeBlock mapping(Binding b, Target t) {
      return table(t.support("PasswordExpiry"), b, "id", "id", "expiresAt", "changedAt?");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName type = t.support("PasswordExpiry");
      return over(b, t, type, "Password expiry. NIST SP 800-63B advises against periodic "
          + "expiry: by default a password expires only when expireNow marks it (on evidence "
          + "of compromise); a maximum age is opt-in.")
          .addMethod(constructor(b, "@param maxAge a maximum age counted from the last change, "
              + "or null for none (NIST's advice)\n").addParameter(Duration.class, "maxAge")
              .addStatement("this.delegate = new $T(dataSource,$W$L,$Wclock, maxAge)", type,
                  mapping(b, t)).build())
          .addMethod(deadline(t, "expiresAt").build())
          .addMethod(check(t, "isExpired").build())
          .addMethod(extra(t, "expireNow", "Expires the password now, e.g. on evidence of "
              + "compromise.")).build();
    }
  }

  /** {@code force-password-change}: a flag set by an administrator, cleared on change. */
  static final class ForceChange extends Writer {
    ForceChange(String feature) {
      super(feature, "ForcedPasswordChange", "Db");
    }

    /** The {@code ForcedPasswordChange.Table} of the bound columns. */
    static CodeBlock mapping(Binding b, Target t) {
      return table(t.support("ForcedPasswordChange"), b, "id", "id", "required");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName type = t.support("ForcedPasswordChange");
      return over(b, t, type, "A password change required at next login.")
          .addMethod(constructor(b, "").addStatement("$T.requireNonNull(clock, $S)",
                  java.util.Objects.class, "clock")
              .addStatement("this.delegate = new $T(dataSource,$W$L)", type,
                  mapping(b, t)).build())
          .addMethod(Target.override("require").addParameter(t.userId(), "userId")
              .addParameter(String.class, "reason")
              .addComment("The reason belongs in the audit log; the table has no column for it.")
              .addStatement("delegate.require(userId)").build())
          .addMethod(Target.override("isRequired").returns(TypeName.BOOLEAN)
              .addParameter(t.userId(), "userId")
              .addStatement("return delegate.isRequired(userId)").build())
          .addMethod(extra(t, "clear", "Clears the flag once the password was changed."))
          .build();
    }
  }

  /** {@code mfa-grace-period}: an explicit end, or account creation plus the grace period. */
  static final class GracePeriod extends Writer {
    GracePeriod(String feature) {
      super(feature, "MfaGracePeriod", "AccountDeadline", "Db");
    }

    /** The {@code MfaGracePeriod.Table} of the bound columns. */
    static CodeBlock mapping(Binding b, Target t) {
      return table(t.support("MfaGracePeriod"), b, "id", "id", "graceUntil", "createdAt?");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName type = t.support("MfaGracePeriod");
      return over(b, t, type, "A grace period before MFA enrolment is enforced, counted from "
          + "account creation unless set explicitly; users cannot renew it.")
          .addMethod(constructor(b, "@param grace the grace period from account creation "
              + "(e.g. 7 days)\n").addParameter(Duration.class, "grace")
              .addStatement("this.delegate = new $T(dataSource,$W$L,$Wclock, grace)", type,
                  mapping(b, t)).build())
          .addMethod(deadline(t, "graceUntil").build())
          .addMethod(check(t, "mustEnroll").addJavadoc("Whether the grace period is over (an "
              + "unknown user has none). Users who have a second factor already are the "
              + "caller's to exclude.\n").build())
          .build();
    }
  }
}
