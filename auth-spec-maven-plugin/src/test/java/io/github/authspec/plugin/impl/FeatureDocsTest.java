package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guide's feature tables name exactly the features the registry implements. */
class FeatureDocsTest {
  private static final Pattern ID = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`");

  @Test
  @DisplayName("every implemented feature has a row in the Implementations or the Tokens and "
      + "sessions page, and no row names another")
  void tablesInStepWithTheRegistry() throws Exception {
    Set<String> documented = new TreeSet<>();
    documented.addAll(featureCells(page("implementations.md")));
    documented.addAll(featureCells(page("tokens-and-sessions.md")));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(Features.ids());
  }

  private static String page(String name) throws Exception {
    return Files.readString(Path.of("..", "docs", name));
  }

  /** The ids in the first cell of each row of the tables headed {@code | feature |}. */
  private static Set<String> featureCells(String section) {
    Set<String> ids = new TreeSet<>();
    boolean inFeatureTable = false;
    for (String line : section.split("\n")) {
      if (!line.startsWith("|")) {
        inFeatureTable = false;
      } else if (line.startsWith("| feature |")) {
        inFeatureTable = true;
      } else if (inFeatureTable && !line.startsWith("| ---")) {
        Matcher m = ID.matcher(line.substring(1, line.indexOf('|', 1)));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }
}
