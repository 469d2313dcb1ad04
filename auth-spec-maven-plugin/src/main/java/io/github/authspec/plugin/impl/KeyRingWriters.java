package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.constructor;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The features over the key ring the application supplies, so they bind no role:
 * {@code token-scopes} ({@code AccessTokenVerifier}) and {@code key-rotation}
 * ({@code KeyRotation}).
 */
final class KeyRingWriters {
  private KeyRingWriters() {}

  /** {@code token-scopes}: the scope claim of verified access tokens. */
  static final class TokenScopes extends TokenWriters.Base {
    TokenScopes(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName verifier = token(t, "AccessTokenVerifier");
      return t.skeleton(b, "The scopes of access tokens, read from the scope claim of a token "
              + "this issuer signed and that verifies now; any other token has none.")
          .addField(Target.field(verifier, "verifier"))
          .addMethod(constructor("Scopes of this issuer's tokens.\n\n@param keys the signing "
              + "keys\n@param settings issuer, audience and skew\n@param revocations the "
              + "deny-list ($T.NONE for none)\n@param clock the clock\n",
                  verifier.nestedClass("RevocationCheck"))
              .addParameter(token(t, "KeyRing"), "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings")
              .addParameter(verifier.nestedClass("RevocationCheck"), "revocations")
              .addParameter(Clock.class, "clock")
              .addStatement("this.verifier = new $T(keys, settings, clock, revocations)",
                  verifier).build())
          .addMethod(Target.override("grantedScopes")
              .returns(ParameterizedTypeName.get(Set.class, String.class))
              .addJavadoc("{@inheritDoc}\n\n<p>Empty for a token that does not verify.\n")
              .addParameter(String.class, "accessToken")
              .addStatement("return verifier.scopesOf(accessToken)").build())
          .addMethod(Target.override("hasScope").returns(TypeName.BOOLEAN)
              .addParameter(String.class, "accessToken").addParameter(String.class, "scope")
              .addStatement("return grantedScopes(accessToken).contains(scope)").build())
          .build();
    }
  }

  /** {@code key-rotation} over the application's {@code KeyRing}. */
  static final class KeyRotation extends TokenWriters.Base {
    KeyRotation(String feature) {
      super(feature);
    }

    @Override
    TypeSpec write(Binding b, Target t) {
      ClassName rotation = token(t, "KeyRotation");
      return t.skeleton(b, "Rotation of the access-token signing keys of the application's "
              + "KeyRing: rotate makes the published next key (from the application's key "
              + "store) active, or a fresh in-memory key of the pinned algorithm when none is "
              + "published; the previous key keeps verifying for the token lifetime plus "
              + "skew, then lapses. No key material is stored or written anywhere.")
          .addField(Target.field(rotation, "rotation"))
          .addMethod(constructor("Rotation of a ring.\n\n@param keys the ring the token "
              + "classes sign and verify with\n@param settings the access token settings (the "
              + "old key verifies for lifetime + skew)\n@param random randomness for fresh "
              + "keys\n")
              .addParameter(token(t, "KeyRing"), "keys")
              .addParameter(token(t, "AccessTokenSettings"), "settings")
              .addParameter(SecureRandom.class, "random")
              .addStatement("this.rotation = new $T(keys, settings.keyOverlap(), random)",
                  rotation).build())
          .addMethod(Target.override("rotate").returns(String.class)
              .addJavadoc("{@inheritDoc}\n\n@throws IllegalArgumentException for a purpose "
                  + "other than {@code signing}\n")
              .addParameter(String.class, "purpose")
              .addStatement("return rotation.rotate(purpose)").build())
          .addMethod(Target.override("publishedKeyIds")
              .returns(ParameterizedTypeName.get(List.class, String.class))
              .addStatement("return rotation.publishedKeyIds()").build())
          .addMethod(Target.override("retire").addParameter(String.class, "keyId")
              .addJavadoc("{@inheritDoc}\n\n@throws IllegalArgumentException for the active "
                  + "key (rotate first)\n")
              .addStatement("rotation.retire(keyId)").build())
          .build();
    }
  }
}
