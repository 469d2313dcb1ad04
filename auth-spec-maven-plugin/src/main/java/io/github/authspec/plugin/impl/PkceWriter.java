package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.constructor;
import static io.github.authspec.plugin.impl.TokenWriters.names;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/** {@code pkce-support}: S256 checks ({@code Pkce}), and codes consumed exactly once. */
final class PkceWriter extends TokenWriters.Base {
  PkceWriter(String feature) {
    super(feature);
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName pkce = token(t, "Pkce");
    ClassName codes = token(t, "AuthorizationCodes");
    TypeName optionalString = ParameterizedTypeName.get(Optional.class, String.class);
    return t.skeleton(b, "PKCE (RFC 7636): S256 only unless plain is allowed, verifiers of "
            + "43 to 128 unreserved characters; authorization codes in table "
            + b.table("code").name() + " stored as SHA-256, consumed exactly once (one "
            + "UPDATE ... WHERE used_at IS NULL RETURNING) before the verifier is checked, so "
            + "a wrong verifier burns the code.")
        .addField(Target.field(pkce, "pkce"))
        .addField(Target.field(codes, "codes"))
        .addMethod(constructor("PKCE over a database.\n\n@param dataSource the database\n@param "
            + "clock the clock\n@param random randomness for codes\n@param allowPlain whether "
            + "the plain method is accepted (false unless clients cannot hash)\n@param codeTtl"
            + " the code lifetime (e.g. $T.DEFAULT_TTL; at most 10 minutes)\n", codes)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(SecureRandom.class, "random")
            .addParameter(TypeName.BOOLEAN, "allowPlain")
            .addParameter(Duration.class, "codeTtl")
            .addStatement("this.pkce = new $T(allowPlain)", pkce)
            .addStatement("this.codes = new $T(dataSource, new $T.Table($L),$Wclock, random, "
                + "codeTtl, pkce)", codes, codes, names(b, "code", "code", "clientId", "user",
                    "redirectUri", "scope", "challenge", "challengeMethod", "expiresAt",
                    "usedAt")).build())
        .addMethod(Target.override("verify").returns(TypeName.BOOLEAN)
            .addParameter(String.class, "codeVerifier")
            .addParameter(String.class, "codeChallenge").addParameter(String.class, "method")
            .addStatement("return pkce.isValid(codeVerifier, codeChallenge, method)").build())
        .addMethod(MethodSpec.methodBuilder("issueCode").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Issues a code for an authorization the user approved (for the "
                + "authorization endpoint).\n\n@param clientId the client's public id\n"
                + "@param userId the user\n@param redirectUri the request's redirect URI\n"
                + "@param scope the granted scope\n@param codeChallenge the request's "
                + "code_challenge\n@param method its code_challenge_method (absent means "
                + "plain)\n@return the code for the redirect (stored only as its hash)\n"
                + "@throws IllegalArgumentException for a malformed challenge or a refused "
                + "method\n")
            .returns(String.class).addParameter(String.class, "clientId")
            .addParameter(t.userId(), "userId").addParameter(String.class, "redirectUri")
            .addParameter(String.class, "scope").addParameter(String.class, "codeChallenge")
            .addParameter(optionalString, "method")
            .addStatement("return codes.issue(clientId, userId, redirectUri, scope, "
                + "codeChallenge, method).secret()").build())
        .addMethod(MethodSpec.methodBuilder("redeem").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Redeems a code at the token endpoint: consumes it (once), then "
                + "checks client, redirect URI and verifier.\n\n@param code the presented "
                + "code\n@param clientId the authenticated client's public id\n@param "
                + "redirectUri the token request's redirect_uri\n@param codeVerifier the "
                + "code_verifier\n@return the outcome; only GRANTED carries the user\n")
            .returns(codes.nestedClass("Redemption")).addParameter(String.class, "code")
            .addParameter(String.class, "clientId").addParameter(String.class, "redirectUri")
            .addParameter(optionalString, "codeVerifier")
            .addStatement("return codes.redeem(code, clientId, redirectUri, codeVerifier)")
            .build())
        .build();
  }
}
