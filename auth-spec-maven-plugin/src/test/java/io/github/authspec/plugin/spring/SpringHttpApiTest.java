package io.github.authspec.plugin.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.openapi.OpenApiGenerator;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code httpApi=true}: the option's conditions, the auto-configuration part, the document. */
class SpringHttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPRING = "com/example/authservice/spring/";
  /** The features whose steps are the optional operations. */
  private static final Set<String> OPTIONAL_STEPS = Set.of("totp", "backup-codes",
      "force-password-change", "password-expiration", "mfa-grace-period", "jwt-tokens",
      "token-rotation", "token-family-tracking",
      "refresh-token-reuse-detection", "email-verification", "account-recovery", "magic-links",
      "email-change-workflow", "invite-only-registration");
  private static List<GeneratedFile> full;
  @TempDir static Path shared;
  @TempDir Path dir;

  /** The full spec with every option the HTTP API needs. */
  private static GenerationRequest.Builder request(Path specFile, Path dir) {
    return GenerationRequest.defaults(specFile, dir).toBuilder().flavour(Flavour.SPRING_BOOT)
        .redisClient(RedisClient.LETTUCE).implementations(true).set("httpApi", true);
  }

  private static synchronized List<GeneratedFile> full() {
    if (full == null) {
      Path d = shared.resolve("full");
      full = Specs.plan(request(Specs.project(Specs.FULL, d).specFile(), d).build());
    }
    return full;
  }

  @Test
  @DisplayName("the full spec with httpApi compiles with -Xlint:all -Werror; the part waits for "
      + "Spring MVC, makes the flow from LoginFlows.of and backs off to the application's beans")
  void part() throws Exception {
    List<GeneratedFile> files = full();
    ClassLoader loader = GeneratedSources.compile(files, dir.resolve("build"));
    String auto = text(files, OutputRoot.JAVA, SPRING + "AuthSpecAutoConfiguration.java")
        .replaceAll("\\s+", " ");
    assertThat(auto)
        .contains("@ConditionalOnClass( name = \"org.springframework.web.servlet"
            + ".DispatcherServlet\" ) @Import({Repositories.class, Redis.class, Clients.class, "
            + "ImplementationScripts.class, Implementations.class}) static class HttpApi")
        .contains("@ConditionalOnMissingBean(LoginFlow.class)")
        .contains("flow = LoginFlows.of(dataSource, clock.getIfAvailable(Clock::systemUTC), "
            + "hasher,")
        .contains("LoginFlow.Observer observer = observers.getIfUnique(); return observer == "
            + "null ? flow : flow.observedBy(observer);")
        .contains("beans.getBean(\"authSpecHandleKey\", byte[].class)")
        .contains("properties.getImplementations().getLoginFlow().getRateLimit()")
        .contains("@ConditionalOnMissingBean(LoginApi.class) @ConditionalOnBean(LoginFlow.class)"
            + " public LoginApi authSpecLoginApi(LoginFlow<?> flow) { return new LoginApi(flow, "
            + "EnumSet.of(LoginApi.Step.SECOND_FACTOR, LoginApi.Step.ENROLMENT, "
            + "LoginApi.Step.PASSWORD_CHANGE, LoginApi.Step.REFRESH)) {")
        .contains("@ConditionalOnMissingBean(ApiProblems.class)")
        .contains("@ConditionalOnMissingBean(OpenApiDocument.class)")
        .contains("public TokenRevocationApi authSpecTokenRevocationApi(LoginFlow<?> flow)")
        .contains("@ConditionalOnMissingBean(JwksDocument.class) @ConditionalOnBean(KeyRing.class)"
            + " public JwksDocument authSpecJwksDocument(KeyRing keys) { return new "
            + "JwksDocument(keys) {");
    assertThat(auto.split("@Bean", -1).length - 1).as("every bean is conditional")
        .isEqualTo(auto.split("@ConditionalOnMissingBean", -1).length - 1);
    for (String controller : List.of("LoginApi", "ApiProblems", "OpenApiDocument",
        "JwksDocument", "TokenRevocationApi")) {
      Class<?> type = loader.loadClass("com.example.authservice.spring." + controller);
      assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is never scanned", controller)
          .isTrue();
    }
    JsonNode metadata = JSON.readTree(text(files, OutputRoot.RESOURCES,
        SpringBootGenerator.METADATA));
    List<String> flowProperties = new ArrayList<>();
    for (JsonNode p : metadata.get("properties")) {
      if (p.get("name").asText().startsWith("authspec.implementations.login-flow.")) {
        flowProperties.add(p.get("name").asText() + "=" + p.path("defaultValue").asText());
      }
    }
    assertThat(flowProperties).containsExactlyInAnyOrder(
        "authspec.implementations.login-flow.rate-limit=60",
        "authspec.implementations.login-flow.rate-period=1m",
        "authspec.implementations.login-flow.brute-force-threshold=10",
        "authspec.implementations.login-flow.brute-force-window=15m",
        "authspec.implementations.login-flow.totp-issuer=Auth Service",
        "authspec.implementations.login-flow.mfa-grace=7d",
        "authspec.implementations.login-flow.password-max-age=");
  }

  @Test
  @DisplayName("with Micrometer on the project's class path the flow is measured: LoginMetrics "
      + "is copied and a part, waiting for Micrometer, observes the flow; without it neither")
  void metrics() throws Exception {
    assertThat(full()).noneMatch(f -> f.text().contains("io.micrometer"));
    List<String> libraries = java.util.Arrays.stream(
        io.github.authspec.plugin.generation.Library.values())
        .map(io.github.authspec.plugin.generation.Library::coordinates).toList();
    List<GeneratedFile> files = Specs.plan(request(Specs.project(Specs.FULL, dir).specFile(),
        dir).classpath(io.github.authspec.plugin.generation.ClasspathArtifacts.of(libraries))
        .build());
    GeneratedSources.compile(files, dir.resolve("build"));
    String auto = text(files, OutputRoot.JAVA, SPRING + "AuthSpecAutoConfiguration.java")
        .replaceAll("\\s+", " ");
    assertThat(auto).contains("@ConditionalOnClass( name = \"io.micrometer.core.instrument"
            + ".MeterRegistry\" ) static class LoginFlowMetrics")
        .contains("@ConditionalOnMissingBean(LoginFlow.Observer.class) public LoginFlow.Observer "
            + "authSpecLoginMetrics(ObjectProvider<MeterRegistry> registry) { return new "
            + "LoginMetrics(registry::getIfAvailable);");
    assertThat(files).anyMatch(f -> f.path().endsWith("spring/LoginMetrics.java"));
  }

  @Test
  @DisplayName("without httpApi no generated source imports Spring Web and no document is "
      + "written, with the Spring flavour and implementations on")
  void offByDefault() {
    GenerationRequest off = request(Specs.project(Specs.FULL, dir).specFile(), dir)
        .set("httpApi", false).build();
    assertThat(GenerationRequest.defaults(off.specFile(), dir).httpApi()).isFalse();
    List<GeneratedFile> files = Specs.plan(off);
    assertThat(files).noneMatch(f -> f.text().contains("org.springframework.web"))
        .noneMatch(f -> f.path().equals(OpenApiGenerator.PATH))
        .noneMatch(f -> f.text().contains("LoginFlows.of("));
  }

  @Test
  @DisplayName("httpApi without the Spring flavour, without implementations or on a spec "
      + "without a login flow fails, saying what to set")
  void conditions() {
    Path spec = Specs.project(Specs.FULL, dir).specFile();
    assertThatThrownBy(() -> Specs.plan(request(spec, dir).flavour(Flavour.NONE).build()))
        .hasMessageContaining("AS102")
        .hasMessageContaining("httpApi serves the login flow through Spring MVC, so it needs "
            + "flavour=SPRING_BOOT (it is NONE)")
        .hasMessageContaining("set <flavour>SPRING_BOOT</flavour> (authspec.flavour), or "
            + "remove <httpApi>");
    assertThatThrownBy(() -> Specs.plan(request(spec, dir).implementations(false).build()))
        .hasMessageContaining("so it needs implementations=true")
        .hasMessageContaining("set <implementations>true</implementations>");
    Path minimal = Specs.project("minimal-valid.json", dir.resolve("minimal")).specFile();
    assertThatThrownBy(() -> Specs.plan(request(minimal, dir.resolve("minimal")).build()))
        .hasMessageContaining("which this spec does not get: LoginFlows needs "
            + "email-password-login and a session or refresh-token feature");
  }

  @Test
  @DisplayName("the document parses as OpenAPI 3.1 with no message, lists the full flow's "
      + "operations, and the same spec gives the same bytes")
  void document() throws IOException {
    String text = text(full(), OutputRoot.RESOURCES, OpenApiGenerator.PATH);
    SwaggerParseResult parsed = parse(text);
    JsonNode tree = JSON.readTree(text);
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getPaths().keySet()).containsExactly(
        "/.well-known/jwks.json", "/auth/email/change/confirm", "/auth/email/verify",
        "/auth/invitations/accept", "/auth/login", "/auth/login/enrolment",
        "/auth/login/password",
        "/auth/login/second-factor", "/auth/logout", "/auth/logout-everywhere",
        "/auth/magic-link", "/auth/magic-link/complete", "/auth/openapi.json", "/auth/password",
        "/auth/password/reset", "/auth/password/reset/confirm", "/auth/register", "/auth/revoke",
        "/auth/sessions", "/auth/sessions/{id}", "/auth/token");
    assertThat(tree.at("/components/schemas/Enrolment/required")).extracting(JsonNode::asText)
        .containsExactly("status", "challenge", "otpauthUri");
    JsonNode limited = tree.at("/paths/~1auth~1login/post/responses/429");
    assertThat(limited.at("/headers/Retry-After/required").asBoolean()).isTrue();
    assertThat(limited.at("/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Limited");
    assertThat(tree.at("/paths/~1auth~1login~1password/post/responses").has("422")).isTrue();
    assertThat(tree.at("/paths/~1auth~1login/post/responses/200/headers/Cache-Control/schema/const")
        .asText()).isEqualTo("no-store");
    assertThat(tree.at("/paths/~1auth~1login/post/responses").fieldNames())
        .toIterable().containsExactly("200", "400", "401", "415", "429", "500");
    assertThat(tree.at("/components/schemas/SignedIn/required")).extracting(JsonNode::asText)
        .containsExactly("status", "refreshToken", "accessToken", "tokenType", "expiresIn");
    Path again = dir.resolve("again");
    List<GeneratedFile> second = Specs.plan(request(Specs.project(Specs.FULL, again)
        .specFile(), again).build());
    assertThat(text(second, OutputRoot.RESOURCES, OpenApiGenerator.PATH)).isEqualTo(text);
  }

  @Test
  @DisplayName("a flow without second factors, password changes or refresh tokens: the document "
      + "has only login, logout, itself and the keys, and a sign-in answers no token")
  void documentOfASmallerFlow() throws IOException {
    Path small = Specs.project(Specs.FULL, dir).specFile();
    ObjectNode spec = (ObjectNode) JSON.readTree(Files.readAllBytes(small));
    ArrayNode selected = (ArrayNode) spec.at("/midPanel/selectedFeatures");
    for (int i = selected.size() - 1; i >= 0; i--) {
      if (OPTIONAL_STEPS.contains(selected.get(i).asText())) {
        selected.remove(i);
      }
    }
    Files.write(small, JSON.writeValueAsBytes(spec));
    List<GeneratedFile> files = Specs.plan(request(small, dir).build());
    String text = text(files, OutputRoot.RESOURCES, OpenApiGenerator.PATH);
    assertThat(parse(text).getOpenAPI().getPaths().keySet()).containsExactly(
        "/.well-known/jwks.json", "/auth/login", "/auth/logout", "/auth/logout-everywhere",
        "/auth/openapi.json", "/auth/register", "/auth/sessions", "/auth/sessions/{id}");
    JsonNode schemas = JSON.readTree(text).at("/components/schemas");
    assertThat(schemas.at("/SignedIn/properties").has("refreshToken")).isFalse();
    assertThat(schemas.has("NextStep")).isFalse();
    // Registration's password rules: the one 422 left.
    assertThat(schemas.has("PasswordRejected")).isTrue();
    assertThat(text(files, OutputRoot.JAVA, SPRING + "AuthSpecAutoConfiguration.java"))
        .contains("new LoginApi(flow, EnumSet.noneOf(LoginApi.Step.class))");
    GeneratedSources.compile(files, dir.resolve("build"));
  }

  private static SwaggerParseResult parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIParser().readContents(text, null, options);
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
    return parsed;
  }

  private static String text(List<GeneratedFile> files, OutputRoot root, String path) {
    return files.stream().filter(f -> f.root() == root && f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("not generated: " + path)).text();
  }
}
