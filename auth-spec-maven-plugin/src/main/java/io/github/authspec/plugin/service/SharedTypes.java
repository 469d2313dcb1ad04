package io.github.authspec.plugin.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.naming.Naming;
import java.time.Instant;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The request and result records every service interface shares, generated once. Records that
 * carry tokens, session handles or challenge payloads redact them in {@code toString()}: these
 * records end up in logs and exception messages, and each of those values is a bearer
 * credential.
 */
final class SharedTypes {
  private final Naming naming;
  private final ServiceTypes types;

  SharedTypes(Naming naming, ServiceTypes types) {
    this.naming = naming;
    this.types = types;
  }

  List<TypeSpec> all() {
    return List.of(requestContext(), authResult(), tokenPair(), challenge(), decision());
  }

  private TypeSpec requestContext() {
    return record("RequestContext", "Who is calling and from where: the context every "
            + "security decision needs.\n\n@param ip the client address (from trusted proxies "
            + "only)\n@param userAgent the User-Agent header\n@param deviceId the device "
            + "identifier, or null\n@param tenantId the tenant, or null\n@param now the "
            + "server's time for this request\n",
        component(ClassName.get(String.class), "ip"),
        component(ClassName.get(String.class), "userAgent"),
        component(ClassName.get(String.class), "deviceId"),
        component(types.type("TenantId").box(), "tenantId"),
        component(ClassName.get(Instant.class), "now")).build();
  }

  private TypeSpec authResult() {
    ClassName self = ClassName.get(naming.servicePackage(), "AuthResult");
    TypeSpec status = TypeSpec.enumBuilder("Status").addModifiers(Modifier.PUBLIC)
        .addJavadoc("How an authentication attempt ended.\n")
        .addEnumConstant("AUTHENTICATED").addEnumConstant("MFA_REQUIRED")
        .addEnumConstant("PENDING_APPROVAL").addEnumConstant("LOCKED")
        .addEnumConstant("FAILED").build();
    return record("AuthResult", "The outcome of an authentication step.\n\n@param status how it "
            + "ended\n@param userId the user, or null when unknown\n@param sessionId the new "
            + "session's handle, or null (redacted in toString)\n@param tokens the issued "
            + "tokens, or null\n@param requiredFactors factors still required (e.g. totp)\n",
        component(self.nestedClass("Status"), "status"),
        component(types.type("UserId").box(), "userId"),
        component(ClassName.get(String.class), "sessionId"),
        component(ClassName.get(naming.servicePackage(), "TokenPair"), "tokens"),
        component(ParameterizedTypeName.get(ClassName.get(List.class),
            ClassName.get(String.class)), "requiredFactors"))
        .addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Keeps an unmodifiable copy of {@code requiredFactors}; null is none.\n")
            .addStatement("requiredFactors = requiredFactors == null ? $T.of() : $T.copyOf("
                + "requiredFactors)", List.class, List.class).build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("The session handle is shown as {@code ***}; the tokens redact "
                + "themselves.\n")
            .addStatement("$T session = sessionId == null ? $S : $S", String.class, "null", "***")
            .addStatement("return $S + status + $S + userId + $S + session\n+ $S + tokens + $S "
                + "+ requiredFactors + $S", "AuthResult[status=", ", userId=", ", sessionId=",
                ", tokens=", ", requiredFactors=", "]").build())
        .addType(status).build();
  }

  private TypeSpec tokenPair() {
    return record("TokenPair", "An access token and its refresh token (redacted in "
            + "toString).\n\n@param accessToken the access token\n@param refreshToken the "
            + "refresh token, or null\n@param expiresAt when the access token expires\n",
        component(ClassName.get(String.class), "accessToken"),
        component(ClassName.get(String.class), "refreshToken"),
        component(ClassName.get(Instant.class), "expiresAt"))
        .addMethod(redactedToString("TokenPair[accessToken=***, refreshToken=***, expiresAt=\"",
            "expiresAt"))
        .build();
  }

  private TypeSpec challenge() {
    return record("Challenge", "Something the user or a device must answer: WebAuthn options, "
            + "a TOTP enrolment URI, a device code. The payload is redacted in toString.\n\n"
            + "@param id the challenge's id\n@param payload what to present (JSON or a URI)\n"
            + "@param expiresAt when it expires\n",
        component(ClassName.get(String.class), "id"),
        component(ClassName.get(String.class), "payload"),
        component(ClassName.get(Instant.class), "expiresAt"))
        .addMethod(redactedToString("Challenge[payload=***, expiresAt=\"", "expiresAt"))
        .build();
  }

  private TypeSpec decision() {
    return record("Decision", "An allow/deny answer with its reason.\n\n@param allowed whether "
            + "the request may proceed\n@param reason why, for the audit log\n",
        component(TypeName.BOOLEAN, "allowed"),
        component(ClassName.get(String.class), "reason")).build();
  }

  private record Component(TypeName type, String name) {}

  private static Component component(TypeName type, String name) {
    return new Component(type, name);
  }

  private TypeSpec.Builder record(String name, String doc, Component... components) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    for (Component c : components) {
      ctor.addParameter(c.type(), c.name());
    }
    return TypeSpec.recordBuilder(ClassName.get(naming.servicePackage(), name))
        .addModifiers(Modifier.PUBLIC).addJavadoc(doc)
        .recordConstructor(ctor.build());
  }

  private static MethodSpec redactedToString(String prefix, String shown) {
    return MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addJavadoc("Secrets are shown as {@code ***}.\n")
        .addStatement("return $S + $N + $S", prefix.replace("\"", ""), shown, "]").build();
  }
}
