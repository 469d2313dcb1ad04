package io.github.authspec.plugin.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.impl.Features;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One feature, one place: only the registry spells a feature id. */
class FeatureIdLiteralsTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/authspec/plugin");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** A literal that names a generated method, not a feature (an operation called logout). */
  private static final Pattern METHOD_NAME = Pattern.compile("(override|methodBuilder)\\($");

  @Test
  @DisplayName("no feature id is a string literal under impl or spring outside impl/Features.java")
  void featureIdsOnlyInTheRegistry() throws IOException {
    List<String> ids = Features.ids();
    List<String> found = new ArrayList<>();
    for (String area : List.of("impl", "spring")) {
      try (Stream<Path> files = Files.walk(MAIN.resolve(area))) {
        for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          if (source.getFileName().toString().equals("Features.java")) {
            continue;
          }
          String text = Files.readString(source);
          Matcher m = LITERAL.matcher(text);
          while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 20), m.start());
            if (ids.contains(m.group(1)) && !METHOD_NAME.matcher(before).find()) {
              found.add(MAIN.relativize(source) + ": \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(found).as("refer to the descriptor in Features instead").isEmpty();
  }
}
