package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.plugin.service.FeatureCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * What the eight single-use-secret writers share: each feature's flow is a support class of
 * area {@code token} ({@code MagicLinks}, {@code AddressVerification}, {@code AccountRecovery},
 * {@code Invitations}, {@code TenantInviteCodes}, {@code AddressChange}) over
 * {@code SingleUseSecrets}; the generated class is its constructor (the bound columns, the
 * settings, the delivery) and one-line delegations, plus the checks that need area {@code auth}
 * (address normalisation, password policy and hashing, credential exceptions).
 *
 * <p>Sending: the feature's catalog {@code uses} names its send endpoint
 * ({@code POST /notifications-service/send-magic-link}); when the spec declares that endpoint the
 * class takes the generated client and adapts it to {@code SecretDelivery}; otherwise it takes
 * its own one-method {@code Sender}.
 */
final class SecretWriters {
  private SecretWriters() {}

  /** The support classes of area {@code auth} some of them use. */
  static final String[] AUTH = {"CredentialException", "Db", "EmailAddress",
      "PasswordAlgorithm", "PasswordHasher", "PasswordPolicy", "Pbkdf2"};

  /** A single-use-secret writer; {@code code}: the secret is a 6-digit code (phone). */
  abstract static class Base extends TokenWriters.Base {
    private final boolean code;

    Base(String feature, boolean code) {
      super(feature, AUTH);
      this.code = code;
    }

    final boolean code() {
      return code;
    }

    /** The class of this feature's flow ({@code flow}: its support class), its skeleton begun. */
    final Gen gen(Binding b, Target t, String flow, boolean slot) {
      return new Gen(b, t, Gen.summary(feature(), b, flow, code, slot)).codeKey(code);
    }
  }

  /** One class being written: its skeleton, its constructor and its Javadoc. */
  static final class Gen {
    final Binding b;
    final Target t;
    final TypeSpec.Builder out;
    final MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    final ClassName secrets;
    final ClassName credential;
    private final StringBuilder doc = new StringBuilder("An implementation over a database.\n\n"
        + "@param dataSource the database\n@param clock the clock (issue and expiry)\n"
        + "@param random the secrets' source\n");

    /** Appends to the constructor's Javadoc (its parameters). */
    void doc(String text) {
      doc.append(text);
    }

    Gen(Binding b, Target t, String summary) {
      this.b = b;
      this.t = t;
      this.out = t.skeleton(b, summary);
      this.secrets = t.support("token", "SingleUseSecrets");
      this.credential = t.support("CredentialException");
      ctor.addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
          .addParameter(SecureRandom.class, "random");
    }

    /** The skeleton's summary: the secret's kind and where it is kept. */
    static String summary(String feature, Binding b, String flow, boolean code, boolean slot) {
      return feature + " over table " + b.table("secret").name() + " through " + flow
          + " and SingleUseSecrets: " + (code ? "a 6-digit code, stored as HMAC-SHA256 bound to "
              + "its user" : "a 256-bit token, stored as SHA-256")
          + (slot ? ", kept in the user's row until used" : ", one row per secret")
          + "; consumed by one atomic UPDATE, so it works once, also under concurrency."
          + " A refused secret (unknown, wrong, expired or used) is one outcome.";
    }

    /** The {@code codeKey} parameter, for a code. */
    private Gen codeKey(boolean code) {
      if (code) {
        doc.append("@param codeKey the HMAC key of the stored codes (at least 32 bytes, from the "
            + "secret store, never in the database)\n");
        ctor.addParameter(byte[].class, "codeKey");
      }
      return this;
    }

    /** The {@code lifetime} parameter. */
    Gen lifetime(boolean slot) {
      doc.append("@param lifetime how long a secret lives").append(slot ? " (between it and "
          + "1.25 times it: the table has no expiry column, so the time window is bound into "
          + "the stored digest)\n" : "\n");
      ctor.addParameter(Duration.class, "lifetime");
      return this;
    }

    /** The {@code hasher} and {@code policy} parameters, checked before anything is written. */
    Gen passwords() {
      ClassName hasher = t.support("PasswordHasher");
      doc.append("@param hasher hashes the new password\n@param policy the password rules\n");
      ctor.addParameter(hasher, "hasher").addParameter(policyType(), "policy")
          .addStatement(Target.required("hasher")).addStatement(Target.required("policy"));
      out.addField(Target.field(hasher, "hasher")).addField(Target.field(policyType(), "policy"));
      return this;
    }

    /**
     * The delivery parameter (the notifications client or the class's own {@code Sender}) and
     * the {@code SecretDelivery} that adapts it.
     */
    CodeBlock delivery(String feature) {
      Delivery d = Delivery.of(feature, t);
      doc.append(d.client().isPresent() ? "@param notifications the generated client of "
          + "{@code " + d.service() + "}\n" : "@param sender sends the secret to its owner\n");
      ctor.addParameter(d.type(t), d.field()).addStatement(Target.required(d.field()));
      out.addField(Target.field(d.type(t), d.field()));
      if (d.client().isEmpty()) {
        out.addType(sender());
        return CodeBlock.of("message -> this.sender.send(message)");
      }
      return CodeBlock.of("message -> this.notifications.$N(message, $T.class)",
          d.client().get(), Void.class);
    }

    /** {@code this.<name> = new <type>(<args>)} and its field. */
    Gen store(String name, String simpleName, CodeBlock args) {
      ClassName type = t.support("token", simpleName);
      out.addField(Target.field(type, name));
      ctor.addStatement("this.$N = new $T($L)", name, type, args);
      return this;
    }

    /** {@code new <Flow>.Table(...)} of the bound columns: a role starting with ? may be null. */
    CodeBlock table(String simpleName, String... roles) {
      CodeBlock.Builder args = CodeBlock.builder();
      for (String role : roles) {
        args.add(args.isEmpty() ? "" : ",$W");
        if (role.startsWith("table:")) {
          args.add("$S", b.table(role.substring(6)).name());
        } else if (role.startsWith("?")) {
          Optional<Column> c = b.optional(role.substring(1));
          args.add(c.isPresent() ? "$S" : "$L", c.isPresent() ? c.get().name() : "null");
        } else {
          args.add("$S", b.column(role).name());
        }
      }
      return CodeBlock.of("new $T.Table($L)", t.support("token", simpleName), args.build());
    }

    /** The kind, key and digest length of a code or a token. */
    CodeBlock kind(boolean code) {
      return code ? CodeBlock.of("$T.Kind.NUMERIC_CODE, codeKey, $L", secrets,
              Math.min(43, b.column("secret").size().orElse(43)))
          : CodeBlock.of("$T.Kind.TOKEN, null, 43", secrets);
    }

    TypeName boxedUser() {
      return t.userId().box();
    }

    /** {@code String <var> = EmailAddress.normalise(<parameter>, <width of role>)}. */
    CodeBlock normalise(String parameter, String role) {
      return CodeBlock.of("$T address = $T.normalise($N, $L)", String.class,
          t.support("EmailAddress"), parameter, b.column(role).size().orElse(320));
    }

    /** The password policy's check and the hash, before anything is written. */
    void passwordChecks(MethodSpec.Builder m, String parameter) {
      if (!parameter.equals("password")) {
        m.addStatement("char[] password = $N", parameter);
      }
      CodeBlock violations = t.other(Features.PASSWORD_POLICIES).isPresent()
          ? CodeBlock.of("policy.violations(password, context)")
          : CodeBlock.of("policy.violations(password, null, $T.of())", List.class);
      m.addStatement("$T<$T> broken = $L", List.class, String.class, violations)
          .beginControlFlow("if (!broken.isEmpty())")
          .addStatement("throw new $T($T.POLICY, broken)", credential, credential)
          .endControlFlow()
          .addComment("Hashed before the transaction: the slow part holds no lock.")
          .addStatement("$T hash = hasher.hash(password)", String.class);
    }

    /** {@code statement}, with a taken address as email-taken. */
    CodeBlock emailTaken(CodeBlock statement) {
      return CodeBlock.builder().beginControlFlow("try")
          .addStatement(statement)
          .nextControlFlow("catch ($T e)", t.support("token", "AddressTaken"))
          .addStatement("throw new $T($T.EMAIL_TAKEN, $T.of())", credential, credential,
              List.class)
          .endControlFlow().build();
    }

    private TypeName policyType() {
      return t.other(Features.PASSWORD_POLICIES).orElse(t.support("PasswordPolicy"));
    }

    TypeSpec build() {
      return out.addMethod(ctor.addJavadoc("$L", doc.toString()).build()).build();
    }

    private static TypeSpec sender() {
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
  }

  /**
   * Where a feature's secret is sent: the catalog's send endpoint and, when the spec declares it,
   * the client method that posts to it.
   *
   * @param service the external service id
   * @param serviceType the generated client interface, when declared
   * @param client the client method, when declared
   */
  record Delivery(String service, Optional<ClassName> serviceType,
      Optional<String> client) {
    static Delivery of(String feature, Target t) {
      Optional<FeatureCatalog.Use> use = FeatureCatalog.load().entry(feature).stream()
          .flatMap(e -> e.uses().stream())
          .filter(u -> u.path().substring(u.path().lastIndexOf('/') + 1).startsWith("send"))
          .findFirst();
      if (use.isEmpty()) {
        return new Delivery("", Optional.empty(), Optional.empty());
      }
      for (ExternalService s : t.spec().externalServices()) {
        if (!s.id().equals(use.get().service())) {
          continue;
        }
        for (ExternalService.Endpoint e : s.endpoints()) {
          if (use.get().method().equals(e.method().orElse(""))
              && use.get().path().equals(e.path().orElse(""))) {
            return new Delivery(s.id(), Optional.of(ClassName.get(
                t.naming().clientPackage(), t.naming().clientName(s))),
                Optional.of(t.naming().clientMethodName(s, e)));
          }
        }
      }
      return new Delivery(use.get().service(), Optional.empty(), Optional.empty());
    }

    TypeName type(Target t) {
      return serviceType.isPresent() ? serviceType.get() : t.self().nestedClass("Sender");
    }

    String field() {
      return client.isPresent() ? "notifications" : "sender";
    }
  }
}
