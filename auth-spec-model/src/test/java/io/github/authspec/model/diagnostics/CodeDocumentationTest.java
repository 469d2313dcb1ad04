package io.github.authspec.model.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's table of diagnostic codes is the Code enum, row for row. */
class CodeDocumentationTest {

  @Test
  @DisplayName("every code is documented in the README with its severity and summary, and ids are unique")
  void readmeListsEveryCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Set<String> ids = new HashSet<>();
    for (Code code : Code.values()) {
      assertThat(ids.add(code.id())).as("unique " + code.id()).isTrue();
      assertThat(readme).contains("| " + code.id() + " | " + code.severity().label() + " | "
          + code.summary() + " |");
    }
    assertThat(Arrays.stream(Code.values()).map(Code::id).sorted().toList())
        .as("ids stay in order").containsExactlyElementsOf(
            Arrays.stream(Code.values()).map(Code::id).toList());
  }
}
