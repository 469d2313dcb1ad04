package io.github.authspec.plugin.impl;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.impl.SecretWriters.Gen;

/**
 * The writers of the features that prove an address (email) or number (phone) is the user's:
 * verification over {@code AddressVerification}, change over {@code AddressChange}. Email or
 * phone is the descriptor's choice ({@code code}: a 6-digit code bound to its user).
 */
final class AddressSecretWriters {
  private AddressSecretWriters() {}

  /** {@code email-verification} and {@code phone-verification}. */
  static final class Verification extends SecretWriters.Base {
    Verification(String feature, boolean code) {
      super(feature, code);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = gen(b, t, "AddressVerification", true).lifetime(true);
      CodeBlock delivery = g.delivery(feature());
      g.store("verification", "AddressVerification", CodeBlock.of("dataSource,$W$L,$W$L, clock,"
          + " random, lifetime,$W$L", g.table("AddressVerification", "table:secret", "secret",
              "id", code() ? "phone" : "email", "verified"), g.kind(code()), delivery));
      g.out.addMethod(Target.override("sendVerification").addParameter(t.userId(), "userId")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("Replaces any earlier pending secret; sends nothing when the user has "
              + "no address.\n")
          .addStatement("verification.send(userId)").build());
      MethodSpec.Builder verify = Target.override("verify").returns(TypeName.BOOLEAN);
      if (code()) {
        verify.addParameter(t.userId(), "userId");
      }
      g.out.addMethod(verify.addParameter(String.class, code() ? "code" : "token")
          .addParameter(t.shared("RequestContext"), "context")
          .addStatement(code() ? "return verification.verify(userId, code)"
              : "return verification.verify(token)").build());
      return g.build();
    }
  }

  /** {@code email-change-workflow} and {@code phone-change-workflow}. */
  static final class Change extends SecretWriters.Base {
    Change(String feature, boolean code) {
      super(feature, code);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      boolean email = !code();
      Gen g = gen(b, t, "AddressChange", false).lifetime(false);
      CodeBlock delivery = g.delivery(feature());
      g.store("changes", "AddressChange", CodeBlock.of("dataSource,$W$L,$W$L, clock, random, "
          + "lifetime,$W$L", g.table("AddressChange", "table:secret", "secret", "expiresAt",
              "usedAt", "user", email ? "newEmail" : "newPhone", "table:account.id", "account.id",
              email ? "account.email" : "account.phone", "?account.verified"), g.kind(code()),
          delivery));
      MethodSpec.Builder request = Target.override("requestChange")
          .addParameter(t.userId(), "userId")
          .addParameter(String.class, email ? "newEmail" : "newPhoneE164")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("Sends the $L to the new $L; the change happens only when it comes back."
              + " Re-authenticate the user before calling.\n\n@throws $T when the new $L is not "
              + "valid\n", email ? "token" : "code", email ? "address" : "number",
              IllegalArgumentException.class, email ? "address" : "number (E.164)");
      if (email) {
        request.addStatement(g.normalise("newEmail", "newEmail"));
      } else {
        request.addStatement("$T address = newPhoneE164 != null && newPhoneE164.matches($S) ? "
            + "newPhoneE164 : null", String.class, "\\+[1-9][0-9]{6,14}");
      }
      g.out.addMethod(request.beginControlFlow("if (address == null)")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              email ? "not a valid email address" : "not an E.164 phone number")
          .endControlFlow()
          .addStatement("changes.request(userId, address)").build());
      MethodSpec.Builder confirm = Target.override("confirmChange");
      if (code()) {
        confirm.addParameter(t.userId(), "userId");
      }
      confirm.addParameter(String.class, email ? "token" : "code")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("Applies the change in the transaction that uses up the $L.\n\n@throws $T "
              + "when it is unknown, wrong, expired or used\n", email ? "token" : "code",
              g.secrets.nestedClass("Refused"));
      if (email) {
        confirm.addJavadoc("@throws $T {@code email-taken}: another account has the address "
            + "meanwhile; the token stays unused\n", g.credential)
            .addCode(g.emailTaken(CodeBlock.of("changes.confirm(token)")));
      } else {
        confirm.addJavadoc("@throws $T another account has the number meanwhile; the code "
            + "stays unused\n", t.support("token", "AddressTaken"))
            .addStatement("changes.confirm(userId, code)");
      }
      g.out.addMethod(confirm.build());
      return g.build();
    }
  }
}
