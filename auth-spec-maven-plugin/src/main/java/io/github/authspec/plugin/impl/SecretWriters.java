package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.SqlType;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The eight single-use-secret features (issue 12) over the one primitive
 * {@code SingleUseSecrets}: one writer, parameterised per feature by its table mapping, the
 * kind of secret (a 256-bit link token or a 6-digit code bound to its user) and what a consumed
 * secret authorises, applied in the consuming transaction.
 *
 * <p>Sending: the feature's catalog {@code uses} names its send endpoint
 * ({@code POST /notifications-service/send-magic-link}); when the spec declares that endpoint the
 * class takes the generated client and posts {@code {"to", "token" or "code", "expiresAt"}} (plus
 * {@code "link"} for magic links) as the body; otherwise it takes its own one-method
 * {@code Sender}. Invitations and tenant invite codes return their secret instead.
 */
final class SecretWriters {
  private SecretWriters() {}

  /** The support classes of area {@code auth} some of them use. */
  private static final String[] AUTH = {"CredentialException", "Db", "EmailAddress",
      "PasswordAlgorithm", "PasswordHasher", "PasswordPolicy", "Pbkdf2"};

  /** One of the eight features; {@link #write} switches on the feature id only where they differ. */
  static final class SecretFeature extends TokenWriters.Base {
    SecretFeature(String feature) {
      super(feature, AUTH);
    }

    private boolean code() {
      return feature().startsWith("phone-");
    }

    private boolean slot() {
      return feature().endsWith("-verification");
    }

    private boolean password() {
      return feature().equals("account-recovery") || feature().equals("invite-only-registration");
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      Gen g = new Gen(feature(), b, t);
      return g.type(code(), slot(), password());
    }
  }

  /** Writes one class; the per-feature parts are the switches in {@link #operations}. */
  private static final class Gen {
    private final String feature;
    private final Binding b;
    private final Target t;
    private final ClassName secrets;
    private final ClassName db;
    private final ClassName refused;
    private final ClassName credential;
    private final TypeName userId;
    private final Table table;
    private final Optional<Delivery> delivery;
    private final MethodSpec.Builder ctor;

    Gen(String feature, Binding b, Target t) {
      this.feature = feature;
      this.b = b;
      this.t = t;
      this.secrets = t.support("token", "SingleUseSecrets");
      this.db = t.support("Db");
      this.refused = secrets.nestedClass("Refused");
      this.credential = t.support("CredentialException");
      this.userId = t.userId();
      this.table = b.table("secret");
      this.delivery = Delivery.of(feature, t);
      this.ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    }

    TypeSpec type(boolean code, boolean slot, boolean password) {
      TypeSpec.Builder out = t.skeleton(b, summary(code, slot));
      StringBuilder doc = new StringBuilder("An implementation over a database.\n\n"
          + "@param dataSource the database\n@param clock the clock (issue and expiry)\n"
          + "@param random the secrets' source\n");
      ctor.addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
          .addParameter(SecureRandom.class, "random");
      if (code) {
        doc.append("@param codeKey the HMAC key of the stored codes (at least 32 bytes, from the "
            + "secret store, never in the database)\n");
        ctor.addParameter(byte[].class, "codeKey");
      }
      boolean tenant = feature.equals("tenant-invite-codes");
      if (!tenant) {
        doc.append("@param lifetime how long a secret lives").append(slot ? " (between it and "
            + "1.25 times it: the table has no expiry column, so the time window is bound into "
            + "the stored digest)\n" : "\n");
        ctor.addParameter(Duration.class, "lifetime");
      }
      if (!tenant && !slot) {
        out.addField(Target.field(ClassName.get(Duration.class), "lifetime"));
        ctor.addStatement(Target.required("lifetime"));
      }
      out.addField(Target.field(secrets, "secrets"));
      if (feature.equals("magic-links") || password) {
        out.addField(Target.field(db, "db"));
        ctor.addStatement("this.db = new $T(dataSource)", db);
      }
      ctor.addStatement("this.secrets = new $T(dataSource,$W$L,$W$L, clock, random)", secrets,
              mapping(), code ? CodeBlock.of("$T.Kind.NUMERIC_CODE, codeKey, $L", secrets,
                  Math.min(43, b.column("secret").size().orElse(43)))
                  : CodeBlock.of("$T.Kind.TOKEN, null, 43", secrets));
      if (feature.equals("invite-only-registration") || feature.equals("tenant-invite-codes")) {
        out.addField(Target.field(ClassName.get(Clock.class), "clock"));
        ctor.addStatement(Target.required("clock"));
      }
      if (password) {
        ClassName hasher = t.support("PasswordHasher");
        doc.append("@param hasher hashes the new password\n@param policy the password rules\n");
        ctor.addParameter(hasher, "hasher").addParameter(policyType(), "policy")
            .addStatement(Target.required("hasher")).addStatement(Target.required("policy"));
        out.addField(Target.field(hasher, "hasher")).addField(Target.field(policyType(), "policy"));
      }
      delivery.ifPresent(d -> {
        doc.append(d.client().isPresent() ? "@param notifications the generated client of "
            + "{@code " + d.service() + "}\n" : "@param sender sends the secret to its owner\n");
        ctor.addParameter(d.type(t), d.field()).addStatement(Target.required(d.field()));
        out.addField(Target.field(d.type(t), d.field()));
        if (d.client().isEmpty()) {
          out.addType(sender());
        }
      });
      boolean ends = feature.equals("account-recovery") && t.endsCredentials(out, ctor);
      operations(out, ends);
      delivery.ifPresent(d -> out.addMethod(deliver(d)).addMethod(message(secrets)));
      return out.addMethod(ctor.addJavadoc("$L", doc.toString()).build()).build();
    }

    private String summary(boolean code, boolean slot) {
      return feature + " over table " + table.name() + " through SingleUseSecrets: "
          + (code ? "a 6-digit code, stored as HMAC-SHA256 bound to its user"
              : "a 256-bit token, stored as SHA-256")
          + (slot ? ", kept in the user's row until used" : ", one row per secret")
          + "; consumed by one atomic UPDATE, so it works once, also under concurrency."
          + " A refused secret (unknown, wrong, expired or used) is one outcome.";
    }

    /** {@code new SingleUseSecrets.Table(...)} of the bound columns. */
    private CodeBlock mapping() {
      String secret = b.column("secret").name();
      return switch (feature) {
        case "email-verification" -> CodeBlock.of("$T.Table.slot($S, $S, $S, lifetime, $T.of(), "
            + "$T.of($S, $S))", secrets, table.name(), secret, col("id"), List.class, List.class,
            col("id"), col("email"));
        case "phone-verification" -> CodeBlock.of("$T.Table.slot($S, $S, $S, lifetime, $T.of($S),"
            + " $T.of($S, $S))", secrets, table.name(), secret, col("id"), List.class, col("id"),
            List.class, col("id"), col("phone"));
        case "tenant-invite-codes" -> CodeBlock.of("new $T.Table($S, $S, $S, null, $S, $S, $T.of(),"
            + " $T.of($S))", secrets, table.name(), secret, col("expiresAt"), col("usedCount"),
            col("maxUses"), List.class, List.class, col("tenant"));
        case "phone-change-workflow" -> CodeBlock.of("new $T.Table($S, $S, $S, $S, null, null, "
            + "$T.of($S), $T.of($S, $S))", secrets, table.name(), secret, col("expiresAt"),
            col("usedAt"), List.class, col("user"), List.class, col("user"), col("newPhone"));
        case "invite-only-registration" -> CodeBlock.of("$T.Table.singleUse($S, $S, $S, $S, "
            + "$T.of($S, $S))", secrets, table.name(), secret, col("expiresAt"), col("usedAt"),
            List.class, col("id"), col("email"));
        case "email-change-workflow" -> CodeBlock.of("$T.Table.singleUse($S, $S, $S, $S, "
            + "$T.of($S, $S))", secrets, table.name(), secret, col("expiresAt"), col("usedAt"),
            List.class, col("user"), col("newEmail"));
        default -> CodeBlock.of("$T.Table.singleUse($S, $S, $S, $S, $T.of($S))", secrets,
            table.name(), secret, col("expiresAt"), col("usedAt"), List.class, col("user"));
      };
    }

    private String col(String role) {
      return b.column(role).name();
    }

    private TypeName policyType() {
      return t.other("password-policies").orElse(t.support("PasswordPolicy"));
    }

    private CodeBlock violations() {
      return t.other("password-policies").isPresent()
          ? CodeBlock.of("policy.violations(password, context)")
          : CodeBlock.of("policy.violations(password, null, $T.of())", List.class);
    }

    /** The boxed value of a returned column: {@code (Long) row.get("user_id")}. */
    private CodeBlock value(TypeName boxed, String column) {
      return CodeBlock.of("($T) row.get($S)", boxed, column);
    }

    private void operations(TypeSpec.Builder out, boolean logout) {
      ClassName context = t.shared("RequestContext");
      TypeName boxedUser = userId.box();
      switch (feature) {
        case "magic-links" -> {
          ClassName result = t.shared("AuthResult");
          out.addMethod(Target.override("sendMagicLink").addParameter(String.class, "email")
              .addParameter(URI.class, "redirectTo").addParameter(context, "context")
              .addJavadoc("Sends nothing, and answers the same, when no account has the address."
                  + "\n\n@throws $T when {@code redirectTo} is not absolute (match it against "
                  + "an allow-list before calling)\n", IllegalArgumentException.class)
              .beginControlFlow("if (!redirectTo.isAbsolute() || redirectTo.getRawFragment() != "
                  + "null)")
              .addStatement("throw new $T($S)", IllegalArgumentException.class,
                  "redirectTo must be an absolute URI without fragment")
              .endControlFlow()
              .addCode(accountByEmail(out))
              .addStatement("$T.Issued link = secrets.issue(lifetime, $T.of($S, ids.get(0)))",
                  secrets, Map.class, col("user"))
              .addStatement("$T<$T, $T> message = message(address, $S, link)", Map.class,
                  String.class, String.class, "token")
              .addStatement("message.put($S, redirectTo + (redirectTo.getRawQuery() == null ? "
                  + "$S : $S) + $S + link.secret())", "link", "?", "&", "token=")
              .addStatement("deliver(message)").build());
          out.addMethod(Target.override("consumeMagicLink").returns(result)
              .addParameter(String.class, "token").addParameter(context, "context")
              .addStatement("$T user = secrets.consume(token).map(row -> $L).orElse(null)",
                  boxedUser, value(boxedUser, col("user")))
              .addStatement("return user == null\n    ? new $T($T.Status.FAILED, null, null, null,"
                  + " $T.of())\n    : new $T($T.Status.AUTHENTICATED, user, null, null, $T.of())",
                  result, result, List.class, result, result, List.class).build());
        }
        case "email-verification", "phone-verification" -> {
          boolean email = feature.startsWith("email");
          String to = email ? col("email") : col("phone");
          out.addField(Target.sql("VERIFIED", "Marks the owner verified.", t.sql().of(
              "UPDATE %s SET %s = TRUE WHERE %s = ?", table, b.column("verified"),
              b.column("id"))));
          out.addMethod(Target.override("sendVerification").addParameter(userId, "userId")
              .addParameter(context, "context")
              .addJavadoc("Replaces any earlier pending secret; sends nothing when the user has "
                  + "no address.\n")
              .addStatement("$T<$T.IssuedTo> slot = secrets.issueTo(userId)", Optional.class,
                  secrets)
              .beginControlFlow("if (slot.isPresent() && slot.get().row().get($S) != null)", to)
              .addStatement("deliver(message(($T) slot.get().row().get($S), $S, slot.get()"
                  + ".issued()))", String.class, to, email ? "token" : "code")
              .endControlFlow().build());
          MethodSpec.Builder verify = Target.override("verify").returns(TypeName.BOOLEAN);
          if (!email) {
            verify.addParameter(userId, "userId");
          }
          out.addMethod(verify.addParameter(String.class, email ? "token" : "code")
              .addParameter(context, "context")
              .addStatement("return secrets.consume($L, (c, row) -> $T.update(c, VERIFIED, row.get("
                  + "$S)) == 1$L).orElse(false)", email ? "token" : "code", db, col("id"),
                  email ? "" : ", userId").build());
        }
        case "account-recovery" -> {
          Column hash = b.column("account.passwordHash");
          out.addField(Target.sql("SET_PASSWORD", "Sets the new password's hash.", t.sql().of(
              "UPDATE %s SET %s = ? WHERE %s = ?", hash.table(), hash, owner())));
          MethodSpec.Builder start = Target.override("startRecovery")
              .addParameter(String.class, "email").addParameter(context, "context")
              .addJavadoc("Answers the same whether or not an account has the address.\n")
              .addCode(accountByEmail(out))
              .addStatement("$T<$T, $T> row = new $T<>()", Map.class, String.class, Object.class,
                  LinkedHashMap.class)
              .addStatement("row.put($S, ids.get(0))", col("user"));
          b.optional("method").ifPresent(m -> start.addStatement("row.put($S, $S)", m.name(),
              "email"));
          out.addMethod(start.addStatement("deliver(message(address, $S, secrets.issue(lifetime, "
              + "row)))", "token").build());
          MethodSpec.Builder complete = Target.override("completeRecovery")
              .addParameter(String.class, "token").addParameter(char[].class, "newPassword")
              .addParameter(context, "context")
              .addJavadoc("@throws $T {@code password-policy}; the token stays unused\n"
                  + "@throws $T when the token is unknown, expired or used\n", credential, refused);
          passwordChecks(complete, "newPassword");
          complete.addStatement("$T user = secrets.consume(token, (c, row) -> {\n"
                  + "  $T.update(c, SET_PASSWORD, hash, row.get($S));\n  return $L;\n})"
                  + ".orElseThrow($T::new)", boxedUser, db, col("user"),
              value(boxedUser, col("user")), refused);
          if (logout) {
            complete.addComment("A reset ends every other credential: whoever knew the old "
                    + "password is out.")
                .addStatement("$T.requireNonNull(user, $S)", java.util.Objects.class, "user")
                .addStatement(t.endCredentials("user", "PASSWORD_RESET"));
          } else {
            complete.addStatement("$T.requireNonNull(user, $S)", java.util.Objects.class, "user");
          }
          out.addMethod(complete.build());
        }
        case "invite-only-registration" -> inviteOnly(out, context, boxedUser);
        case "tenant-invite-codes" -> tenantCodes(out);
        case "email-change-workflow", "phone-change-workflow" -> change(out, context);
        default -> throw new IllegalStateException(feature);
      }
    }

    private void inviteOnly(TypeSpec.Builder out, ClassName context, TypeName boxedUser) {
      Column email = b.column("account.email");
      Column hash = b.column("account.passwordHash");
      Column id = b.column("account.id");
      out.addField(Target.sql("INSERT_USER", "Creates the invited account.", t.sql().of(
          "INSERT INTO %s (%s, %s) VALUES (?, ?) RETURNING %s", id.table(), email, hash, id)));
      out.addField(Target.sql("REVOKE", "Ends an unused invitation now.", t.sql().of(
          "UPDATE %s SET %s = ? WHERE %s = ? AND %s IS NULL", table, b.column("expiresAt"),
          b.column("id"), b.column("usedAt"))));
      b.optional("usedBy").ifPresent(u -> out.addField(Target.sql("USED_BY", "Records the "
          + "account made from an invitation.", t.sql().of("UPDATE %s SET %s = ? WHERE %s = ?",
              table, u, b.column("id")))));
      out.addMethod(Target.override("invite").returns(String.class)
          .addParameter(String.class, "email").addParameter(userId, "invitedBy")
          .addParameter(ParameterizedTypeName.get(Set.class, String.class), "roles")
          .addJavadoc("@return the invitation token, shown once (only its hash is stored)\n"
              + "@throws $T {@code invalid-email}\n@throws $T when roles are given: an "
              + "invitation here carries none (assign them after accept)\n", credential,
              IllegalArgumentException.class)
          .addStatement("$T address = $T.normalise(email, $L)", String.class,
              t.support("EmailAddress"), size("email"))
          .beginControlFlow("if (address == null)")
          .addStatement("throw new $T($T.INVALID_EMAIL, $T.of())", credential, credential,
              List.class)
          .endControlFlow()
          .beginControlFlow("if (!roles.isEmpty())")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              "an invitation carries no roles; assign them after accept")
          .endControlFlow()
          .addStatement("return secrets.issue(lifetime, $T.of($S, address, $S, invitedBy))"
              + ".secret()", Map.class, col("email"), col("invitedBy")).build());
      MethodSpec.Builder accept = Target.override("accept").returns(userId)
          .addParameter(String.class, "token").addParameter(char[].class, "password")
          .addParameter(context, "context")
          .addJavadoc("Creates the account with the invited address, in the transaction that uses "
              + "up the invitation.\n\n@throws $T {@code password-policy} or {@code email-taken};"
              + " the invitation stays unused\n@throws $T when the token is unknown, expired or "
              + "used\n", credential, refused);
      passwordChecks(accept, "password");
      CodeBlock usedBy = b.optional("usedBy").isPresent()
          ? CodeBlock.of("  $T.update(c, USED_BY, created, row.get($S));\n", db, col("id"))
          : CodeBlock.of("");
      accept.addCode(emailTaken(CodeBlock.of("return secrets.consume(token, (c, row) -> {\n"
          + "  $T created = $T.query(c, INSERT_USER, rs -> rs.getObject(1, $T.class), "
          + "row.get($S), hash).get(0);\n$L  return created;\n}).orElseThrow($T::new)",
          boxedUser, db, boxedUser, col("email"), usedBy, refused)));
      out.addMethod(accept.build());
      out.addMethod(Target.override("revokeInvitation").addParameter(String.class, "invitationId")
          .addJavadoc("Ends the invitation now (an unknown id or a used invitation: nothing "
              + "happens).\n")
          .beginControlFlow("try")
          .addStatement("db.update(REVOKE, clock.instant(), $T.valueOf(invitationId))",
              javaType(b.column("id")))
          .nextControlFlow("catch ($T e)", NumberFormatException.class)
          .addComment("not an id of ours: nothing to revoke")
          .endControlFlow().build());
    }

    private void tenantCodes(TypeSpec.Builder out) {
      TypeName tenantId = ServiceGenerator.idType(t.spec(), t.naming(), "TenantId");
      TypeName boxedTenant = tenantId.box();
      Column member = b.column("account.tenant");
      out.addField(Target.sql("JOIN", "Makes the user a member of the tenant.", t.sql().of(
          "UPDATE %s SET %s = ? WHERE %s = ?", member.table(), member, b.column("account.id"))));
      Optional<Column> createdBy = b.optional("createdBy");
      MethodSpec.Builder create = Target.override("createCode").returns(String.class)
          .addParameter(tenantId, "tenantId").addParameter(TypeName.INT, "maxUses")
          .addParameter(Instant.class, "expiresAt");
      if (createdBy.isPresent()) {
        Column c = createdBy.get();
        create.addJavadoc("Records no creator (the operation names none: $L); "
                + "{@link #createCode($T, int, $T, $T)} records one.\n",
                c.nullable() ? "NULL" : "0", tenantId, Instant.class, userId)
            .addStatement("return createCode(tenantId, maxUses, expiresAt, $L)",
                c.nullable() ? CodeBlock.of("null") : zero(c));
        out.addMethod(create.build());
        create = MethodSpec.methodBuilder("createCode").addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(tenantId, "tenantId")
            .addParameter(TypeName.INT, "maxUses").addParameter(Instant.class, "expiresAt")
            .addParameter(userId.box(), "createdBy")
            .addJavadoc("Creates a code and records who created it.\n\n@param tenantId the "
                + "tenant it joins\n@param maxUses how often it may be redeemed (at least 1)\n"
                + "@param expiresAt when it stops working\n@param createdBy its creator\n"
                + "@return the code, shown once (only its hash is stored)\n");
      }
      create.beginControlFlow("if (maxUses < 1 || !expiresAt.isAfter(clock.instant()))")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              "a code needs at least one use and an expiry in the future")
          .endControlFlow()
          .addStatement("$T<$T, $T> row = new $T<>()", Map.class, String.class, Object.class,
              LinkedHashMap.class)
          .addStatement("row.put($S, tenantId)", col("tenant"))
          .addStatement("row.put($S, maxUses)", col("maxUses"));
      if (createdBy.isPresent()) {
        create.addStatement("row.put($S, createdBy)", createdBy.get().name());
      }
      out.addMethod(create.addStatement("return secrets.issue($T.between(clock.instant(), "
          + "expiresAt), row).secret()", Duration.class).build());
      out.addMethod(Target.override("redeem").returns(tenantId).addParameter(String.class, "code")
          .addParameter(userId, "userId")
          .addJavadoc("Uses one of the code's uses and joins the tenant, in one transaction; "
              + "exactly max-uses redemptions succeed, also concurrently.\n\n@throws $T when the"
              + " code is unknown, expired or used up\n", refused)
          .addStatement("return secrets.consume(code, (c, row) -> {\n  $T.update(c, JOIN, row.get("
              + "$S), userId);\n  return $L;\n}).orElseThrow($T::new)", db, col("tenant"),
              value(boxedTenant, col("tenant")), refused).build());
    }

    private void change(TypeSpec.Builder out, ClassName context) {
      boolean email = feature.startsWith("email");
      Column target = b.column(email ? "account.email" : "account.phone");
      Optional<Column> verified = b.optional("account.verified");
      String apply = verified.isPresent()
          ? t.sql().of("UPDATE %s SET %s = ?, %s = TRUE WHERE %s = ?", target.table(), target,
              verified.get(), b.column("account.id"))
          : t.sql().of("UPDATE %s SET %s = ? WHERE %s = ?", target.table(), target,
              b.column("account.id"));
      out.addField(Target.sql("APPLY", "Applies the confirmed change.", apply));
      String value = email ? col("newEmail") : col("newPhone");
      MethodSpec.Builder request = Target.override("requestChange").addParameter(userId, "userId")
          .addParameter(String.class, email ? "newEmail" : "newPhoneE164")
          .addParameter(context, "context")
          .addJavadoc("Sends the $L to the new $L; the change happens only when it comes back."
              + " Re-authenticate the user before calling.\n\n@throws $T when the new $L is not "
              + "valid\n", email ? "token" : "code", email ? "address" : "number",
              IllegalArgumentException.class, email ? "address" : "number (E.164)");
      if (email) {
        request.addStatement("$T address = $T.normalise(newEmail, $L)", String.class,
            t.support("EmailAddress"), size("newEmail"));
      } else {
        request.addStatement("$T address = newPhoneE164 != null && newPhoneE164.matches($S) ? "
            + "newPhoneE164 : null", String.class, "\\+[1-9][0-9]{6,14}");
      }
      request.beginControlFlow("if (address == null)")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              email ? "not a valid email address" : "not an E.164 phone number")
          .endControlFlow()
          .addStatement("deliver(message(address, $S, secrets.issue(lifetime, $T.of($S, userId, $S,"
              + " address))))", email ? "token" : "code", Map.class, col("user"), value);
      out.addMethod(request.build());
      MethodSpec.Builder confirm = Target.override("confirmChange");
      if (!email) {
        confirm.addParameter(userId, "userId");
      }
      confirm.addParameter(String.class, email ? "token" : "code").addParameter(context, "context")
          .addJavadoc("Applies the change in the transaction that uses up the $L.\n\n@throws $T "
              + "when it is unknown, wrong, expired or used\n", email ? "token" : "code", refused);
      CodeBlock consume = CodeBlock.of("secrets.consume($L, (c, row) -> $T.update(c, APPLY, "
          + "row.get($S), row.get($S))$L).orElseThrow($T::new)", email ? "token" : "code", db,
          value, col("user"), email ? "" : ", userId", refused);
      if (email) {
        confirm.addJavadoc("@throws $T {@code email-taken}: another account has the address "
            + "meanwhile; the token stays unused\n", credential).addCode(emailTaken(consume));
      } else {
        confirm.addStatement(consume);
      }
      out.addMethod(confirm.build());
    }

    /**
     * Looks the account up by its normalised email into {@code ids} and returns when there is
     * none (the caller answers the same either way); adds the query constant.
     */
    private CodeBlock accountByEmail(TypeSpec.Builder out) {
      out.addField(Target.sql("BY_EMAIL", "An account's id by email.", t.sql().of(
          "SELECT %s FROM %s WHERE %s = ?", owner(), owner().table(), b.column("account.email"))));
      TypeName boxedUser = userId.box();
      return CodeBlock.builder()
          .addStatement("$T address = $T.normalise(email, $L)", String.class,
              t.support("EmailAddress"), size("account.email"))
          .addStatement("$T<$T> ids = address == null ? $T.of()\n    : db.query(BY_EMAIL, rs "
              + "-> rs.getObject(1, $T.class), address)", List.class, boxedUser, List.class,
              boxedUser)
          .beginControlFlow("if (ids.isEmpty())")
          .addStatement("return")
          .endControlFlow().build();
    }

    /** {@code statement}, with a unique violation (the address is taken) as email-taken. */
    private CodeBlock emailTaken(CodeBlock statement) {
      return CodeBlock.builder().beginControlFlow("try")
          .addStatement(statement)
          .nextControlFlow("catch ($T e)", t.support("token", "TokenStoreException"))
          .beginControlFlow("if (e.getCause() instanceof $T s && $S.equals(s.getSQLState()))",
              java.sql.SQLException.class, "23505")
          .addStatement("throw new $T($T.EMAIL_TAKEN, $T.of())", credential, credential,
              List.class)
          .endControlFlow()
          .addStatement("throw e")
          .endControlFlow().build();
    }

    private void passwordChecks(MethodSpec.Builder m, String parameter) {
      if (!parameter.equals("password")) {
        m.addStatement("char[] password = $N", parameter);
      }
      m.addStatement("$T<$T> broken = $L", List.class, String.class, violations())
          .beginControlFlow("if (!broken.isEmpty())")
          .addStatement("throw new $T($T.POLICY, broken)", credential, credential)
          .endControlFlow()
          .addComment("Hashed before the transaction: the slow part holds no lock.")
          .addStatement("$T hash = hasher.hash(password)", String.class);
    }

    /** The account's id column. */
    private Column owner() {
      return b.column("account.id");
    }

    private int size(String role) {
      return b.column(role).size().orElse(320);
    }

    private static CodeBlock zero(Column c) {
      return switch (c.type()) {
        case BIGINT -> CodeBlock.of("0L");
        case UUID -> CodeBlock.of("new $T(0L, 0L)", java.util.UUID.class);
        default -> CodeBlock.of("0");
      };
    }

    private static Class<?> javaType(Column c) {
      return c.type() == SqlType.BIGINT ? Long.class : Integer.class;
    }

    private TypeSpec sender() {
      return TypeSpec.interfaceBuilder("Sender").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addAnnotation(FunctionalInterface.class)
          .addJavadoc("Sends a secret to its owner (the spec declares no endpoint for it).\n")
          .addMethod(MethodSpec.methodBuilder("send").addModifiers(Modifier.PUBLIC,
                  Modifier.ABSTRACT)
              .addJavadoc("Sends one message.\n\n@param message {@code to}, {@code token} or "
                  + "{@code code}, {@code expiresAt} (and {@code link} for a magic link)\n")
              .addParameter(ParameterizedTypeName.get(Map.class, String.class, String.class),
                  "message").build())
          .build();
    }

    private MethodSpec deliver(Delivery d) {
      MethodSpec.Builder m = MethodSpec.methodBuilder("deliver").addModifiers(Modifier.PRIVATE)
          .addParameter(ParameterizedTypeName.get(Map.class, String.class, String.class),
              "message");
      if (d.client().isPresent()) {
        m.addStatement("notifications.$N(message, $T.class)", d.client().get(), Void.class);
      } else {
        m.addStatement("sender.send(message)");
      }
      return m.build();
    }

    static MethodSpec message(ClassName secrets) {
      return MethodSpec.methodBuilder("message").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(Map.class, String.class, String.class))
          .addParameter(String.class, "to").addParameter(String.class, "kind")
          .addParameter(secrets.nestedClass("Issued"), "issued")
          .addStatement("$T<$T, $T> message = new $T<>()", Map.class, String.class, String.class,
              LinkedHashMap.class)
          .addStatement("message.put($S, to)", "to")
          .addStatement("message.put(kind, issued.secret())")
          .addStatement("message.put($S, issued.expiresAt().toString())", "expiresAt")
          .addStatement("return message").build();
    }
  }

  /**
   * Where a feature's secret is sent: the catalog's send endpoint and, when the spec declares it,
   * the client method that posts to it.
   *
   * @param service the external service id
   * @param serviceType the generated client interface, when declared
   * @param client the client method, when declared
   */
  private record Delivery(String service, Optional<ClassName> serviceType,
      Optional<String> client) {
    static Optional<Delivery> of(String feature, Target t) {
      if (feature.equals("invite-only-registration") || feature.equals("tenant-invite-codes")) {
        return Optional.empty();
      }
      Optional<FeatureCatalog.Use> use = FeatureCatalog.load().entry(feature).stream()
          .flatMap(e -> e.uses().stream())
          .filter(u -> u.path().substring(u.path().lastIndexOf('/') + 1).startsWith("send"))
          .findFirst();
      if (use.isEmpty()) {
        return Optional.of(new Delivery("", Optional.empty(), Optional.empty()));
      }
      for (ExternalService s : t.spec().externalServices()) {
        if (!s.id().equals(use.get().service())) {
          continue;
        }
        for (ExternalService.Endpoint e : s.endpoints()) {
          if (use.get().method().equals(e.method().orElse(""))
              && use.get().path().equals(e.path().orElse(""))) {
            return Optional.of(new Delivery(s.id(), Optional.of(ClassName.get(
                t.naming().clientPackage(), t.naming().clientName(s))),
                Optional.of(t.naming().clientMethodName(s, e))));
          }
        }
      }
      return Optional.of(new Delivery(use.get().service(), Optional.empty(), Optional.empty()));
    }

    TypeName type(Target t) {
      return serviceType.isPresent() ? serviceType.get() : t.self().nestedClass("Sender");
    }

    String field() {
      return client.isPresent() ? "notifications" : "sender";
    }
  }
}
