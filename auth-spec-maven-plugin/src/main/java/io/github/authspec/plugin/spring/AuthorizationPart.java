package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_MISSING_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.OBJECT_PROVIDER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.naming.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The auto-configuration's authorization part: Spring Security's {@code PermissionEvaluator}
 * over the one decision ({@code AuthorizationPermissions}, which is also the factory of request
 * rules), and the method-security expression handler that uses it. Written when the run
 * implements a feature over {@code Authorization} and has the users table the evaluator names
 * users by.
 */
final class AuthorizationPart {
  static final String PERMISSION_EVALUATOR = "org.springframework.security.access"
      + ".PermissionEvaluator";
  private static final String METHOD = "org.springframework.security.access.expression.method";
  private static final ClassName EVALUATOR = ClassName.bestGuess(PERMISSION_EVALUATOR);
  private static final ClassName HANDLER = ClassName.get(METHOD,
      "MethodSecurityExpressionHandler");
  private static final ClassName DEFAULT_HANDLER = ClassName.get(METHOD,
      "DefaultMethodSecurityExpressionHandler");
  private static final ClassName APPLICATION_CONTEXT = ClassName.get(
      "org.springframework.context", "ApplicationContext");
  /**
   * What the application customises Spring Security's own handler with, which this handler
   * would not apply (the role prefix, in spring-security-config; the role hierarchy, whose
   * setter on the handler Spring Security 7 deprecates; 7's factory of the rules): with any of
   * them, the application declares the handler. By name: some are absent from some versions.
   */
  private static final String[] CUSTOMISED = {
    "org.springframework.security.access.expression.method.MethodSecurityExpressionHandler",
    "org.springframework.security.config.core.GrantedAuthorityDefaults",
    "org.springframework.security.access.hierarchicalroles.RoleHierarchy",
    "org.springframework.security.authorization.AuthorizationManagerFactory",
  };

  private final Naming naming;
  private final ImplementationBeans.Bean decision;
  private final MethodSpec isAllowed;
  private final UserDetailsWriter users;

  private AuthorizationPart(Naming naming, ImplementationBeans.Bean decision,
      MethodSpec isAllowed, UserDetailsWriter users) {
    this.naming = naming;
    this.decision = decision;
    this.isAllowed = isAllowed;
    this.users = users;
  }

  /**
   * The part, when a bean is an implementation over {@code Authorization} with an
   * {@code isAllowed(user, permission, ...)}: the root one (a refinement's bean is of its
   * parent's type too, and the parent's is the {@code @Primary} one), which decides through
   * every column the spec binds, as each of them does.
   */
  static Optional<AuthorizationPart> of(Naming naming, ImplementationBeans beans,
      Optional<UserDetailsWriter> users) {
    if (users.isEmpty()) {
      return Optional.empty();
    }
    List<ImplementationBeans.Bean> over = beans.beans().stream()
        .filter(b -> b.implementation().support().contains("Authorization"))
        .filter(b -> isAllowed(b).isPresent()).toList();
    List<ClassName> refinements = new ArrayList<>();
    over.forEach(b -> refinements.addAll(b.refinements()));
    return over.stream().filter(b -> !refinements.contains(b.api())).findFirst()
        .map(b -> new AuthorizationPart(naming, b, isAllowed(b).orElseThrow(), users.get()));
  }

  private static Optional<MethodSpec> isAllowed(ImplementationBeans.Bean bean) {
    return bean.implementation().type().methodSpecs().stream()
        .filter(m -> m.name().equals("isAllowed") && m.parameters().size() >= 2)
        .findFirst();
  }

  /**
   * The decider's answer: with a resource, the generated class's {@code decideOn} (tags of the
   * resource may allow; deny rules still override), else {@code plain}; an application's own
   * bean of the interface always answers {@code plain}.
   */
  private CodeBlock decide(CodeBlock plain) {
    boolean on = decision.implementation().type().methodSpecs().stream()
        .anyMatch(m -> m.name().equals("decideOn"));
    return on ? CodeBlock.of("id != null && decision.getObject() instanceof $T d$W"
        + "? d.decideOn(user, permission, type, id).allowed()$W: $L",
        decision.implementation().className(), plain) : plain;
  }

  /**
   * The generated filter chain's principal is the account id itself; a String principal is a
   * user name, so only an id of another type is taken as it is.
   */
  private static CodeBlock signed(TypeName id) {
    return id.equals(TypeName.get(String.class)) ? CodeBlock.of("")
        : CodeBlock.of("authentication.getPrincipal() instanceof $T signed ? signed$W: ", id);
  }

  TypeSpec permissions() {
    ClassName permissions = ClassName.get(naming.supportPackage("spring"),
        "AuthorizationPermissions");
    List<ParameterSpec> params = isAllowed.parameters();
    List<CodeBlock> args = new ArrayList<>();
    args.add(CodeBlock.of("($T) user", params.get(0).type().box()));
    args.add(CodeBlock.of("permission"));
    // The request's attributes: none here (the decision's clock is the server's).
    params.subList(2, params.size()).forEach(p -> args.add(CodeBlock.of("null")));
    MethodSpec evaluator = bean("authSpecAuthorizationPermissions", permissions,
            "{@code hasPermission(...)} and request rules ({@code requires(permission)}) over "
            + "{@code " + decision.api().simpleName() + "}, the user whose id is "
            + "the authentication's principal (the generated filter chain's) or named by its "
            + "name in the users table; anonymous and unknown users, and a "
            + "decision that fails, are denied.\n\n@param decision the decision\n"
            + "@param users the users\n@return the evaluator")
        .addAnnotation(missing(EVALUATOR))
        .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, decision.api()), "decision")
        .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, users.usersRepository()),
            "users")
        .addStatement("return new $T(\n(user, permission, type, id) -> $L,\n"
            + "authentication -> $L$L$Z.orElse(null))", permissions, decide(CodeBlock.of(
            "decision.getObject().$N($L)", isAllowed.name(), CodeBlock.join(args, ", "))),
            signed(params.get(0).type().box()), users.idOf(CodeBlock.of("users.getObject()"),
                CodeBlock.of("authentication.getName()")))
        .build();
    MethodSpec handler = bean("authSpecMethodSecurityExpressionHandler", HANDLER,
            "The expression handler of {@code @PreAuthorize}, with the application's "
            + "{@code PermissionEvaluator} (this part's unless it declares its own): "
            + "{@code @EnableMethodSecurity} does not take a {@code PermissionEvaluator} bean "
            + "on its own. Backs off to the application's handler, and to its "
            + "{@code GrantedAuthorityDefaults}, {@code RoleHierarchy} or "
            + "{@code AuthorizationManagerFactory}, which this handler would not apply. "
            + "Static, as Spring Security asks of method-security infrastructure.\n\n"
            + "@param evaluator the evaluator\n@param context the context, for bean "
            + "references in expressions\n@return the handler")
        .addModifiers(Modifier.STATIC)
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_MISSING_BEAN)
            .addMember("type", "$L", ConfigurationParts.names(CUSTOMISED)).build())
        .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, EVALUATOR), "evaluator")
        .addParameter(APPLICATION_CONTEXT, "context")
        .addStatement("$T handler = new $T()", DEFAULT_HANDLER, DEFAULT_HANDLER)
        .addStatement("handler.setApplicationContext(context)")
        .addStatement("evaluator.ifUnique(handler::setPermissionEvaluator)")
        .addStatement("return handler").build();
    return part("Permissions", "Spring Security's {@code hasPermission} over the one "
        + "authorization decision: {@code @PreAuthorize(\"hasPermission(#id, 'document', "
        + "'read')\")} asks it for {@code document:read}. Only with Spring Security on the "
        + "class path.")
        .addAnnotation(onClass(PERMISSION_EVALUATOR))
        .addMethod(evaluator).addMethod(handler).build();
  }
}
