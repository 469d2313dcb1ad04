package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.impl.SecretWriters.Gen;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The writers of the single-use-secret features that sign in, reset or create an account:
 * magic links ({@code MagicLinks}), account recovery ({@code AccountRecovery}), invite-only
 * registration ({@code Invitations}) and tenant invite codes ({@code TenantInviteCodes}).
 */
final class AccountSecretWriters {
  private AccountSecretWriters() {}

  /** {@code magic-links}. */
  static final class MagicLinksWriter extends SecretWriters.Base {
    MagicLinksWriter(String feature) {
      super(feature, false);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = gen(b, t, "MagicLinks", false).lifetime(false);
      CodeBlock delivery = g.delivery(feature());
      g.store("links", "MagicLinks", CodeBlock.of("dataSource,$W$L,$Wclock, random, lifetime,"
          + "$W$L", g.table("MagicLinks", "table:secret", "secret", "expiresAt", "usedAt", "user",
              "table:account.id", "account.id", "account.email"), delivery));
      ClassName result = t.shared("AuthResult");
      g.out.addMethod(Target.override("sendMagicLink").addParameter(String.class, "email")
          .addParameter(URI.class, "redirectTo").addParameter(t.shared("RequestContext"),
              "context")
          .addJavadoc("Sends nothing, and answers the same, when no account has the address."
              + "\n\n@throws $T when {@code redirectTo} is not absolute (match it against "
              + "an allow-list before calling)\n", IllegalArgumentException.class)
          .addStatement(g.normalise("email", "account.email"))
          .addStatement("links.send(address, redirectTo)").build());
      g.out.addMethod(Target.override("consumeMagicLink").returns(result)
          .addParameter(String.class, "token").addParameter(t.shared("RequestContext"), "context")
          .addStatement("$T user = ($T) links.consume(token).orElse(null)", g.boxedUser(),
              g.boxedUser())
          .addStatement("return user == null\n    ? new $T($T.Status.FAILED, null, null, null,"
              + " $T.of())\n    : new $T($T.Status.AUTHENTICATED, user, null, null, $T.of())",
              result, result, List.class, result, result, List.class).build());
      return g.build();
    }
  }

  /** {@code account-recovery}: a reset ends the account's other credentials. */
  static final class RecoveryWriter extends SecretWriters.Base {
    RecoveryWriter(String feature) {
      super(feature, false);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = gen(b, t, "AccountRecovery", false).lifetime(false).passwords();
      CodeBlock delivery = g.delivery(feature());
      g.store("recovery", "AccountRecovery", CodeBlock.of("dataSource,$W$L,$Wclock, random, "
          + "lifetime,$W$L", g.table("AccountRecovery", "table:secret", "secret", "expiresAt",
              "usedAt", "user", "?method", "table:account.id", "account.id", "account.email",
              "account.passwordHash"), delivery));
      boolean ends = t.endsCredentials(g.out, g.ctor, g::doc);
      g.out.addMethod(Target.override("startRecovery").addParameter(String.class, "email")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("Answers the same whether or not an account has the address.\n")
          .addStatement(g.normalise("email", "account.email"))
          .addStatement("recovery.start(address)").build());
      MethodSpec.Builder complete = Target.override("completeRecovery")
          .addParameter(String.class, "token").addParameter(char[].class, "newPassword")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("@throws $T {@code password-policy}; the token stays unused\n"
              + "@throws $T when the token is unknown, expired or used\n", g.credential,
              g.secrets.nestedClass("Refused"));
      g.passwordChecks(complete, "newPassword");
      if (ends) {
        complete.addStatement("$T user = ($T) recovery.complete(token, hash)", g.boxedUser(),
                g.boxedUser())
            .addComment("A reset ends every other credential: whoever knew the old password "
                + "is out.")
            .addStatement(t.endCredentials("user", "PASSWORD_RESET"));
      } else {
        complete.addStatement("recovery.complete(token, hash)");
      }
      g.out.addMethod(complete.build());
      return g.build();
    }
  }

  /** {@code invite-only-registration}: accepting creates the account. */
  static final class InviteOnlyWriter extends SecretWriters.Base {
    InviteOnlyWriter(String feature) {
      super(feature, false);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = gen(b, t, "Invitations", false).lifetime(false).passwords();
      g.store("invitations", "Invitations", CodeBlock.of("dataSource,$W$L,$Wclock, random, "
          + "lifetime", g.table("Invitations", "table:secret", "secret", "id", "email",
              "invitedBy", "expiresAt", "usedAt", "?usedBy", "table:account.id", "account.id",
              "account.email", "account.passwordHash")));
      ClassName refused = g.secrets.nestedClass("Refused");
      g.out.addMethod(Target.override("invite").returns(String.class)
          .addParameter(String.class, "email").addParameter(t.userId(), "invitedBy")
          .addParameter(ParameterizedTypeName.get(Set.class, String.class), "roles")
          .addJavadoc("@return the invitation token, shown once (only its hash is stored)\n"
              + "@throws $T {@code invalid-email}\n@throws $T when roles are given: an "
              + "invitation here carries none (assign them after accept)\n", g.credential,
              IllegalArgumentException.class)
          .addStatement(g.normalise("email", "email"))
          .beginControlFlow("if (address == null)")
          .addStatement("throw new $T($T.INVALID_EMAIL, $T.of())", g.credential, g.credential,
              List.class)
          .endControlFlow()
          .addStatement("return invitations.invite(address, invitedBy, roles)").build());
      MethodSpec.Builder accept = Target.override("accept").returns(t.userId())
          .addParameter(String.class, "token").addParameter(char[].class, "password")
          .addParameter(t.shared("RequestContext"), "context")
          .addJavadoc("Creates the account with the invited address, in the transaction that uses "
              + "up the invitation.\n\n@throws $T {@code password-policy} or {@code email-taken};"
              + " the invitation stays unused\n@throws $T when the token is unknown, expired or "
              + "used\n", g.credential, refused);
      g.passwordChecks(accept, "password");
      g.out.addMethod(accept.addCode(g.emailTaken(CodeBlock.of("return ($T) invitations.accept("
          + "token, hash)", g.boxedUser()))).build());
      g.out.addMethod(Target.override("revokeInvitation")
          .addParameter(String.class, "invitationId")
          .addJavadoc("Ends the invitation now (an unknown id or a used invitation: nothing "
              + "happens).\n")
          .beginControlFlow("try")
          .addStatement("invitations.revoke($T.valueOf(invitationId))",
              b.column("id").type() == SqlType.BIGINT ? Long.class : Integer.class)
          .nextControlFlow("catch ($T e)", NumberFormatException.class)
          .addComment("not an id of ours: nothing to revoke")
          .endControlFlow().build());
      return g.build();
    }
  }

  /** {@code tenant-invite-codes}: counted codes that join a tenant. */
  static final class TenantCodesWriter extends SecretWriters.Base {
    TenantCodesWriter(String feature) {
      super(feature, false);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = gen(b, t, "TenantInviteCodes", false);
      g.store("codes", "TenantInviteCodes", CodeBlock.of("dataSource,$W$L,$Wclock, random",
          g.table("TenantInviteCodes", "table:secret", "secret", "expiresAt", "usedCount",
              "maxUses", "tenant", "?createdBy", "table:account.tenant", "account.id",
              "account.tenant")));
      TypeName tenantId = ServiceGenerator.idType(t.spec(), t.naming(), "TenantId");
      MethodSpec.Builder create = Target.override("createCode").returns(String.class)
          .addParameter(tenantId, "tenantId").addParameter(TypeName.INT, "maxUses")
          .addParameter(Instant.class, "expiresAt");
      Optional<Column> createdBy = b.optional("createdBy");
      if (createdBy.isPresent()) {
        Column c = createdBy.get();
        g.out.addMethod(create.addJavadoc("Records no creator (the operation names none: $L); "
                + "{@link #createCode($T, int, $T, $T)} records one.\n",
                c.nullable() ? "NULL" : "0", tenantId, Instant.class, t.userId())
            .addStatement("return createCode(tenantId, maxUses, expiresAt, $L)",
                c.nullable() ? CodeBlock.of("null") : zero(c)).build());
        create = MethodSpec.methodBuilder("createCode").addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(tenantId, "tenantId")
            .addParameter(TypeName.INT, "maxUses").addParameter(Instant.class, "expiresAt")
            .addParameter(g.boxedUser(), "createdBy")
            .addJavadoc("Creates a code and records who created it.\n\n@param tenantId the "
                + "tenant it joins\n@param maxUses how often it may be redeemed (at least 1)\n"
                + "@param expiresAt when it stops working\n@param createdBy its creator\n"
                + "@return the code, shown once (only its hash is stored)\n");
      }
      g.out.addMethod(create.addStatement("return codes.create(tenantId, maxUses, expiresAt, $L)",
          createdBy.isPresent() ? "createdBy" : "null").build());
      g.out.addMethod(Target.override("redeem").returns(tenantId)
          .addParameter(String.class, "code").addParameter(t.userId(), "userId")
          .addJavadoc("Uses one of the code's uses and joins the tenant, in one transaction; "
              + "exactly max-uses redemptions succeed, also concurrently.\n\n@throws $T when the"
              + " code is unknown, expired or used up\n", g.secrets.nestedClass("Refused"))
          .addStatement("return ($T) codes.redeem(code, userId)", tenantId.box()).build());
      return g.build();
    }

    private static CodeBlock zero(Column c) {
      return switch (c.type()) {
        case BIGINT -> CodeBlock.of("0L");
        case UUID -> CodeBlock.of("new $T(0L, 0L)", java.util.UUID.class);
        default -> CodeBlock.of("0");
      };
    }
  }
}
