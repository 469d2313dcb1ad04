package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/** {@code failed-login-tracking}: failed attempts with their reason code, never the password. */
final class FailedLoginTrackingWriter extends Writer {
  FailedLoginTrackingWriter(String feature) {
    super(feature, "Db");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    Column user = b.column("user");
    Column success = b.column("success");
    Column at = b.column("at");
    Optional<Column> ip = b.optional("ip");
    Optional<Column> code = b.optional("failureCode");
    Table table = user.table();
    List<Column> cols = new ArrayList<>(List.of(user, success, at));
    ip.ifPresent(cols::add);
    code.ifPresent(cols::add);
    String insert = "INSERT INTO " + t.naming().sqlIdentifier(table.name()) + " ("
        + String.join(", ", cols.stream().map(c -> t.naming().sqlIdentifier(c.name())).toList())
        + ") VALUES (?, FALSE, ?" + ", ?".repeat(cols.size() - 3) + ")";
    String args = "userId, clock.instant()" + (ip.isPresent() ? ", context.ip()" : "")
        + (code.isPresent() ? ", failureCode" : "");
    return t.skeleton(b, "Failed sign-in attempts with their context and reason code, in "
            + "table " + table.name() + "; the attempted password is never recorded.")
        .addField(Target.sql("INSERT", "Records a failed attempt.", insert))
        .addField(Target.sql("COUNT", "Failed attempts of a user since a time.",
            t.sql().of("SELECT count(*) FROM %s WHERE %s = ? AND %s = FALSE AND %s >= ?", table,
                user, success, at)))
        .addField(Target.field(t.support("Db"), "db"))
        .addField(Target.field(ClassName.get(Clock.class), "clock"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Over table {@code $L}.\n\n@param dataSource the database\n@param clock "
                + "stamps attempts\n", table.name())
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addStatement("this.db = new $T(dataSource)", t.support("Db"))
            .addStatement(Target.required("clock")).build())
        .addMethod(MethodSpec.methodBuilder("recordFailure").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Records a failed attempt.\n\n@param userId the account\n@param context "
                + "who tried, from where\n@param failureCode why it failed (e.g. "
                + "{@code bad-password}), never the password\n")
            .addParameter(t.userId(), "userId").addParameter(t.shared("RequestContext"),
                "context").addParameter(String.class, "failureCode")
            .addStatement("db.update(INSERT, $L)", args).build())
        .addMethod(Target.override("failuresSince").returns(TypeName.INT)
            .addParameter(t.userId(), "userId").addParameter(Instant.class, "since")
            .addStatement("return db.query(COUNT, rs -> rs.getInt(1), userId, since).get(0)")
            .build())
        .build();
  }
}
