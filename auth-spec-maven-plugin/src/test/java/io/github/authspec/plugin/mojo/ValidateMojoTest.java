package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The validate goal as Maven configures it from a POM (maven-plugin-testing-harness). */
@MojoTest
class ValidateMojoTest {
  private static final String POM = "src/test/resources/unit/validate/pom.xml";
  private static final File DIR = new File("../specs");

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("the full spec validates: warnings only, no exception")
  void fullSpecPasses(ValidateMojo mojo) {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    assertThat(mojo.spec.getName()).isEqualTo("auth-service-full.json");
    assertThatCode(mojo::execute).doesNotThrowAnyException();
    assertThat(log.at("info")).containsExactly(
        "auth-spec: auth-service-full.json is valid (0 errors, 15 warnings)");
    assertThat(log.at("warn")).hasSize(15);
    assertThat(log.lines()).noneMatch(l -> l.text().contains("nothing was generated"));
  }

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("the minimal spec is invalid: each diagnostic logged once at its level, one summary sentence")
  void minimalSpecFails(ValidateMojo mojo) {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    mojo.spec = new File(DIR, "minimal-field-reference.json");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageEndingWith("minimal-field-reference.json is invalid (2 errors, 10 warnings)")
        .hasMessageNotContaining("nothing was generated")
        // Maven prints a long message after the short one: it would repeat every diagnostic.
        .satisfies(e -> assertThat(((MojoFailureException) e).getLongMessage()).isNull());
    assertThat(log.at("error")).hasSize(2).allMatch(l -> l.contains(": error: [AS04"));
    assertThat(log.at("error").get(0)).startsWith("minimal-field-reference.json:62:15: error: [AS042]");
    assertThat(log.at("error").get(1)).startsWith("minimal-field-reference.json:63:17: error: [AS040]");
    assertThat(log.at("warn")).hasSize(10).allMatch(l -> l.contains(": warning: [AS0"));
    for (RecordingLog.Line line : log.lines()) {
      String head = line.text().lines().findFirst().orElseThrow();
      assertThat(log.count(head)).as("logged once: %s", head).isEqualTo(1);
    }
    assertThat(log.lines()).noneMatch(l -> l.text().contains("is valid"));
  }

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("skip=true does not read the spec at all, even a broken one")
  void skipSkips(ValidateMojo mojo) {
    mojo.spec = new File(DIR, "minimal-field-reference.json");
    mojo.skip = true;
    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("failOnWarning turns the full spec's warnings into a failure")
  void failOnWarningFails(ValidateMojo mojo) {
    mojo.failOnWarning = true;
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageEndingWith("is invalid (0 errors, 15 warnings; failOnWarning is set)");
  }
}
