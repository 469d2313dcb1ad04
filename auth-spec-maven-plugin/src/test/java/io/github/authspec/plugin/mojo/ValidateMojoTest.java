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
  private static final File DIR = new File("src/test/resources/unit/validate");

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("the full spec validates: warnings only, no exception")
  void fullSpecPasses(ValidateMojo mojo) {
    assertThat(mojo.spec.getName()).isEqualTo("auth-service-full.json");
    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("the minimal spec fails with a long message listing the located errors")
  void minimalSpecFails(ValidateMojo mojo) {
    mojo.spec = new File(DIR, "minimal-field-reference.json");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("has 2 errors, 10 warnings")
        .satisfies(e -> assertThat(((MojoFailureException) e).getLongMessage())
            .contains("minimal-field-reference.json:62:15: error: [AS042]")
            .contains("minimal-field-reference.json:63:17: error: [AS040]"));
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
        .hasMessageContaining("0 errors, 15 warnings and failOnWarning is set")
        .satisfies(e -> assertThat(((MojoFailureException) e).getLongMessage())
            .contains("auth-service-full.json:1342:13: warning: [AS074]"));
  }
}
