package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code backup-codes}: a thin class over {@code BackupCodeStore}, which stores the codes as
 * keyed hashes and uses each up by one UPDATE; this class names the bound columns.
 */
final class BackupCodesWriter extends Writer {
  BackupCodesWriter(String feature) {
    super(feature, "BackupCodeStore", "BackupCodes", "Db");
  }

  /** The {@code BackupCodeStore.Table} of the bound columns. */
  static CodeBlock mapping(Binding b, Target t) {
    return table(t.support("BackupCodeStore"), b, "hash", "user", "hash", "used", "usedAt?");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("hash").name();
    ClassName store = t.support("BackupCodeStore");
    ClassName codes = t.support("BackupCodes");
    return t.skeleton(b, "Single-use recovery codes over table " + table + ", stored "
            + "as keyed hashes and used up atomically.")
        .addField(Target.field(store, "store"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Codes in table {@code $L}.\n\n@param dataSource the database\n@param "
                + "clock stamps redemptions\n@param codes makes and hashes codes (its key lives "
                + "outside the database)\n", table)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(codes, "codes")
            .addStatement("this.store = new $T(dataSource,$W$L,$Wclock, codes)", store,
                mapping(b, t)).build())
        .addMethod(Target.override("generate")
            .returns(ParameterizedTypeName.get(List.class, String.class))
            .addParameter(t.userId(), "userId")
            .addStatement("return store.generate(userId)").build())
        .addMethod(Target.override("redeem").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return store.redeem(userId, code)").build())
        .addMethod(Target.override("remaining").returns(TypeName.INT)
            .addParameter(t.userId(), "userId")
            .addStatement("return store.remaining(userId)").build())
        .build();
  }
}
