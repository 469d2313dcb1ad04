package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The features that read or set one or two columns of the account row:
 * {@code password-expiration}, {@code force-password-change} and {@code mfa-grace-period}.
 */
final class AccountFlagsWriters {
  private AccountFlagsWriters() {}

  /** The common constructor: a Db over the data source and the clock. */
  private static MethodSpec.Builder constructor(Target t, Table table, String extraDoc) {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Over table {@code $L}.\n\n@param dataSource the database\n@param clock "
            + "the time\n$L", table.name(), extraDoc)
        .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
        .addStatement("this.db = new $T(dataSource)", t.support("Db"))
        .addStatement(Target.required("clock"));
  }

  private static TypeSpec.Builder fields(TypeSpec.Builder type, Target t) {
    return type.addField(Target.field(t.support("Db"), "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"));
  }

  /** One timestamp, or the other plus a duration, as an Optional instant. */
  private static MethodSpec.Builder deadline(Target t, String name, Column direct,
      Optional<Column> base, String durationField) {
    MethodSpec.Builder m = Target.override(name)
        .returns(ParameterizedTypeName.get(Optional.class, Instant.class))
        .addParameter(t.userId(), "userId");
    ClassName db = t.support("Db");
    if (base.isEmpty()) {
      return m.addStatement("return db.query(SELECT, rs -> $T.instant(rs, $S), userId).stream()"
          + ".filter($T::nonNull).findFirst()", db, direct.name(), java.util.Objects.class);
    }
    return m.addStatement("return db.query(SELECT, rs -> {\n$>$T at = $T.instant(rs, $S);\n"
            + "$T from = $T.instant(rs, $S);\n"
            + "return at != null ? at : from != null && $N != null ? from.plus($N) : null;\n"
            + "$<}, userId).stream().filter($T::nonNull).findFirst()", Instant.class, db,
        direct.name(), Instant.class, db, base.get().name(), durationField, durationField,
        java.util.Objects.class);
  }

  private static String select(Target t, Column id, Column a, Optional<Column> b) {
    return b.map(c -> t.sql().of("SELECT %s, %s FROM %s WHERE %s = ?", a, c, id.table(), id))
        .orElse(t.sql().of("SELECT %s FROM %s WHERE %s = ?", a, id.table(), id));
  }

  /** {@code password-expiration}: an explicit expiry, or a maximum age when one is set. */
  static final class Expiration extends Writer {
    Expiration(String feature) {
      super(feature, "Db");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Column id = b.column("id");
      Column expires = b.column("expiresAt");
      Optional<Column> changed = b.optional("changedAt");
      TypeSpec.Builder type = fields(t.skeleton(b, "Password expiry. NIST SP 800-63B advises "
          + "against periodic expiry: by default a password expires only when expireNow marks "
          + "it (on evidence of compromise); a maximum age is opt-in."), t)
          .addField(Target.sql("SELECT", "The expiry and last change.",
              select(t, id, expires, changed)))
          .addField(Target.sql("EXPIRE", "Expires a password now.",
              t.sql().of("UPDATE %s SET %s = ? WHERE %s = ?", id.table(), expires, id)))
          .addField(Target.field(ClassName.get(Duration.class), "maxAge"))
          .addMethod(constructor(t, id.table(), "@param maxAge a maximum age counted from "
                  + "the last change, or null for none (NIST's advice)\n")
              .addParameter(Duration.class, "maxAge").addStatement("this.maxAge = maxAge")
              .build())
          .addMethod(deadline(t, "expiresAt", expires, changed, "maxAge").build())
          .addMethod(Target.override("isExpired").returns(TypeName.BOOLEAN)
              .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"),
                  "context")
              .addStatement("return expiresAt(userId).map(at -> !clock.instant().isBefore(at))"
                  + ".orElse(false)").build())
          .addMethod(MethodSpec.methodBuilder("expireNow").addModifiers(Modifier.PUBLIC)
              .addJavadoc("Expires the password now, e.g. on evidence of compromise.\n\n"
                  + "@param userId the user's id\n")
              .addParameter(t.userId(), "userId")
              .addStatement("db.update(EXPIRE, clock.instant(), userId)").build());
      return type.build();
    }
  }

  /** {@code force-password-change}: a flag set by an administrator, cleared on change. */
  static final class ForceChange extends Writer {
    ForceChange(String feature) {
      super(feature, "Db");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Column id = b.column("id");
      Column flag = b.column("required");
      return fields(t.skeleton(b, "A password change required at next login."), t)
          .addField(Target.sql("SET", "Sets or clears the flag.",
              t.sql().of("UPDATE %s SET %s = ? WHERE %s = ?", id.table(), flag, id)))
          .addField(Target.sql("SELECT", "The flag.",
              t.sql().of("SELECT %s FROM %s WHERE %s = ?", flag, id.table(), id)))
          .addMethod(constructor(t, id.table(), "").build())
          .addMethod(Target.override("require").addParameter(t.userId(), "userId")
              .addParameter(String.class, "reason")
              .addComment("The reason belongs in the audit log; the table has no column for it.")
              .addStatement("db.update(SET, true, userId)").build())
          .addMethod(Target.override("isRequired").returns(TypeName.BOOLEAN)
              .addParameter(t.userId(), "userId")
              .addStatement("return db.query(SELECT, rs -> rs.getBoolean(1), userId).stream()"
                  + ".anyMatch(r -> r)").build())
          .addMethod(MethodSpec.methodBuilder("clear").addModifiers(Modifier.PUBLIC)
              .addJavadoc("Clears the flag once the password was changed.\n\n@param userId the "
                  + "user's id\n").addParameter(t.userId(), "userId")
              .addStatement("db.update(SET, false, userId)").build())
          .build();
    }
  }

  /** {@code mfa-grace-period}: an explicit end, or account creation plus the grace period. */
  static final class GracePeriod extends Writer {
    GracePeriod(String feature) {
      super(feature, "Db");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Column id = b.column("id");
      Column until = b.column("graceUntil");
      Optional<Column> created = b.optional("createdAt");
      return fields(t.skeleton(b, "A grace period before MFA enrolment is enforced, counted "
              + "from account creation unless set explicitly; users cannot renew it."), t)
          .addField(Target.sql("SELECT", "The grace end and the account's creation.",
              select(t, id, until, created)))
          .addField(Target.field(ClassName.get(Duration.class), "grace"))
          .addMethod(constructor(t, id.table(), "@param grace the grace period from account "
                  + "creation (e.g. 7 days)\n")
              .addParameter(Duration.class, "grace").addStatement(Target.required("grace"))
              .build())
          .addMethod(deadline(t, "graceUntil", until, created, "grace").build())
          .addMethod(Target.override("mustEnroll").returns(TypeName.BOOLEAN)
              .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"),
                  "context")
              .addJavadoc("Whether the grace period is over (an unknown user has none). Users "
                  + "who have a second factor already are the caller's to exclude.\n")
              .addStatement(CodeBlock.of("return graceUntil(userId).map(at -> "
                  + "!clock.instant().isBefore(at)).orElse(true)")).build())
          .build();
    }
  }
}
