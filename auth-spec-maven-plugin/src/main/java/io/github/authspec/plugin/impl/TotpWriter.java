package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.SqlType;
import java.security.SecureRandom;
import java.time.Clock;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code totp} (RFC 6238): a thin class over {@code Totp}, which holds the sealed seeds, the
 * replay guard and the confirmed;pending re-enrolment; this class names the bound columns and
 * whether the last-used column keeps a time or a step number.
 */
final class TotpWriter extends Writer {
  TotpWriter(String feature) {
    super(feature, "Base32", "Db", "Otp", "SecretBox", "Totp");
  }

  /** The {@code Totp.Table} of the bound columns. */
  static CodeBlock mapping(Binding b, Target t) {
    return CodeBlock.of("new $T.Table($L,$W$L)", t.support("Totp"), columns(b, "secret", "user",
        "secret", "lastUsed", "enabled", "confirmedAt?"),
        b.column("lastUsed").type() == SqlType.TIMESTAMP);
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    String table = b.table("secret").name();
    ClassName totp = t.support("Totp");
    ClassName box = t.support("SecretBox");
    ClassName challenge = t.shared("Challenge");
    CodeBlock mapping = mapping(b, t);
    return t.skeleton(b, "TOTP (RFC 6238) over table " + table + ": enrolment with a sealed "
            + "160-bit seed and an otpauth:// URI, confirmation by a first code, verification "
            + "with one time step of drift either side, and no code accepted twice (the matched "
            + "step is recorded atomically).")
        .addField(Target.field(totp, "factor"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An implementation over a database.\n\n@param dataSource the database "
                + "with table {@code $L}\n@param clock the time of verification\n@param secrets "
                + "seals the seeds (its key lives outside the database)\n@param random the seed "
                + "source\n@param issuer the service name shown in authenticator apps\n", table)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(box, "secrets").addParameter(SecureRandom.class, "random")
            .addParameter(String.class, "issuer")
            .addStatement("this.factor = new $T(dataSource,$W$L,$Wclock, secrets, random, issuer)",
                totp, mapping).build())
        .addMethod(Target.override("enroll").returns(challenge)
            .addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("$T enrolment = factor.enroll(userId)", totp.nestedClass("Enrolment"))
            .addStatement("return new $T(enrolment.challengeId(), enrolment.uri(), null)",
                challenge).build())
        .addMethod(Target.override("confirmEnrollment").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return factor.confirm(userId, code)").build())
        .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
            .addParameter(t.userId(), "userId").addParameter(String.class, "code")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return factor.verify(userId, code)").build())
        .addMethod(Target.override("disable").addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("factor.disable(userId)").build())
        .build();
  }
}
