package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact V1 of a two-table spec, read and approved by a person: how the SQL reads. */
class MigrationGoldenTest {
  @TempDir Path dir;

  @Test
  @DisplayName("V1 of a two-table spec is the reviewed golden file")
  void golden() throws IOException {
    GeneratedFile v1 = Specs.plan(Specs.project("two-tables.json", dir)).stream()
        .filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
        .findFirst().orElseThrow();

    try (InputStream in = getClass().getResourceAsStream("/golden/two-tables-V1.sql")) {
      assertThat(v1.text()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
