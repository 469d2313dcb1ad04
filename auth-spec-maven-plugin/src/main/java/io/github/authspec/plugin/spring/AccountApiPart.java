package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.list;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.OBJECT_PROVIDER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.impl.AccountOperations;
import io.github.authspec.plugin.naming.Naming;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The auto-configuration's part of the account operations over HTTP ({@code httpApi=true}): the
 * support controller {@code AccountApi} over the generated services of the features the run
 * implements (registration, e-mail verification, password reset, magic links, the confirmation
 * of an address change, the acceptance of an invitation), each operation a lambda over its
 * service, the magic link's completion continuing the login flow.
 */
final class AccountApiPart {
  /** The name of the part, the nested class. */
  static final String NAME = "AccountOperationsApi";

  /** The services' parameter names, in the order of {@link AccountOperations#services()}. */
  private static final List<String> NAMES = List.of("registration", "verification", "recovery",
      "magicLinks", "emailChange", "invitations");

  private final Naming naming;
  private final ImplementationBeans.FlowBean flow;
  private final AccountOperations operations;

  private AccountApiPart(Naming naming, ImplementationBeans.FlowBean flow,
      AccountOperations operations) {
    this.naming = naming;
    this.flow = flow;
    this.operations = operations;
  }

  /** The part, when the run implements an account operation. */
  static Optional<TypeSpec> of(Naming naming, ImplementationBeans beans,
      ImplementationBeans.FlowBean flow, ClassName httpApi) {
    AccountOperations operations = AccountOperations.of(beans.beans().stream()
        .map(ImplementationBeans.Bean::implementation).toList());
    if (!operations.any()) {
      return Optional.empty();
    }
    return Optional.of(new AccountApiPart(naming, flow, operations).write(httpApi));
  }

  private TypeSpec write(ClassName httpApi) {
    return part(NAME, "The account operations a caller not signed in may use, at "
        + "{@code /auth} beside the login API (JSON only; no answer tells whether an account "
        + "has an address; every refused token the same RFC 9457 problem). Only with Spring "
        + "MVC on the class path.")
        .addAnnotation(onClass("org.springframework.web.servlet.DispatcherServlet"))
        .addAnnotation(AnnotationSpec.builder(SpringTypes.IMPORT)
            .addMember("value", "$T.class", httpApi).build())
        .addMethod(controller()).build();
  }

  private MethodSpec controller() {
    ClassName api = spring("AccountApi");
    ClassName loginFlow = ClassName.get(naming.supportPackage("auth"), "LoginFlow");
    ClassName context = ClassName.get(naming.servicePackage(), "RequestContext");
    ClassName client = ClassName.get(naming.supportPackage("auth"), "LoginSteps", "Client");
    ClassName redirects = api.nestedClass("Redirects");
    ClassName registration = operations.registration().orElseThrow();
    MethodSpec.Builder m = bean("authSpecAccountApi", api, "The account operations over the "
            + "services of the features the spec implements, each offered when its service "
            + "bean exists (e.g. once its {@code lifetime} is set; the others answer 404); a "
            + "magic link leads only to a URI of the application's {@code AccountApi.Redirects} "
            + "bean.\n")
        .addJavadoc("@param flow the login flow, whose rate limits each operation spends\n"
            + "@param clock the application's {@code Clock} bean, or UTC\n"
            + "@param redirects where magic links may lead, when the application says\n"
            + "@param registration the {@code $L} bean\n", registration.simpleName())
        .addAnnotation(missing(api))
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN).addMember("value",
            list(List.of(CodeBlock.of("$T.class", loginFlow),
                CodeBlock.of("$T.class", registration)))).build())
        .addParameter(flow.flow().factory().returnType(), "flow")
        .addParameter(provider(ClassName.get(Clock.class)), "clock")
        .addParameter(provider(redirects), "redirects")
        .addParameter(registration, "registration");
    List<Optional<ClassName>> services = operations.services();
    CodeBlock.Builder optional = CodeBlock.builder();
    for (int i = 1; i < NAMES.size(); i++) {
      if (services.get(i).isPresent()) {
        ClassName type = services.get(i).get();
        String name = NAMES.get(i);
        m.addParameter(provider(type), name + "Bean")
            .addJavadoc("@param $NBean the {@code $L} bean, when it exists\n", name,
                type.simpleName());
        optional.addStatement("$T $N = $NBean.getIfAvailable()", type, name, name);
      }
    }
    return m.addJavadoc("@return the controller\n")
        .addStatement("$T now = clock.getIfAvailable($T::systemUTC)", Clock.class, Clock.class)
        .addStatement("$T<$T, $T> context = c -> new $T(c.ip(), c.userAgent(), null, null, "
            + "now.instant())", Function.class, client, context, context)
        .addCode(optional.build())
        .addStatement("$T operations = new $T()", api.nestedClass("Operations"),
            api.nestedClass("Operations"))
        .addCode(operations(redirects))
        .addStatement("return $L", TypeSpec.anonymousClassBuilder("flow, operations")
            .superclass(api).build()).build();
  }

  private static ParameterizedTypeName provider(ClassName type) {
    return ParameterizedTypeName.get(OBJECT_PROVIDER, type);
  }

  /** One {@code operations = operations.with...} per operation whose service exists. */
  private CodeBlock operations(ClassName redirects) {
    ClassName refused = ClassName.get(naming.supportPackage("token"), "SingleUseSecrets",
        "Refused");
    CodeBlock.Builder b = CodeBlock.builder();
    if (operations.verification().isPresent()) {
      b.add("operations = operations.withRegistration((email, password, client) -> {\n$>")
          .add("$T c = context.apply(client);\n", ClassName.get(naming.servicePackage(),
              "RequestContext"))
          .add("var id = registration.register(email, password, c);\n")
          .add("// A new account is mailed its verification; a taken address is not.\n")
          .add("if (verification != null) {\n$>verification.sendVerification(id, c);\n$<}\n")
          .add("$<});\n");
      b.beginControlFlow("if (verification != null)")
          .addStatement("operations = operations.withVerification((token, client) ->$W"
              + "verification.verify(token, context.apply(client)))")
          .endControlFlow();
    } else {
      b.addStatement("operations = operations.withRegistration((email, password, client) ->$W"
          + "registration.register(email, password, context.apply(client)))");
    }
    if (operations.recovery().isPresent()) {
      b.beginControlFlow("if (recovery != null)")
          .add("operations = operations.withReset((email, client) ->\n$>$>"
              + "recovery.startRecovery(email, context.apply(client)),\n"
              + "(token, password, client) -> ")
          .add(tokenUse("recovery.completeRecovery(token, password, context.apply(client))",
              CodeBlock.of("$T", refused)))
          .add(");\n$<$<").endControlFlow();
    }
    if (operations.magicLinks().isPresent()) {
      b.beginControlFlow("if (magicLinks != null)")
          .add("operations = operations.withMagicLinks((email, to, client) ->\n$>$>"
              + "magicLinks.sendMagicLink(email, to, context.apply(client)),\n")
          .add("(token, client) -> flow.loginProven($S, () -> $T.ofNullable(magicLinks"
              + ".consumeMagicLink(token, context.apply(client)).userId()), client),\n",
              "magic-link", Optional.class)
          .add("redirects.getIfAvailable(() -> new $T($T.of())));\n$<$<", redirects,
              Set.class)
          .endControlFlow();
    }
    if (operations.emailChange().isPresent()) {
      ClassName taken = ClassName.get(naming.supportPackage("auth"), "CredentialException");
      b.beginControlFlow("if (emailChange != null)")
          .add("operations = operations.withEmailChange((token, client) -> ")
          .add(tokenUse("emailChange.confirmChange(token, context.apply(client))",
              CodeBlock.of("$T | $T", refused, taken)))
          .add(");\n").endControlFlow();
    }
    if (operations.invitations().isPresent()) {
      b.beginControlFlow("if (invitations != null)")
          .add("operations = operations.withInvitations((token, password, client) -> ")
          .add(tokenUse("invitations.accept(token, password, context.apply(client))",
              CodeBlock.of("$T", refused)))
          .add(");\n").endControlFlow();
    }
    return b.build();
  }

  /** A lambda body: the call, true; false when the token is refused. */
  private static CodeBlock tokenUse(String call, CodeBlock refusals) {
    return CodeBlock.of("{\n$>try {\n$>$L;\nreturn true;\n$<} catch ($L e) {\n$>"
        + "return false;\n$<}\n$<}", call, refusals);
  }

  private ClassName spring(String simpleName) {
    return ClassName.get(naming.supportPackage("spring"), simpleName);
  }
}
