package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Clock;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code hardware-tokens}: a thin class over {@code HardwareTokens}, which holds the look-ahead
 * window and the compare-and-set counter; this class names the bound columns. Seeds come from
 * the vendor's seed file through {@code TokenSeeds}.
 */
final class HardwareTokensWriter extends Writer {
  HardwareTokensWriter(String feature) {
    super(feature, "Db", "Otp", "Base32", "TokenSeeds", "HardwareTokens");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("serial").name();
    ClassName tokens = t.support("HardwareTokens");
    ClassName seeds = t.support("TokenSeeds");
    return t.skeleton(b, "HOTP hardware tokens (RFC 4226) over table " + table
            + ": a look-ahead window of 10, and the counter advanced atomically past the "
            + "matched value, so no code is accepted twice.")
        .addField(Target.field(tokens, "tokens"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Tokens in table {@code $L}.\n\n@param dataSource the database\n@param "
                + "clock stamps use\n@param seeds the tokens' seeds by serial (the vendor's "
                + "seed file)\n", table)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(seeds, "seeds")
            .addStatement("this.tokens = new $T(dataSource,$W$L,$Wclock, seeds)", tokens,
                table(tokens, b, "serial", "serial", "user", "counter", "lastUsedAt?",
                    "revokedAt?", "type?")).build())
        .addMethod(Target.override("register").addParameter(t.userId(), "userId")
            .addParameter(String.class, "serial").addParameter(t.shared("RequestContext"),
                "context")
            .addStatement("tokens.register(userId, serial)").build())
        .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return tokens.verify(userId, code)").build())
        .addMethod(Target.override("unregister").addParameter(t.userId(), "userId")
            .addParameter(String.class, "serial")
            .addStatement("tokens.unregister(userId, serial)").build())
        .build();
  }
}
