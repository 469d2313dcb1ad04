package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.ForeignKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Implementations of the API-key and session features: thin classes over the support classes of
 * area {@code token} ({@code Sessions}, {@code ApiKeys}), which hold every statement and check;
 * the generated class only names the bound table and columns and adapts the interface's types.
 * The helpers here serve every writer of the area.
 */
final class TokenWriters {
  private TokenWriters() {}

  /** The support classes of area {@code token}, copied whole when any token writer is used. */
  static final List<String> SUPPORT = List.of(
      "AccessToken", "AccessTokenIssuer", "AccessTokenSettings", "AccessTokenVerifier",
      "AccountByEmail", "AccountCredentials", "AccountRecovery", "AddressChange", "AddressTaken",
      "AddressVerification", "ApiKeys", "AuthorizationCodes", "Invitations", "IssuedAccessToken",
      "Json", "Jwk", "Jws", "JwsAlgorithm", "KeyRing", "KeyRotation", "MagicLinks", "Pkce",
      "RedisDenyListCommands", "RefreshTokens", "RememberMe", "SecretDelivery", "Secrets",
      "Sessions", "SigningKey", "SingleUseSecrets", "Sql", "TenantInviteCodes", "TokenDenyList",
      "TokenException", "TokenRevocation", "TokenStoreException", "VerifiedTokenCache");

  /** A writer whose class uses the {@code token} support area. */
  abstract static class Base extends Writer {
    Base(String feature, String... support) {
      super(feature, support);
    }
  }

  static ClassName token(Target t, String simpleName) {
    return t.support("token", simpleName);
  }

  /** A public constructor with its Javadoc. */
  static MethodSpec.Builder constructor(String doc, Object... args) {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addJavadoc(doc, args);
  }

  /** The table of {@code tableRole} and the columns of {@code roles}, as string literals. */
  static CodeBlock names(Binding b, String tableRole, String... roles) {
    CodeBlock.Builder args = CodeBlock.builder().add("$S", b.table(tableRole).name());
    for (String role : roles) {
      args.add(",$W$S", b.column(role).name());
    }
    return args.build();
  }

  /** {@code api-key-auth} over {@code ApiKeys}. */
  static final class ApiKeyAuth extends Base {
    ApiKeyAuth(String feature) {
      super(feature);
    }

    /** {@code new ApiKeys.Table(...)} over the bound columns. */
    static CodeBlock table(Binding b, Target t) {
      return CodeBlock.of("new $T.Table($L)", token(t, "ApiKeys"), names(b, "keyHash", "id",
          "keyHash", "user", "name", "expiresAt", "lastUsedAt", "scopes"));
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName keys = token(t, "ApiKeys");
      TypeName boxed = t.userId().box();
      return t.skeleton(b, "API keys over table " + b.table("keyHash").name() + ": ak_ + 256 "
              + "random bits, shown once, stored as SHA-256, scoped and expiring.")
          .addField(Target.field(keys, "keys"))
          .addMethod(constructor("An implementation over a database.\n\n@param dataSource "
              + "the database\n@param clock the clock\n@param random the key source\n")
              .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
              .addParameter(SecureRandom.class, "random")
              .addStatement("this.keys = new $T(dataSource, $L, clock, random)", keys,
                  table(b, t))
              .build())
          .addMethod(Target.override("createKey").returns(String.class)
              .addParameter(t.userId(), "userId").addParameter(String.class, "name")
              .addParameter(ParameterizedTypeName.get(Set.class, String.class), "scopes")
              .addParameter(ParameterizedTypeName.get(Optional.class, Instant.class), "expiresAt")
              .addStatement("return keys.create(userId, name, scopes, expiresAt).secret()")
              .build())
          .addMethod(Target.override("authenticate")
              .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), boxed))
              .addParameter(String.class, "presentedKey")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("return keys.authenticate(presentedKey).map(k -> ($T) k.userId())",
                  boxed)
              .build())
          .addMethod(Target.override("revokeKey").addParameter(t.userId(), "userId")
              .addParameter(String.class, "keyId")
              .addStatement("keys.revoke(userId, keyId)").build())
          .build();
    }
  }

  /** The four session features over {@code Sessions}. */
  static final class SessionFeature extends Base {
    /** What a session feature adds to the base operations. */
    enum Refinement {
      /** {@code session-management} itself: nothing. */
      NONE,
      /** {@code touch}. */
      SLIDING,
      /** {@code activeSessions}, {@code enforceLimit}. */
      LIMITS,
      /** {@code logout}, {@code logoutEverywhere}. */
      LOGOUT
    }

    private final Refinement refinement;

    SessionFeature(String feature, Refinement refinement) {
      super(feature);
      this.refinement = refinement;
    }

    /** {@code new Sessions.Table(...)} over the bound columns and the owner's table. */
    static CodeBlock table(Binding b, Target t) {
      // The limit locks the owner's row: the column the session's user id references.
      Column owner = b.column("user").foreignKey().map(ForeignKey::target)
          .orElseThrow(() -> new IllegalStateException(b.feature().id() + ": "
              + b.column("user").qualifiedName() + " has no foreign key to the users table"));
      return CodeBlock.of("new $T.Table($L,$W$S,$W$S)", token(t, "Sessions"), names(b, "id",
          "id", "user", "createdAt", "expiresAt", "active", "lastActivityAt", "invalidatedAt",
          "loggedOutAt", "order"), owner.table().name(), owner.name());
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName sessions = token(t, "Sessions");
      TypeName boxed = t.userId().box();
      TypeSpec.Builder type = t.skeleton(b, "Server-side sessions over table "
              + b.table("id").name() + " (" + feature() + "): handles are row id + HMAC, sliding "
              + "expiry capped by an absolute lifetime, and a per-user limit that ends the oldest "
              + "sessions with the user's row locked.")
          .addField(Target.field(sessions, "sessions"));
      MethodSpec.Builder ctor = constructor("An implementation over a database.\n\n"
              + "@param dataSource the database\n@param handleKey the key that MACs session "
              + "handles (at least 32 bytes, from the secret store)\n@param clock the clock\n"
              + "@param idle the idle timeout\n"
              + "@param absolute the absolute lifetime\n"
              + "@param limit the most live sessions per user (the oldest are ended)\n")
          .addParameter(DataSource.class, "dataSource").addParameter(byte[].class, "handleKey")
          .addParameter(Clock.class, "clock").addParameter(Duration.class, "idle")
          .addParameter(Duration.class, "absolute");
      CodeBlock table = table(b, t);
      ctor.addStatement("this.sessions = new $T(dataSource, $L, handleKey, clock, idle, absolute)",
          sessions, table);
      type.addField(Target.field(TypeName.INT, "limit"));
      ctor.addParameter(TypeName.INT, "limit").addStatement("this.limit = limit");
      // Every session feature's interface extends SessionManagementService (its parent in the
      // spec), so each class implements the base operations too, over the same store.
      type.addMethod(Target.override("create").returns(String.class)
              .addParameter(t.userId(), "userId")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("return sessions.create(userId, limit).handle()").build())
          .addMethod(Target.override("validate")
              .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), boxed))
              .addParameter(String.class, "sessionId")
              .addParameter(t.shared("RequestContext"), "context")
              .addStatement("return sessions.validate(sessionId).map(s -> ($T) s.userId())",
                  boxed).build())
          .addMethod(Target.override("sessions")
              .returns(ParameterizedTypeName.get(List.class, String.class))
              .addParameter(t.userId(), "userId")
              .addStatement("return sessions.handles(userId)").build())
          .addMethod(Target.override("revoke").addParameter(String.class, "sessionId")
              .addStatement("sessions.logout(sessionId)").build());
      switch (refinement) {
        case SLIDING -> type.addMethod(Target.override("touch")
            .returns(ParameterizedTypeName.get(Optional.class, Instant.class))
            .addParameter(String.class, "sessionId")
            .addStatement("return sessions.touch(sessionId).map($T.Live::expiresAt)", sessions)
            .build());
        case LIMITS -> type.addMethod(Target.override("activeSessions")
                .returns(TypeName.INT).addParameter(t.userId(), "userId")
                .addStatement("return sessions.live(userId).size()").build())
            .addMethod(Target.override("enforceLimit").addParameter(t.userId(), "userId")
                .addParameter(TypeName.INT, "limit")
                .addStatement("sessions.enforceLimit(userId, limit)").build());
        case LOGOUT -> type.addMethod(Target.override("logout")
                .addParameter(String.class, "sessionId")
                .addParameter(t.shared("RequestContext"), "context")
                .addStatement("sessions.logout(sessionId)").build())
            .addMethod(Target.override("logoutEverywhere").addParameter(t.userId(), "userId")
                .addJavadoc("Ends every session and, when the spec keeps them, every refresh "
                    + "family and remember-me\nseries of the user (API keys stay: see "
                    + "{@code AccountCredentials}).\n")
                .addStatement(t.endsCredentials(type, ctor, d -> ctor.addJavadoc("$L", d))
                    ? t.endCredentials("userId", "LOGOUT_EVERYWHERE")
                    : CodeBlock.of("sessions.logoutEverywhere(userId)")).build());
        case NONE -> {
          // session-management: the base operations only
        }
      }
      return type.addMethod(ctor.build()).build();
    }
  }
}
