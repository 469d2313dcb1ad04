package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.authspec.plugin.generation.RedisClient;
import java.util.Set;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate goal as Maven configures it from a POM (maven-plugin-testing-harness). */
@MojoTest
class GenerateMojoTest {
  private static final String POM = "src/test/resources/unit/generate/pom.xml";
  /** Redis keys, no Caffeine: a small spec for the binding's dependency check. */
  private static final File REDIS_SPEC = new File("src/test/resources/specs/redis-binding.json");

  @Test
  @InjectMojo(goal = "generate", pom = POM)
  @DisplayName("generates into the configured package, registers the source root, and is up to date the second time")
  void generatesAndRegisters(GenerateMojo mojo, @TempDir Path dir) throws Exception {
    point(mojo, dir);

    mojo.execute();

    Path user = dir.resolve("java/org/example/harness/entity/User.java");
    assertThat(user).exists();
    assertThat(dir.resolve("migrations/V1__create_schema.sql")).exists();
    assertThat(mojo.project.getCompileSourceRoots()).contains(dir.resolve("java").toString());
    long written = Files.getLastModifiedTime(user).toMillis();

    mojo.execute();
    assertThat(Files.getLastModifiedTime(user).toMillis()).isEqualTo(written);
  }

  @Test
  @InjectMojo(goal = "generate", pom = POM)
  @DisplayName("a broken spec fails with the located errors and writes nothing")
  void brokenSpecWritesNothing(GenerateMojo mojo, @TempDir Path dir) {
    point(mojo, dir);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    mojo.spec = new File("../specs/minimal-field-reference.json");

    assertThat(mojo.fork).as("the default: regenerating in a JVM of its own").isTrue();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageEndingWith("has 2 errors, 10 warnings; nothing was generated")
        .satisfies(e -> assertThat(((MojoFailureException) e).getLongMessage()).isNull());
    assertThat(log.count("minimal-field-reference.json:63:17: error: [AS040]")).isEqualTo(1);
    assertThat(log.at("warn")).hasSize(10);
    assertThat(log.at("debug")).as("diagnostics and log lines came from the generation JVM")
        .anyMatch(l -> l.startsWith("auth-spec: spec read, validated and named in"))
        .noneMatch(l -> l.contains("in the build JVM"));
    assertThat(dir.resolve("java")).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "generate", pom = POM)
  @DisplayName("redisClient LETTUCE without lettuce-core on the classpath fails with one located AS115 error and writes nothing")
  void missingLibraryFails(GenerateMojo mojo, @TempDir Path dir) {
    point(mojo, dir);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    mojo.spec = REDIS_SPEC;
    mojo.redisClient = RedisClient.LETTUCE;
    mojo.project.setArtifacts(Set.of(artifact("org.postgresql", "postgresql")));

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("has 1 error, ");
    assertThat(log.at("error")).singleElement().satisfies(line -> assertThat(line)
        .matches("(?s)redis-binding\\.json:\\d+:\\d+: error: \\[AS115\\] .*")
        .contains("io.lettuce:lettuce-core")
        .contains("<artifactId>lettuce-core</artifactId>"));
    assertThat(dir.resolve("java")).doesNotExist();
  }

  @Test
  @InjectMojo(goal = "generate", pom = POM)
  @DisplayName("the library on the classpath, or skipDependencyCheck, lets the binding generate")
  void presentLibraryOrOptOutGenerates(GenerateMojo mojo, @TempDir Path dir) throws Exception {
    point(mojo, dir);
    mojo.spec = REDIS_SPEC;
    mojo.redisClient = RedisClient.LETTUCE;
    mojo.project.setArtifacts(Set.of(artifact("io.lettuce", "lettuce-core")));
    mojo.execute();
    Path operations = dir.resolve("java/org/example/harness/cache/LettuceKeyOperations.java");
    assertThat(operations).exists();

    Path other = dir.resolve("opt-out");
    point(mojo, other);
    mojo.skipDependencyCheck = true;
    mojo.execute();
    assertThat(other.resolve("java/org/example/harness/cache/LettuceKeyOperations.java")).exists();
  }

  private static Artifact artifact(String groupId, String artifactId) {
    return new DefaultArtifact(groupId, artifactId, "1", "compile", "jar", null,
        new DefaultArtifactHandler("jar"));
  }

  /** Points the mojo's output and build directories under {@code dir}. */
  static void point(GenerateMojo mojo, Path dir) {
    mojo.outputDirectory = dir.resolve("java").toFile();
    mojo.resourcesOutputDirectory = dir.resolve("resources").toFile();
    mojo.migrationsDirectory = dir.resolve("migrations").toFile();
    // A real MavenProject (the harness's stub has no build directory) under the temp dir.
    MavenProject project = new MavenProject();
    Build build = new Build();
    build.setDirectory(dir.resolve("target").toString());
    project.getModel().setBuild(build);
    mojo.project = project;
  }
}
