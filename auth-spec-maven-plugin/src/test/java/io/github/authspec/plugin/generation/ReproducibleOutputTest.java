package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two clean builds of the full spec in different directories write byte-identical files. */
class ReproducibleOutputTest {

  @Test
  @DisplayName("every generator's output is byte-identical across directories and runs")
  void byteIdentical(@TempDir Path one, @TempDir Path two) throws IOException {
    GenerationOrchestrator orchestrator =
        new GenerationOrchestrator(Generators.all(), BuildLog.SILENT);
    orchestrator.generate(Specs.project(Specs.FULL, one), false);
    orchestrator.generate(Specs.project(Specs.FULL, two), false);

    Map<String, byte[]> first = files(one);
    Map<String, byte[]> second = files(two);
    assertThat(first).hasSizeGreaterThan(250);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    assertThat(first.values()).allSatisfy(b -> assertThat(new String(b)).doesNotContain("\r"));
  }

  /** Generated files by path relative to the project, the per-run state excluded. */
  static Map<String, byte[]> files(Path project) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(project)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = project.relativize(p).toString();
        if (!rel.startsWith("target/auth-spec") && !rel.equals("auth-spec.json")) {
          out.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return out;
  }
}
