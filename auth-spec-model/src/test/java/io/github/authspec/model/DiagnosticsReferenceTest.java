package io.github.authspec.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/diagnostics.md is the Code enum with, for each code the reader reports, a real
 * example: the first case of {@link InvalidSpecTest} for it, loaded, its diagnostic printed as a
 * build prints it, hint (the fix) included. {@code -Dauthspec.docs.write=true} rewrites the page.
 */
class DiagnosticsReferenceTest {
  private static final Path PAGE = Path.of("../docs/reference/diagnostics.md");

  @Test
  @DisplayName("the diagnostics reference is the Code enum with a real example per reader code")
  void inStepWithTheCodes() throws Exception {
    String rendered = render();
    if (Boolean.getBoolean("authspec.docs.write")) {
      Files.writeString(PAGE, rendered);
    }
    assertThat(Files.readString(PAGE)).as(PAGE + " is out of step with Code; run this test with"
        + " -Dauthspec.docs.write=true and read the diff").isEqualTo(rendered);
  }

  static String render() {
    Map<Code, String> examples = examples();
    StringBuilder out = new StringBuilder("<!-- Generated from the Code enum and the reader's"
        + " test cases by DiagnosticsReferenceTest; edit the source, then run the test with"
        + " -Dauthspec.docs.write=true. -->\n\n# Diagnostic codes\n\nEvery code the plugin"
        + " reports, with its severity. Each example is a real diagnostic of the spec reader,"
        + " printed as a build prints it; its `hint:` line is the fix. Codes the plugin reports"
        + " while generating (migrations, names, libraries) are explained with their fixes in"
        + " [Diagnostics](../diagnostics.md#while-generating).\n");
    for (Code code : Code.values()) {
      out.append("\n## ").append(code.id()).append("\n\n").append(code.severity().label())
          .append(": ").append(code.summary()).append(".\n");
      Optional.ofNullable(examples.get(code)).ifPresent(e -> out.append("\n```\n").append(e)
          .append("\n```\n"));
    }
    return out.toString();
  }

  /** The first case's diagnostic of each code, and a file that is not UTF-8 for AS008. */
  private static Map<Code, String> examples() {
    Map<Code, String> out = new LinkedHashMap<>();
    InvalidSpecTest.cases().forEach(c -> {
      if (!out.containsKey(c.code())) {
        first(SpecLoader.load("auth-spec.json", c.text()), c.code())
            .ifPresent(d -> out.put(c.code(), "when " + c.name() + ":\n" + d.format()));
      }
    });
    byte[] latin1 = "{\"leftPanel\": \"Müller\"}".getBytes(StandardCharsets.ISO_8859_1);
    first(SpecLoader.load("auth-spec.json", latin1), Code.UNREADABLE_FILE).ifPresent(d ->
        out.put(Code.UNREADABLE_FILE, "when the file is saved as Latin-1:\n" + d.format()));
    return out;
  }

  private static Optional<Diagnostic> first(LoadResult result, Code code) {
    return result.diagnostics().all().stream().filter(d -> d.code() == code).findFirst();
  }
}
