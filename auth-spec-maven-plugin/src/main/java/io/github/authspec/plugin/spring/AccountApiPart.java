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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The auto-configuration's part of the account operations over HTTP ({@code httpApi=true}): the
 * support controller {@code AccountApi} over the generated services of the features the run
 * implements (registration, e-mail verification, password reset, magic links, the confirmation
 * of an address change), each operation a lambda over its service, the magic link's completion
 * continuing the login flow. Only when at least one of them is implemented.
 */
final class AccountApiPart {
  /** The name of the part, the nested class. */
  static final String NAME = "AccountOperationsApi";

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
    MethodSpec.Builder m = bean("authSpecAccountApi", api, "The account operations over the "
            + "services of the features the spec implements (the others answer 404, as the "
            + "document does not list them); a magic link leads only to a URI of the "
            + "application's {@code AccountApi.Redirects} bean.\n")
        .addJavadoc("@param flow the login flow, whose rate limits each operation spends\n"
            + "@param clock the application's {@code Clock} bean, or UTC\n"
            + "@param redirects where magic links may lead, when the application says\n")
        .addAnnotation(missing(api))
        .addParameter(flow.flow().factory().returnType(), "flow")
        .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, ClassName.get(Clock.class)),
            "clock")
        .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, redirects), "redirects");
    List<CodeBlock> needed = new ArrayList<>(List.of(CodeBlock.of("$T.class", loginFlow)));
    String[] names = {"registration", "verification", "recovery", "magicLinks", "emailChange"};
    List<Optional<ClassName>> services = operations.services();
    for (int i = 0; i < names.length; i++) {
      if (services.get(i).isPresent()) {
        m.addParameter(services.get(i).get(), names[i])
            .addJavadoc("@param $N the {@code $L} bean\n", names[i],
                services.get(i).get().simpleName());
        needed.add(CodeBlock.of("$T.class", services.get(i).get()));
      }
    }
    m.addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
            .addMember("value", list(needed)).build())
        .addJavadoc("@return the controller\n")
        .addStatement("$T now = clock.getIfAvailable($T::systemUTC)", Clock.class, Clock.class)
        .addStatement("$T<$T, $T> context = c -> new $T(c.ip(), c.userAgent(), null, null, "
            + "now.instant())", Function.class, client, context, context)
        .addCode("$T operations = new $T()", api.nestedClass("Operations"),
            api.nestedClass("Operations"));
    m.addCode(operations(redirects));
    return m.addCode(";\n")
        .addStatement("return $L", TypeSpec.anonymousClassBuilder("flow, operations")
            .superclass(api).build()).build();
  }

  /** The {@code with...} calls, one per operation the run has. */
  private CodeBlock operations(ClassName redirects) {
    ClassName refused = ClassName.get(naming.supportPackage("token"), "SingleUseSecrets",
        "Refused");
    CodeBlock.Builder b = CodeBlock.builder().indent().indent();
    if (operations.registration().isPresent()) {
      b.add("\n.withRegistration((email, password, client) -> ");
      if (operations.verification().isPresent()) {
        b.add("{\n$>$T c = context.apply(client);\n", ClassName.get(naming.servicePackage(),
            "RequestContext"))
            .add("// A new account is mailed its verification; a taken address is not.\n")
            .add("verification.sendVerification(registration.register(email, password, c), c);"
                + "\n$<})");
      } else {
        b.add("registration.register(email, password, context.apply(client)))");
      }
    }
    if (operations.verification().isPresent()) {
      b.add("\n.withVerification((token, client) -> verification.verify(token, "
          + "context.apply(client)))");
    }
    if (operations.recovery().isPresent()) {
      b.add("\n.withReset((email, client) -> recovery.startRecovery(email, "
          + "context.apply(client)),\n$>$>(token, password, client) -> ")
          .add(tokenUse("recovery.completeRecovery(token, password, context.apply(client))",
              CodeBlock.of("$T", refused)))
          .add(")$<$<");
    }
    if (operations.magicLinks().isPresent()) {
      b.add("\n.withMagicLinks((email, to, client) -> magicLinks.sendMagicLink(email, to, "
          + "context.apply(client)),\n$>$>")
          .add("(token, client) -> flow.loginProven($S, () -> $T.ofNullable(magicLinks"
              + ".consumeMagicLink(token, context.apply(client)).userId()), client),\n",
              "magic-link", Optional.class)
          .add("redirects.getIfAvailable(() -> new $T($T.of())))$<$<", redirects, Set.class);
    }
    if (operations.emailChange().isPresent()) {
      ClassName taken = ClassName.get(naming.supportPackage("auth"), "CredentialException");
      b.add("\n.withEmailChange((token, client) -> ")
          .add(tokenUse("emailChange.confirmChange(token, context.apply(client))",
              CodeBlock.of("$T | $T", refused, taken)))
          .add(")");
    }
    return b.unindent().unindent().build();
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
