package io.github.authspec.plugin.openapi;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.impl.AccountOperations;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import java.util.List;
import java.util.Optional;

/**
 * With {@code httpApi=true}: checks that the run can serve the login flow over HTTP (the Spring
 * Boot flavour, implementations, a spec whose flow is written; otherwise one error per missing
 * condition, saying how to fix it) and writes the API's OpenAPI document to
 * {@value #PATH} under the resources, where the application serves it from.
 */
public final class OpenApiGenerator implements Generator {
  /** The document's path in the resources; the support class {@code OpenApiDocument} reads it. */
  public static final String PATH = "META-INF/auth-spec/openapi.json";
  private static final String OFF = ", or remove <httpApi>";

  @Override
  public String name() {
    return "openapi";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    GenerationRequest request = context.request();
    if (!request.httpApi()) {
      return List.of();
    }
    if (request.flavour() != Flavour.SPRING_BOOT) {
      context.report(Code.INVALID_CONFIGURATION, "", "httpApi serves the login flow through "
          + "Spring MVC, so it needs flavour=SPRING_BOOT (it is " + request.flavour() + ")",
          "set <flavour>SPRING_BOOT</flavour> (authspec.flavour)" + OFF);
    }
    if (!request.implementations()) {
      context.report(Code.INVALID_CONFIGURATION, "", "httpApi serves the generated login flow, "
          + "so it needs implementations=true", "set <implementations>true</implementations> "
          + "(authspec.implementations)" + OFF);
      return List.of();
    }
    Optional<ImplementationGenerator.Flow> flow = ImplementationGenerator.loginFlow(context);
    if (flow.isEmpty()) {
      context.report(Code.INVALID_CONFIGURATION, "", "httpApi serves the generated login flow, "
          + "which this spec does not get: LoginFlows needs email-password-login and a session "
          + "or refresh-token feature (session-management, jwt-tokens, ...) selected and bound",
          "select them in the spec (the build log's 'auth-spec: <feature>' lines say what bound "
          + "and what is missing)" + OFF);
      return List.of();
    }
    if (request.flavour() != Flavour.SPRING_BOOT) {
      return List.of();
    }
    String title = context.spec().project().name().isBlank() ? "auth-service"
        : context.spec().project().name();
    return List.of(GeneratedFile.text(OutputRoot.RESOURCES, PATH,
        LoginApiDocument.of(title, flow.get(), ImplementationGenerator.signsTokens(context),
            AccountOperations.of(ImplementationGenerator.implementations(context)))));
  }
}
