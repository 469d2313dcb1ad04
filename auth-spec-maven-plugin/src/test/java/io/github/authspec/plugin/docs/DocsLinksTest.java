package io.github.authspec.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The docs build: every relative link of every page reaches a file of the repository, and every
 * anchor a heading of its page, so a reader never lands on nothing.
 */
class DocsLinksTest {
  @Test
  @DisplayName("every relative link and anchor of the README, docs/ and bench/ resolves")
  void noBrokenLinks() {
    List<Path> pages = Markdown.pages();
    assertThat(pages).extracting(p -> Markdown.ROOT.relativize(p).toString())
        .contains("README.md", "docs/README.md", "docs/reference/goals.md");
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (Markdown.Link link : Markdown.links(page)) {
        problem(link).ifPresent(p -> broken.add(link + " (" + p + ")"));
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  @DisplayName("the link check sees a broken file, a broken anchor and a way out of the clone")
  void theCheckCanFail() {
    Path readme = Markdown.ROOT.resolve("README.md");
    assertThat(problem(new Markdown.Link(readme, 1, "docs/no-such-page.md"))).isPresent();
    assertThat(problem(new Markdown.Link(readme, 1, "docs/README.md#no-such-heading")))
        .isPresent();
    assertThat(problem(new Markdown.Link(readme, 1, "../shared/DESIGN.md"))).isPresent();
    assertThat(problem(new Markdown.Link(readme, 1, "docs/README.md"))).isEmpty();
  }

  /** What is wrong with a link, or empty when it resolves (or leaves for the web). */
  private static Optional<String> problem(Markdown.Link link) {
    String target = link.target();
    if (target.matches("^[a-z]+:.*")) {
      return Optional.empty();
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? link.page()
        : link.page().getParent().resolve(file).normalize();
    if (!resolved.startsWith(Markdown.ROOT)) {
      return Optional.of("outside the repository");
    }
    if (!Files.exists(resolved)) {
      return Optional.of("no such file");
    }
    if (hash >= 0 && resolved.toString().endsWith(".md")
        && !Markdown.anchors(resolved).contains(target.substring(hash + 1))) {
      return Optional.of("no such heading");
    }
    return Optional.empty();
  }
}
