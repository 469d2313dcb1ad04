package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regeneration in a forked JVM (a real {@code java} process on the test class path) writes the
 * same bytes and reports the same result as regeneration in this JVM.
 */
class ForkedGenerationTest {

  @Test
  @DisplayName("forked and in-process builds of the full spec write the same files and report alike")
  void sameAsInProcess(@TempDir Path here, @TempDir Path forked) throws IOException {
    GenerationResult local = new GenerationOrchestrator(Generators::all, BuildLog.SILENT)
        .regenerate(Specs.project(Specs.FULL, here), "first build");
    List<String> lines = new ArrayList<>();
    BuildLog log = (level, line) -> lines.add(level + " " + line);
    GenerationResult remote = new ForkedGeneration(log)
        .regenerate(Specs.project(Specs.FULL, forked), "first build");

    assertThat(remote.status()).isEqualTo(Status.GENERATED).isEqualTo(local.status());
    assertThat(remote.reason()).isEqualTo("first build");
    assertThat(remote.diagnostics().all()).extracting(Diagnostic::format)
        .isNotEmpty()
        .isEqualTo(local.diagnostics().all().stream().map(Diagnostic::format).toList());
    assertThat(relative(forked, remote.summary().written()))
        .isEqualTo(relative(here, local.summary().written()));
    Map<String, byte[]> expected = ReproducibleOutputTest.files(here);
    Map<String, byte[]> actual = ReproducibleOutputTest.files(forked);
    assertThat(expected).hasSizeGreaterThan(250);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    assertThat(lines).as("the forked JVM's log reaches the build's")
        .anyMatch(l -> l.startsWith("DEBUG auth-spec: spec read, validated and named in"))
        .anyMatch(l -> l.startsWith("DEBUG auth-spec: repositories: 65 file(s) in"))
        .as("no fall-back to the build JVM").noneMatch(l -> l.contains("in the build JVM"));
  }

  @Test
  @DisplayName("a write that fails in the forked JVM fails the build with the same message")
  void writeFailure(@TempDir Path here, @TempDir Path forked) throws IOException {
    GenerationRequest localRequest = Specs.project(Specs.FULL, here);
    GenerationRequest forkedRequest = Specs.project(Specs.FULL, forked);
    // A file where the output directory's parent should be: no directory can be made there.
    Files.createDirectories(localRequest.javaDirectory().getParent().getParent());
    Files.writeString(localRequest.javaDirectory().getParent(), "in the way");
    Files.createDirectories(forkedRequest.javaDirectory().getParent().getParent());
    Files.writeString(forkedRequest.javaDirectory().getParent(), "in the way");

    String expected = failure(() -> new GenerationOrchestrator(Generators::all,
        BuildLog.SILENT).regenerate(localRequest, "first build")).replace(here.toString(), "");
    assertThat(expected).contains("target");
    List<String> lines = new ArrayList<>();
    assertThatThrownBy(() -> new ForkedGeneration((level, line) -> lines.add(line))
        .regenerate(forkedRequest, "first build"))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e.getMessage().replace(forked.toString(), ""))
            .isEqualTo(expected));
    assertThat(lines).as("no fall-back to the build JVM")
        .isNotEmpty().noneMatch(l -> l.contains("in the build JVM"));
  }

  private interface Run {
    void run() throws IOException;
  }

  private static String failure(Run run) {
    try {
      run.run();
    } catch (IOException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the write to fail");
  }

  private static List<String> relative(Path base, List<Path> paths) {
    return paths.stream().map(p -> base.relativize(p).toString()).toList();
  }
}
