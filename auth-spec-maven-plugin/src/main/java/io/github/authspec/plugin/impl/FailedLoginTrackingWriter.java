package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.time.Instant;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code failed-login-tracking}: a thin class over {@code FailedLogins}, which records failed
 * attempts with their reason code, never the password; this class passes the request's address.
 */
final class FailedLoginTrackingWriter extends Writer {
  FailedLoginTrackingWriter(String feature) {
    super(feature, "FailedLogins", "Db");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("user").name();
    ClassName type = t.support("FailedLogins");
    return t.skeleton(b, "Failed sign-in attempts with their context and reason code, in "
            + "table " + table + "; the attempted password is never recorded.")
        .addField(Target.field(type, "delegate"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Over table {@code $L}.\n\n@param dataSource the database\n@param clock "
                + "stamps attempts\n", table)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addStatement("this.delegate = new $T(dataSource,$W$L,$Wclock)", type,
                table(type, b, "user", "user", "success", "at", "ip?", "failureCode?")).build())
        .addMethod(MethodSpec.methodBuilder("recordFailure").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Records a failed attempt.\n\n@param userId the account\n@param context "
                + "who tried, from where\n@param failureCode why it failed (e.g. "
                + "{@code bad-password}), never the password\n")
            .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"),
                "context").addParameter(String.class, "failureCode")
            .addStatement("delegate.recordFailure(userId, context.ip(), failureCode)").build())
        .addMethod(Target.override("failuresSince").returns(TypeName.INT)
            .addParameter(t.userId(), "userId").addParameter(Instant.class, "since")
            .addStatement("return delegate.failuresSince(userId, since)").build())
        .build();
  }
}
