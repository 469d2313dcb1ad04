package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binding selected without its library fails in the plugin with one located error (AS115),
 * not in javac inside generated code. minimal-valid.json has Caffeine caches and Redis keys.
 */
class DependencyCheckTest {
  private static final String SPEC = "minimal-valid.json";

  @TempDir Path dir;

  private List<Diagnostic> dependencyProblems(GenerationRequest request) throws IOException {
    GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
        BuildLog.SILENT).plan(request, Files.readAllBytes(request.specFile()));
    return planned.diagnostics().all().stream()
        .filter(d -> d.code() == Code.DEPENDENCY_MISSING).toList();
  }

  private GenerationRequest request(ClasspathArtifacts classpath, RedisClient client) {
    return Specs.project(SPEC, dir).toBuilder().classpath(classpath).redisClient(client).build();
  }

  @Test
  @DisplayName("Caffeine caches without Caffeine on the classpath: one error at keys.caffeine with the <dependency> snippet")
  void caffeineMissing() throws IOException {
    GenerationRequest request = request(ClasspathArtifacts.of(List.of("org.postgresql:postgresql")),
        RedisClient.NONE);

    List<Diagnostic> problems = dependencyProblems(request);

    assertThat(problems).hasSize(1);
    Diagnostic d = problems.get(0);
    assertThat(d.isError()).isTrue();
    assertThat(d.pointer()).isEqualTo("/diagram/cache/keys/caffeine");
    assertThat(d.position().line()).isPositive();
    assertThat(d.message()).contains("com.github.ben-manes.caffeine:caffeine");
    assertThat(d.hint()).contains("<dependency><groupId>com.github.ben-manes.caffeine</groupId>"
        + "<artifactId>caffeine</artifactId><version>3.3.1</version></dependency>")
        .contains("skipDependencyCheck");
  }

  @Test
  @DisplayName("redisClient LETTUCE or JEDIS without its client: one error each, naming the artifact")
  void redisClientMissing() throws IOException {
    ClasspathArtifacts onlyCaffeine =
        ClasspathArtifacts.of(List.of("com.github.ben-manes.caffeine:caffeine"));

    List<Diagnostic> lettuce = dependencyProblems(request(onlyCaffeine, RedisClient.LETTUCE));
    List<Diagnostic> jedis = dependencyProblems(request(onlyCaffeine, RedisClient.JEDIS));

    assertThat(lettuce).singleElement().satisfies(d -> {
      assertThat(d.pointer()).isEqualTo("/diagram/cache/keys/redis");
      assertThat(d.message()).contains("LettuceKeyOperations").contains("io.lettuce:lettuce-core");
      assertThat(d.hint()).contains("<artifactId>lettuce-core</artifactId>");
    });
    assertThat(jedis).singleElement().satisfies(d ->
        assertThat(d.hint()).contains("<groupId>redis.clients</groupId><artifactId>jedis"));
  }

  @Test
  @DisplayName("with the libraries present (transitively counts: any artifact on the classpath), no problem and the run succeeds")
  void librariesPresent() throws IOException {
    GenerationRequest request = request(ClasspathArtifacts.of(List.of(
        "com.github.ben-manes.caffeine:caffeine", "io.lettuce:lettuce-core")), RedisClient.LETTUCE);

    GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
        BuildLog.SILENT).plan(request, Files.readAllBytes(request.specFile()));

    assertThat(planned.failed()).isFalse();
    assertThat(planned.diagnostics().all()).noneMatch(d -> d.code() == Code.DEPENDENCY_MISSING);
    assertThat(planned.files()).anyMatch(f -> f.path().endsWith("LettuceKeyOperations.java"))
        .anyMatch(f -> f.path().endsWith("CaffeineCaches.java"));
  }

  @Test
  @DisplayName("unchecked (skipDependencyCheck, or no Maven) reports nothing, even with an empty classpath")
  void uncheckedReportsNothing() throws IOException {
    assertThat(dependencyProblems(request(ClasspathArtifacts.unchecked(), RedisClient.JEDIS)))
        .isEmpty();
  }

  @Test
  @DisplayName("the fingerprint changes when a needed library appears or goes, not for other artifacts")
  void fingerprintFollowsLibraries() {
    String without = ClasspathArtifacts.of(List.of("a:b")).fingerprintText();
    assertThat(ClasspathArtifacts.of(List.of("a:b", "c:d")).fingerprintText()).isEqualTo(without);
    assertThat(ClasspathArtifacts.of(List.of("a:b", "io.lettuce:lettuce-core")).fingerprintText())
        .isNotEqualTo(without).contains("io.lettuce:lettuce-core");
    assertThat(ClasspathArtifacts.unchecked().fingerprintText()).isNotEqualTo(without);
  }

  @Test
  @DisplayName("each library's snippet version is the one the build tests with (root pom property)")
  void versionsMatchTheBuild() throws IOException {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    for (Library library : Library.values()) {
      String property = switch (library) {
        case CAFFEINE -> "caffeine.version";
        case LETTUCE -> "lettuce.version";
        case JEDIS -> "jedis.version";
        case BOUNCY_CASTLE -> "bouncycastle.version";
        case CEL -> "cel.version";
        case MICROMETER -> "micrometer.version";
        case SPRING_SECURITY_CONFIG -> "spring-security.version";
      };
      Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
      assertThat(m.find()).as(property).isTrue();
      assertThat(library.version()).as(library.name()).isEqualTo(m.group(1));
    }
  }
}
