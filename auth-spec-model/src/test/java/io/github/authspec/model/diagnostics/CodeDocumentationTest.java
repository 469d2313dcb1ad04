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

/**
 * The codes are unique and in order; the reference lists each, and every code the reference
 * gives no example for is explained, with its fix, in the guide's "While generating" table.
 */
class CodeDocumentationTest {

  @Test
  @DisplayName("ids are unique and ordered; each is in the reference, with an example or a row "
      + "in the guide")
  void everyCodeIsDocumented() throws IOException {
    String reference = Files.readString(Path.of("../docs/reference/diagnostics.md"));
    String guide = Files.readString(Path.of("../docs/diagnostics.md"));
    String generating = guide.substring(guide.indexOf("\n## While generating"));
    Set<String> ids = new HashSet<>();
    for (Code code : Code.values()) {
      assertThat(ids.add(code.id())).as("unique " + code.id()).isTrue();
      String heading = "\n## " + code.id() + "\n\n" + code.severity().label() + ": "
          + code.summary() + ".\n";
      assertThat(reference).contains(heading);
      int at = reference.indexOf(heading) + heading.length();
      boolean example = reference.startsWith("\n```", at);
      assertThat(example || generating.contains("\n| " + code.id() + " "))
          .as(code.id() + " has an example in the reference or a row in the guide").isTrue();
    }
    assertThat(Arrays.stream(Code.values()).map(Code::id).sorted().toList())
        .as("ids stay in order").containsExactlyElementsOf(
            Arrays.stream(Code.values()).map(Code::id).toList());
  }
}
