package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_BEAN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.authspec.plugin.naming.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The auto-configuration's beans for signed-in callers, with {@code httpApi}: {@code Callers}
 * (who is calling: a bearer access token or the session cookie, through the flow), the
 * {@code CallerApi} controller (the caller's sessions, logout everywhere) and, with Spring
 * Security's web configuration on the project's class path, the service's
 * {@code SecurityFilterChain}, which backs off to the application's own.
 */
final class CallerApiPart {
  private static final String CHAIN = "org.springframework.security.web.SecurityFilterChain";
  private static final String HTTP_SECURITY =
      "org.springframework.security.config.annotation.web.builders.HttpSecurity";
  private static final ClassName ENABLE_WEB_SECURITY = ClassName.get(
      "org.springframework.security.config.annotation.web.configuration", "EnableWebSecurity");

  private final Naming naming;
  private final ImplementationBeans.FlowBean flow;

  CallerApiPart(Naming naming, ImplementationBeans.FlowBean flow) {
    this.naming = naming;
    this.flow = flow;
  }

  /** The support classes of area {@code spring} these beans are made of. */
  static List<String> support(ImplementationBeans.FlowBean flow) {
    List<String> names = new ArrayList<>(List.of("Callers", "CallerApi"));
    if (flow.security()) {
      names.add("CallerSecurity");
    }
    return List.copyOf(names);
  }

  private ClassName spring(String simpleName) {
    return ClassName.get(naming.supportPackage("spring"), simpleName);
  }

  /** The beans of the HTTP API's part: {@code Callers} and the {@code CallerApi}. */
  List<MethodSpec> beans() {
    ClassName loginFlow = ClassName.get(naming.supportPackage("auth"), "LoginFlow");
    ClassName callers = spring("Callers");
    ClassName api = spring("CallerApi");
    AnnotationSpec onFlow = AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
        .addMember("value", "$T.class", loginFlow).build();
    MethodSpec who = bean("authSpecCallers", callers, "Who is calling: the account of a "
            + "bearer access token or of the session cookie, by the flow's credentials.\n\n"
            + "@param flow the flow\n@return the callers")
        .addAnnotation(missing(callers)).addAnnotation(onFlow)
        .addParameter(ParameterizedTypeName.get(loginFlow,
            WildcardTypeName.subtypeOf(Object.class)), "flow")
        .addStatement("return new $T(flow)", callers).build();
    MethodSpec controller = bean("authSpecCallerApi", api, "The signed-in caller's operations "
            + "on its own account: its sessions, logout everywhere.\n\n@param flow the flow\n"
            + "@param callers who is calling\n@return the controller")
        .addAnnotation(missing(api)).addAnnotation(onFlow)
        .addParameter(ParameterizedTypeName.get(loginFlow,
            WildcardTypeName.subtypeOf(Object.class)), "flow")
        .addParameter(callers, "callers")
        .addStatement("return $L", TypeSpec.anonymousClassBuilder("flow, callers")
            .superclass(api).build()).build();
    return List.of(who, controller);
  }

  /**
   * The part of the filter chain, when the project has Spring Security's configuration: only
   * with its web classes at run time and without the application's own chain, which it backs
   * off to (and Boot's default chain backs off to it, so the protection is never off).
   *
   * @param httpApi the part of the {@code Callers} bean: imported here so that bean is
   *     registered before this part's condition is read
   */
  Optional<TypeSpec> security(ClassName httpApi) {
    if (!flow.security()) {
      return Optional.empty();
    }
    ClassName chain = ClassName.bestGuess(CHAIN);
    MethodSpec bean = bean("authSpecSecurityFilterChain", chain, "The service's filter chain: "
            + "the sign-in operations, the OpenAPI document and the JWK set open, every other "
            + "request authenticated by a bearer access token or the session cookie; "
            + "stateless; 401 problems with {@code WWW-Authenticate: Bearer}.\n\n"
            + "@param http Spring Security's builder\n@param callers who is calling\n"
            + "@return the chain\n@throws Exception as {@code HttpSecurity.build} declares")
        .addAnnotation(missing(chain))
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
            .addMember("value", "$T.class", spring("Callers")).build())
        .addParameter(ClassName.bestGuess(HTTP_SECURITY), "http")
        .addParameter(spring("Callers"), "callers")
        .addException(Exception.class)
        .addStatement("return $T.chain(http, callers)", spring("CallerSecurity")).build();
    return Optional.of(part("CallerSecurityChain", "The service's Spring Security filter "
        + "chain over the login flow's credentials. Only with Spring Security's web classes on "
        + "the class path and without the application's own {@code SecurityFilterChain}.")
        .addAnnotation(onClass(CHAIN, HTTP_SECURITY))
        .addAnnotation(missing(chain))
        .addAnnotation(ENABLE_WEB_SECURITY)
        .addAnnotation(AnnotationSpec.builder(SpringTypes.IMPORT)
            .addMember("value", "$T.class", httpApi).build())
        .addMethod(bean).build());
  }
}
