package io.github.authspec.plugin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The option matrix: the pairwise cells cover every pair, and the pom runs exactly them. */
class OptionCellTest {
  private static final Pattern CELL = Pattern.compile("<authspec\\.cell>([^<]+)</authspec\\.cell>");

  private static final List<Function<OptionCell, Object>> OPTIONS = List.of(
      OptionCell::timestamps, OptionCell::redisClient, OptionCell::flavour,
      OptionCell::bouncyCastle, OptionCell::conditions, OptionCell::httpApi);

  @Test
  @DisplayName("the seven pairwise cells hold every valid pair of values of every two options, "
      + "and only valid cells")
  void pairwiseCoversEveryPair() {
    List<OptionCell> cells = OptionCell.pairwise();
    assertThat(cells).hasSize(7).doesNotHaveDuplicates().contains(OptionCell.DEFAULT)
        .allMatch(OptionCell::valid);
    assertThat(OptionCell.all()).hasSize(72).noneMatch(c -> c.httpApi()
        && c.flavour() == io.github.authspec.plugin.generation.Flavour.NONE);
    for (int i = 0; i < OPTIONS.size(); i++) {
      for (int j = i + 1; j < OPTIONS.size(); j++) {
        Set<List<Object>> wanted = new HashSet<>();
        Set<List<Object>> covered = new HashSet<>();
        for (OptionCell c : OptionCell.all()) {
          wanted.add(List.of(OPTIONS.get(i).apply(c), OPTIONS.get(j).apply(c)));
        }
        for (OptionCell c : cells) {
          covered.add(List.of(OPTIONS.get(i).apply(c), OPTIONS.get(j).apply(c)));
        }
        assertThat(covered).as("options %d and %d", i, j).isEqualTo(wanted);
      }
    }
  }

  @Test
  @DisplayName("the build runs the pairwise cells (the default execution being the first); the "
      + "option-matrix profile adds every other cell")
  void pomRunsTheCells() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    int profiles = pom.indexOf("<profiles>");
    assertThat(profiles).isPositive();
    List<OptionCell> build = cells(pom.substring(0, profiles));
    List<OptionCell> profile = cells(pom.substring(profiles));
    List<OptionCell> expectedBuild = new ArrayList<>(OptionCell.pairwise());
    expectedBuild.remove(OptionCell.DEFAULT);
    assertThat(build).containsExactlyInAnyOrderElementsOf(expectedBuild);
    List<OptionCell> everyOther = new ArrayList<>(OptionCell.all());
    everyOther.removeAll(OptionCell.pairwise());
    assertThat(profile).hasSize(65).containsExactlyInAnyOrderElementsOf(everyOther);
    Matcher executions = Pattern.compile("<execution>\\s*<id>cell-.*?</execution>",
        Pattern.DOTALL).matcher(pom);
    int cells = 0;
    while (executions.find()) {
      cells++;
      assertThat(executions.group()).as("every cell runs away from UTC")
          .containsPattern("<argLine>-Duser.timezone=(Asia/Kolkata|Pacific/Chatham|"
              + "America/St_Johns)</argLine>");
    }
    assertThat(cells).isEqualTo(71);
  }

  @Test
  @DisplayName("a cell reads back from its text; a malformed one is refused with the form")
  void parse() {
    for (OptionCell c : OptionCell.all()) {
      assertThat(OptionCell.parse(c.text())).isEqualTo(c);
    }
    assertThatThrownBy(() -> OptionCell.parse("INSTANT,LETTUCE"))
        .hasMessageContaining("timestamps,redisClient,flavour,bouncyCastle,conditions,httpApi");
  }

  private static List<OptionCell> cells(String xml) {
    List<OptionCell> out = new ArrayList<>();
    Matcher m = CELL.matcher(xml);
    while (m.find()) {
      out.add(OptionCell.parse(m.group(1)));
    }
    return out;
  }
}
