package io.github.authspec.plugin.spring;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code httpApi=true}: the account operations' part and their operations in the document. */
class SpringAccountApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTO = "com/example/authservice/spring/AuthSpecAutoConfiguration"
      + ".java";
  @TempDir Path dir;

  private List<GeneratedFile> plan(Set<String> without) throws Exception {
    Path spec = Specs.project(Specs.FULL, dir).specFile();
    ObjectNode tree = (ObjectNode) JSON.readTree(Files.readAllBytes(spec));
    ArrayNode selected = (ArrayNode) tree.at("/midPanel/selectedFeatures");
    for (int i = selected.size() - 1; i >= 0; i--) {
      if (without.contains(selected.get(i).asText())) {
        selected.remove(i);
      }
    }
    Files.write(spec, JSON.writeValueAsBytes(tree));
    return Specs.plan(GenerationRequest.defaults(spec, dir).toBuilder()
        .flavour(Flavour.SPRING_BOOT).redisClient(RedisClient.LETTUCE).implementations(true)
        .set("httpApi", true).build());
  }

  @Test
  @DisplayName("the full spec: one bean over the flow and registration, each other operation "
      + "offered when its service bean exists; backs off to the application's; a magic link "
      + "continues the flow; compiles with -Werror; every operation is in the document")
  void full() throws Exception {
    List<GeneratedFile> files = plan(Set.of());
    GeneratedSources.compile(files, dir.resolve("build"));
    String auto = text(files, OutputRoot.JAVA, AUTO).replaceAll("\\s+", " ");
    assertThat(auto)
        .contains("@Import(HttpApi.class) static class AccountOperationsApi")
        .contains("@ConditionalOnMissingBean(AccountApi.class) @ConditionalOnBean({LoginFlow"
            + ".class, EmailPasswordLoginService.class})")
        .contains("ObjectProvider<MagicLinksService> magicLinksBean")
        .contains("MagicLinksService magicLinks = magicLinksBean.getIfAvailable();")
        .contains("if (verification != null) { verification.sendVerification(id, c); }")
        .contains("if (magicLinks != null) { operations = operations.withMagicLinks(")
        .contains("if (invitations != null) { operations = operations.withInvitations((token, "
            + "password, client) -> { try { invitations.accept(token, password, "
            + "context.apply(client)); return true; }")
        .contains("flow.loginProven(\"magic-link\", () -> Optional.ofNullable(magicLinks"
            + ".consumeMagicLink(token, context.apply(client)).userId()), client)")
        .contains("} catch (SingleUseSecrets.Refused e) { return false; }");
    JsonNode doc = JSON.readTree(text(files, OutputRoot.RESOURCES, OpenApiGenerator.PATH));
    assertThat(doc.at("/paths/~1auth~1register/post/responses").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("202", "400", "415", "422", "429", "500");
    assertThat(doc.at("/paths/~1auth~1password~1reset~1confirm/post/responses").fieldNames())
        .toIterable().containsExactlyInAnyOrder("204", "400", "401", "415", "422", "429",
            "500");
    assertThat(doc.at("/paths/~1auth~1email~1verify/post/responses/401/content"
        + "/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Refused");
    assertThat(doc.at("/paths/~1auth~1magic-link~1complete/post/responses/200/content"
        + "/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Result");
    assertThat(doc.at("/paths/~1auth~1invitations~1accept/post/responses").fieldNames())
        .toIterable().containsExactlyInAnyOrder("204", "400", "401", "415", "422", "429",
            "500");
    assertThat(doc.at("/components/schemas/Accepted/properties/status/const").asText())
        .isEqualTo("accepted");
  }

  @Test
  @DisplayName("without e-mail verification, recovery, magic links and address changes: "
      + "registration alone, mailing nothing; the document lists only it")
  void registrationAlone() throws Exception {
    List<GeneratedFile> files = plan(Set.of("email-verification", "account-recovery",
        "magic-links", "email-change-workflow", "invite-only-registration"));
    GeneratedSources.compile(files, dir.resolve("build"));
    String auto = text(files, OutputRoot.JAVA, AUTO).replaceAll("\\s+", " ");
    assertThat(auto).contains("@ConditionalOnBean({LoginFlow.class, "
            + "EmailPasswordLoginService.class}) public AccountApi authSpecAccountApi(")
        .contains("operations = operations.withRegistration((email, password, client) -> "
            + "registration.register(email, password, context.apply(client)));")
        .doesNotContain("withMagicLinks").doesNotContain("withReset");
    JsonNode paths = JSON.readTree(text(files, OutputRoot.RESOURCES, OpenApiGenerator.PATH))
        .get("paths");
    assertThat(paths.fieldNames()).toIterable().contains("/auth/register")
        .doesNotContain("/auth/email/verify", "/auth/password/reset", "/auth/magic-link",
            "/auth/email/change/confirm", "/auth/invitations/accept");
  }

  private static String text(List<GeneratedFile> files, OutputRoot root, String path) {
    return files.stream().filter(f -> f.root() == root && f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("not generated: " + path)).text();
  }
}
