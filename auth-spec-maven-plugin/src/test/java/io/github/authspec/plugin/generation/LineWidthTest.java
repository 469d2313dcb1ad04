package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated Java stays within 100 columns, and wrapping never changes what the code means. */
class LineWidthTest {
  @Test
  @DisplayName("every Java line of the full seed spec's output, every option on, fits 100 columns")
  void fullSpecFits(@TempDir Path dir) {
    GenerationRequest request = Specs.project(Specs.FULL, dir).toBuilder()
        .implementations(true).redisClient(RedisClient.LETTUCE).flavour(Flavour.SPRING_BOOT)
        .build();
    List<String> tooLong = new ArrayList<>();
    for (GeneratedFile f : Specs.plan(request)) {
      if (f.path().endsWith(".java")) {
        String[] lines = f.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].length() > LineWidth.LIMIT) {
            tooLong.add(f.path() + ":" + (i + 1) + ": " + lines[i]);
          }
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  @Test
  @DisplayName("a long string literal is cut at a space into a constant concatenation")
  void literal() {
    String sql = "SELECT " + "\\\"column\\\", ".repeat(12) + "\\\"last\\\" FROM t";
    String line = "  private static final String SELECT = \"" + sql + "\";";
    String wrapped = LineWidth.wrap(line);
    assertThat(wrapped.lines()).allMatch(l -> l.length() <= LineWidth.LIMIT).hasSizeGreaterThan(1);
    assertThat(wrapped.lines().skip(1)).allMatch(l -> l.startsWith("      + \""));
    assertThat(String.join("", wrapped.lines().map(l -> l.strip().replaceFirst("^\\+ ", ""))
        .toList()).replace("\"\"", "")).isEqualTo(line.strip());
  }

  @Test
  @DisplayName("never where the split would change the meaning: a member selected on the literal")
  void memberSelect() {
    String literal = "\"" + "word ".repeat(20) + "\".length();";
    String line = "    int n = " + literal;
    assertThat(LineWidth.wrap(line)).as("broken after '=' only, the literal whole")
        .isEqualTo("    int n =\n        " + literal);
  }

  @Test
  @DisplayName("Javadoc lines re-flow under their prefix; <pre> blocks stay as they are")
  void javadoc() {
    String text = "   * " + "prose ".repeat(30).strip();
    assertThat(LineWidth.wrap(text).lines()).hasSizeGreaterThan(1)
        .allMatch(l -> l.startsWith("   * ") && l.length() <= LineWidth.LIMIT);
    String pre = "   * <pre>\n   * " + "x".repeat(120) + "\n   * </pre>";
    assertThat(LineWidth.wrap(pre)).isEqualTo(pre);
  }
}
