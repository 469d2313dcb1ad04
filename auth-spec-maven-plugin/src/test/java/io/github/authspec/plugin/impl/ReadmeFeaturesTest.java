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

/** The README's feature tables name exactly the features the registry implements. */
class ReadmeFeaturesTest {
  private static final Pattern ID = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`");

  @Test
  @DisplayName("every implemented feature has a row under Implementations or Tokens and "
      + "sessions, and no row names another")
  void tablesInStepWithTheRegistry() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Set<String> documented = new TreeSet<>();
    documented.addAll(featureCells(section(readme, "## Implementations")));
    documented.addAll(featureCells(section(readme, "## Tokens and sessions")));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(Features.ids());
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading);
    assertThat(start).as("README has " + heading).isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
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
