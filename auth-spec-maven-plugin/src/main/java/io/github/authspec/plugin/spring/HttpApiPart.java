package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_BEAN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import io.github.authspec.plugin.naming.Naming;
import java.util.EnumSet;
import java.util.List;

/**
 * The auto-configuration's part of {@code httpApi=true}: the login flow as a bean (the generated
 * {@code LoginFlows.of(...)}, its parameters supplied as an implementation's constructor's are)
 * and the controllers that serve it (the login API with exactly the flow's steps, its problems,
 * its OpenAPI document, RFC 7009 revocation with refresh tokens, the JWK set when tokens are
 * signed), each backing off to the application's bean of its type. Only with Spring MVC on the
 * class path.
 */
final class HttpApiPart {
  private static final String DISPATCHER_SERVLET =
      "org.springframework.web.servlet.DispatcherServlet";

  private final Naming naming;
  private final ImplementationsPart implementations;
  private final ImplementationBeans.FlowBean flow;

  HttpApiPart(Naming naming, ImplementationsPart implementations,
      ImplementationBeans.FlowBean flow) {
    this.naming = naming;
    this.implementations = implementations;
    this.flow = flow;
  }

  /** The support classes of area {@code spring} the HTTP API serves with. */
  static List<String> support(ImplementationBeans.FlowBean flow) {
    List<String> names = new java.util.ArrayList<>(List.of("ApiProblems", "HttpApiReadiness",
        "LoginApi", "AccountApi", "OpenApiDocument"));
    if (flow.jwks()) {
      names.add("JwksDocument");
    }
    if (flow.flow().refreshToken()) {
      names.add("TokenRevocationApi");
    }
    if (flow.metrics()) {
      names.add("LoginMetrics");
    }
    names.addAll(CallerApiPart.support(flow));
    return List.copyOf(names);
  }

  /**
   * The part.
   *
   * @param before the parts whose beans the flow may take (implementations, scripts, clients):
   *     imported here so their beans are registered before the flow's conditions are read, as
   *     the order of member classes is not the order of the outer {@code @Import}
   */
  TypeSpec httpApi(List<ClassName> before) {
    ClassName loginFlow = ClassName.get(naming.supportPackage("auth"), "LoginFlow");
    ClassName flows = ClassName.get(naming.servicePackage(), flow.flow().type().name());
    MethodSpec.Builder flowBean = bean("authSpecLoginFlow", flow.flow().factory().returnType(),
            "The login flow of the spec's bound features ({@code " + flows.simpleName()
            + ".of}); its settings are {@code " + SpringProperties.PREFIX + ".implementations."
            + ImplementationBeans.FlowBean.FEATURE + ".*}.\n")
        .addAnnotation(missing(loginFlow)).addAnnotation(ConfigurationParts.singleDataSource());
    CodeBlock args = implementations.arguments(flowBean, ImplementationBeans.FlowBean.FEATURE,
        flow.parameters(), true);
    ClassName observer = loginFlow.nestedClass("Observer");
    flowBean.addJavadoc("@param observers the flow's observer, when the application has one "
            + "(the metrics, with Micrometer)\n@return the flow\n")
        .addParameter(ParameterizedTypeName.get(SpringTypes.OBJECT_PROVIDER, observer),
            "observers")
        .addStatement("$T flow = $T.of($L)", flow.flow().factory().returnType(), flows, args)
        .addStatement("$T observer = observers.getIfUnique()", observer)
        .addStatement("return observer == null ? flow : flow.observedBy(observer)");
    TypeSpec.Builder part = part("HttpApi", "The login flow over HTTP at {@code /auth} (JSON "
        + "only; every refusal the same RFC 9457 problem; the session in a {@code __Host-} "
        + "cookie) and its OpenAPI document at {@code /auth/openapi.json}. Only with Spring MVC "
        + "on the class path.")
        .addAnnotation(onClass(DISPATCHER_SERVLET))
        .addAnnotation(AnnotationSpec.builder(SpringTypes.IMPORT).addMember("value",
            ConfigurationParts.list(before.stream().map(c -> CodeBlock.of("$T.class", c))
                .toList())).build())
        .addMethod(flowBean.build())
        .addMethod(readiness(loginFlow))
        .addMethod(controller("LoginApi", "The login API over the flow, with the steps it has "
                + "(the others answer 404, as the document does not list them).",
                ParameterizedTypeName.get(loginFlow, WildcardTypeName.subtypeOf(Object.class)),
                CodeBlock.of("flow, $L", offered()))
            .build())
        .addMethod(controller("ApiProblems", "The login API's errors as problems.", null)
            .build())
        .addMethod(controller("OpenApiDocument", "The login API's OpenAPI document.", null)
            .build());
    if (flow.flow().refreshToken()) {
      part.addMethod(controller("TokenRevocationApi", "Refresh-token revocation (RFC 7009).",
          ParameterizedTypeName.get(loginFlow, WildcardTypeName.subtypeOf(Object.class)))
          .build());
    }
    if (flow.jwks()) {
      part.addMethod(jwks());
    }
    new CallerApiPart(naming, flow).beans().forEach(part::addMethod);
    return part.build();
  }

  /**
   * The part that measures the flow, when the project has Micrometer: its timers go to the
   * application's {@code MeterRegistry} once there is one (none yet records nothing, so an
   * application with Micrometer and no registry still starts).
   */
  java.util.Optional<TypeSpec> metrics() {
    if (!flow.metrics()) {
      return java.util.Optional.empty();
    }
    ClassName metrics = ClassName.get(naming.supportPackage("spring"), "LoginMetrics");
    ClassName observer = ClassName.get(naming.supportPackage("auth"), "LoginFlow", "Observer");
    ClassName registry = ClassName.get("io.micrometer.core.instrument", "MeterRegistry");
    MethodSpec bean = bean("authSpecLoginMetrics", observer, "The login flow's steps as "
            + "Micrometer timers ({@code authspec.login}, by operation and outcome).\n\n"
            + "@param registry the application's registry, when it has one\n"
            + "@return the observer")
        .addAnnotation(missing(observer))
        .addParameter(ParameterizedTypeName.get(SpringTypes.OBJECT_PROVIDER, registry),
            "registry")
        .addStatement("return new $T(registry::getIfAvailable)", metrics).build();
    return java.util.Optional.of(part("LoginFlowMetrics", "The login flow measured with "
        + "Micrometer. Only with Micrometer on the class path.")
        .addAnnotation(onClass(registry.canonicalName())).addMethod(bean).build());
  }

  /**
   * The start-up warning that names what the flow waits for when it is not made: the beans its
   * conditions ask for, so an API the build asked for never goes missing without a word.
   */
  private MethodSpec readiness(ClassName loginFlow) {
    ClassName type = ClassName.get(naming.supportPackage("spring"), "HttpApiReadiness");
    java.util.Set<com.palantir.javapoet.TypeName> types = new java.util.LinkedHashSet<>();
    List<CodeBlock> names = new java.util.ArrayList<>();
    for (ImplementationBeans.Parameter p : flow.parameters()) {
      switch (p.source()) {
        case SERVICE, BUILT, APPLICATION -> types.add(
            p.type() instanceof ParameterizedTypeName g ? g.rawType() : p.type());
        case NAMED_KEY -> names.add(CodeBlock.of("$S", ImplementationBeans.keyBeanName(p.name())));
        default -> { }
      }
    }
    List<CodeBlock> classes = types.stream().map(t -> CodeBlock.of("$T.class", t)).toList();
    return bean("authSpecHttpApiReadiness", type, "Warns at start-up when the login flow, and "
            + "so the API, is not made, naming the beans it waits for.\n\n"
            + "@param beans the application's beans\n@return the check")
        .addAnnotation(missing(type))
        .addParameter(ClassName.get("org.springframework.beans.factory",
            "ListableBeanFactory"), "beans")
        .addStatement("return new $T(beans, $T.class, $T.of($L), $T.of($L))", type, loginFlow,
            List.class, CodeBlock.join(classes, ",$W"), List.class, CodeBlock.join(names, ",$W"))
        .build();
  }

  /** The set of {@code LoginApi.Step}s the flow has. */
  private CodeBlock offered() {
    ClassName step = ClassName.get(naming.supportPackage("spring"), "LoginApi", "Step");
    ImplementationGenerator.Flow f = flow.flow();
    List<CodeBlock> steps = new java.util.ArrayList<>();
    if (f.secondFactor()) {
      steps.add(CodeBlock.of("$T.SECOND_FACTOR", step));
    }
    if (f.enrolment()) {
      steps.add(CodeBlock.of("$T.ENROLMENT", step));
    }
    if (f.passwordChange()) {
      steps.add(CodeBlock.of("$T.PASSWORD_CHANGE", step));
    }
    if (f.refreshToken()) {
      steps.add(CodeBlock.of("$T.REFRESH", step));
    }
    return steps.isEmpty() ? CodeBlock.of("$T.noneOf($T.class)", EnumSet.class, step)
        : CodeBlock.of("$T.of($L)", EnumSet.class, CodeBlock.join(steps, ",$W"));
  }

  /** The public keys of the application's {@code KeyRing}, the one that signs the tokens. */
  private MethodSpec jwks() {
    ClassName type = ClassName.get(naming.supportPackage("spring"), "JwksDocument");
    ClassName ring = ClassName.get(naming.supportPackage("token"), "KeyRing");
    return bean("authSpecJwksDocument", type, "The JWK set of the {@code KeyRing} bean at "
            + "{@code /.well-known/jwks.json}.\n\n@param keys the signing keys\n"
            + "@return the controller")
        .addAnnotation(missing(type))
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
            .addMember("value", "$T.class", ring).build())
        .addParameter(ring, "keys")
        .addStatement("return $L", TypeSpec.anonymousClassBuilder("keys").superclass(type)
            .build()).build();
  }

  /**
   * A controller's bean: an anonymous subclass (the support class is abstract, so scanning
   * never registers it), backing off to the application's, and only beside a flow bean, so no
   * document or advice is served without the API; with {@code flowType}, made over the flow.
   */
  private MethodSpec.Builder controller(String simpleName, String doc,
      ParameterizedTypeName flowType) {
    return controller(simpleName, doc, flowType, CodeBlock.of(flowType == null ? "" : "flow"));
  }

  private MethodSpec.Builder controller(String simpleName, String doc,
      ParameterizedTypeName flowType, CodeBlock arguments) {
    ClassName type = ClassName.get(naming.supportPackage("spring"), simpleName);
    ClassName loginFlow = ClassName.get(naming.supportPackage("auth"), "LoginFlow");
    MethodSpec.Builder m = bean(ConfigurationParts.beanName(simpleName), type, doc + "\n\n"
        + (flowType == null ? "" : "@param flow the flow\n") + "@return the controller")
        .addAnnotation(missing(type))
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
            .addMember("value", "$T.class", loginFlow).build());
    TypeSpec.Builder subclass = TypeSpec.anonymousClassBuilder(arguments).superclass(type);
    if (flowType != null) {
      m.addParameter(flowType, "flow");
    }
    return m.addStatement("return $L", subclass.build());
  }
}
