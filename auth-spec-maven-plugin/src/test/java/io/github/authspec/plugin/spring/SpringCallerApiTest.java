package io.github.authspec.plugin.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authspec.plugin.generation.ClasspathArtifacts;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Library;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.openapi.OpenApiGenerator;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code httpApi=true}: the signed-in caller's beans, its filter chain and its operations. */
class SpringCallerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPRING = "com/example/authservice/spring/";
  @TempDir Path dir;

  private List<GeneratedFile> plan(ClasspathArtifacts classpath) {
    GenerationRequest request = GenerationRequest.defaults(Specs.project(Specs.FULL, dir)
            .specFile(), dir).toBuilder().flavour(Flavour.SPRING_BOOT)
        .redisClient(RedisClient.LETTUCE).implementations(true).set("httpApi", true)
        .classpath(classpath).build();
    return Specs.plan(request);
  }

  private static String text(List<GeneratedFile> files, OutputRoot root, String path) {
    return files.stream().filter(f -> f.root() == root && f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("not generated: " + path)).text();
  }

  @Test
  @DisplayName("with Spring Security's configuration on the class path the part writes the "
      + "filter chain, backing off to the application's and importing the API's part; the "
      + "callers and the caller API are beans beside the flow; it compiles with -Werror")
  void chain() throws Exception {
    List<GeneratedFile> files = plan(ClasspathArtifacts.of(Arrays.stream(Library.values())
        .map(Library::coordinates).toList()));
    GeneratedSources.compile(files, dir.resolve("build"));
    String auto = text(files, OutputRoot.JAVA, SPRING + "AuthSpecAutoConfiguration.java")
        .replaceAll("\\s+", " ");
    assertThat(auto)
        .contains("\"org.springframework.security.web.SecurityFilterChain\"")
        .contains("@ConditionalOnMissingBean(SecurityFilterChain.class) @EnableWebSecurity "
            + "@Import(HttpApi.class) static class CallerSecurityChain")
        .contains("return CallerSecurity.chain(http, callers);")
        .contains("public Callers authSpecCallers(LoginFlow<?> flow) { return new "
            + "Callers(flow);")
        .contains("\"org.springframework.boot.autoconfigure.security.servlet."
            + "SecurityAutoConfiguration\"");
    assertThat(files).anyMatch(f -> f.path().endsWith("spring/CallerSecurity.java"));
    String flows = text(files, OutputRoot.JAVA, "com/example/authservice/service/"
        + "LoginFlows.java").replaceAll("\\s+", " ");
    assertThat(flows).contains("new AccessTokenVerifier(keys, accessTokens, clock, denyList)")
        .contains("Credentials.of(dataSource, clock, redis, accessTokens)")
        .contains("steps.logoutEverywhere(user -> credentials.end(user, "
            + "AccountCredentials.Change.LOGOUT_EVERYWHERE));")
        .contains("steps.sessionViews(");
  }

  @Test
  @DisplayName("without Spring Security's configuration no chain and no CallerSecurity: the "
      + "application's own chain authenticates, with Callers")
  void noChain() {
    List<GeneratedFile> files = plan(ClasspathArtifacts.unchecked());
    assertThat(files).noneMatch(f -> f.path().endsWith("spring/CallerSecurity.java"))
        .anyMatch(f -> f.path().endsWith("spring/Callers.java"));
    assertThat(text(files, OutputRoot.JAVA, SPRING + "AuthSpecAutoConfiguration.java"))
        .doesNotContain("SecurityFilterChain");
  }

  @Test
  @DisplayName("the caller's operations are in the document, each requiring a bearer token "
      + "or the session cookie and answering 401 with WWW-Authenticate: Bearer")
  void document() throws IOException {
    JsonNode tree = JSON.readTree(text(plan(ClasspathArtifacts.unchecked()),
        OutputRoot.RESOURCES, OpenApiGenerator.PATH));
    assertThat(tree.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(tree.at("/components/securitySchemes/session/name").asText())
        .isEqualTo("__Host-session");
    for (String op : List.of("/paths/~1auth~1sessions/get",
        "/paths/~1auth~1sessions~1{id}/delete", "/paths/~1auth~1logout-everywhere/post")) {
      assertThat(tree.at(op + "/security").toString()).as(op)
          .isEqualTo("[{\"bearer\":[]},{\"session\":[]}]");
      assertThat(tree.at(op + "/responses/401/headers/WWW-Authenticate/required").asBoolean())
          .as(op).isTrue();
    }
    assertThat(tree.at("/components/schemas/Sessions/properties/sessions/items/properties")
        .has("handle")).isFalse();
    assertThat(tree.at("/paths/~1auth~1login/post/security").isMissingNode()).isTrue();
  }
}
