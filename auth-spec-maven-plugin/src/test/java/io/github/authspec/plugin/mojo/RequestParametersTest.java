package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GenerationRequest;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request component reaches the request from the goal: a derived one, or the parameter of
 * its name, whatever value that parameter is set to.
 */
@MojoTest
class RequestParametersTest {
  private static final String POM = "src/test/resources/unit/generate/pom.xml";

  @Test
  @InjectMojo(goal = "generate", pom = POM)
  @DisplayName("each component not derived is copied from the parameter of its name")
  void everyComponentFromItsParameter(GenerateMojo mojo, @TempDir Path dir) throws Exception {
    GenerateMojoTest.point(mojo, dir);
    mojo.skipDependencyCheck = true;
    for (RecordComponent c : GenerationRequest.class.getRecordComponents()) {
      if (AbstractOutputMojo.DERIVED.contains(c.getName())) {
        continue;
      }
      Field field = AbstractOutputMojo.class.getDeclaredField(c.getName());
      Object before = c.getAccessor().invoke(mojo.request());
      Object value = changed(field.getType(), field.get(mojo), dir);
      field.set(mojo, value);

      Object after = c.getAccessor().invoke(mojo.request());
      assertThat(after).as(c.getName()).isNotEqualTo(before)
          .isEqualTo(value instanceof File f ? f.toPath()
              : value instanceof String s && c.getType() == Optional.class ? Optional.of(s)
              : value);
    }
  }

  private static Object changed(Class<?> type, Object current, Path dir) {
    if (type == File.class) {
      return dir.resolve("changed").toFile();
    }
    if (type == boolean.class) {
      return !(Boolean) current;
    }
    if (type == String.class) {
      return current + "changed";
    }
    if (type == Map.class) {
      return Map.of("users", "Account");
    }
    if (type == List.class) {
      return List.of("a=b");
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[(List.of(constants).indexOf(current) + 1) % constants.length];
    }
    throw new AssertionError("add a changed value for a parameter of type " + type);
  }
}
