package io.github.authspec.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference pages are their sources rendered: a page that disagrees with the plugin
 * descriptor or the feature registry fails here. {@code -Dauthspec.docs.write=true} rewrites
 * them (then read the diff before committing it).
 */
class ReferencePagesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"goals.md", "features.md"})
  @DisplayName("each reference page is its source, rendered")
  void inStepWithItsSource(String name) throws Exception {
    Callable<String> renderer = name.equals("goals.md") ? ReferencePages::goals
        : ReferencePages::features;
    String rendered = renderer.call();
    Path page = Markdown.ROOT.resolve("docs/reference").resolve(name);
    if (Boolean.getBoolean("authspec.docs.write")) {
      Files.writeString(page, rendered);
    }
    assertThat(Files.readString(page)).as(page + " is out of step with its source; run this test"
        + " with -Dauthspec.docs.write=true and read the diff").isEqualTo(rendered);
  }
}
