package io.github.authspec.plugin.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Entities and repositories of the full spec, the corrected minimal spec (minimal-valid.json:
 * the field reference without its errors and dangling foreign key) and the edge-case spec
 * (reserved words, {@code class}/{@code package} columns, an FK cycle) compile with
 * {@code -Xlint:all -Werror}.
 */
class GeneratedCodeCompilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {Specs.FULL, "minimal-valid.json", Specs.EDGE_CASES})
  void compiles(String spec) throws Exception {
    List<GeneratedFile> files = Specs.plan(Specs.project(spec, dir.resolve("p")));
    assertThat(files).anyMatch(f -> f.path().contains("/entity/"))
        .anyMatch(f -> f.path().endsWith("Repository.java"));
    ClassLoader loader = GeneratedSources.compile(files, dir.resolve("build"));
    for (GeneratedFile f : files) {
      if (f.path().endsWith(".java")) {
        String name = f.path().substring(0, f.path().length() - 5).replace('/', '.');
        assertThat(loader.loadClass(name)).isNotNull();
      }
    }
  }

  @Test
  void userToStringRedactsThePasswordHashButNotTheEmail() throws Exception {
    List<GeneratedFile> files = Specs.plan(Specs.project(Specs.FULL, dir.resolve("p")));
    ClassLoader loader = GeneratedSources.compile(files, dir.resolve("build"));
    String entity = files.stream().map(GeneratedFile::path)
        .filter(p -> p.endsWith("/entity/User.java")).findFirst().orElseThrow();
    Class<?> user = loader.loadClass(entity.substring(0, entity.length() - 5).replace('/', '.'));
    Object builder = user.getMethod("builder").invoke(null);
    Class<?> b = builder.getClass();
    b.getMethod("email", String.class).invoke(builder, "ada@example.org");
    b.getMethod("passwordHash", String.class).invoke(builder, "argon2-s3cr3t");
    Method build = b.getMethod("build");
    String text = build.invoke(builder).toString();
    assertThat(text).contains("email=ada@example.org").contains("passwordHash=***")
        .doesNotContain("argon2-s3cr3t");
  }
}
