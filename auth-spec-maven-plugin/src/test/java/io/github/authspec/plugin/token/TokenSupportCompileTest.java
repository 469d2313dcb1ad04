package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.SupportSources;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token support classes as a user receives them (copied into the user's package by
 * SupportSources) compile with -Xlint:all -Werror against the JDK and the repository area's
 * {@code SqlTime}, the one rule by which every support class stores a time.
 */
class TokenSupportCompileTest {
  static final Path SOURCES = Path.of("src/main/support/io/github/authspec/support/token");

  @TempDir Path dir;

  @Test
  @DisplayName("every token support class, copied into com.example.auth.token, compiles warning-free with the JDK and SqlTime only")
  void compilesInUserPackage() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(SOURCES)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
    assertThat(names).contains("AccessTokenVerifier", "RefreshTokens", "SingleUseSecrets", "Sessions");
    List<Path> written = new ArrayList<>();
    for (String name : names) {
      GeneratedFile f = SupportSources.copy("token", name, area -> "com.example.auth." + area);
      assertThat(f.text()).startsWith("package com.example.auth.token;");
      assertThat(f.text().lines().filter(l -> l.startsWith("import "))).as(name + " needs only the JDK")
          .allMatch(l -> l.startsWith("import java.") || l.startsWith("import javax.")
              || l.startsWith("import com.example.auth.token.")
              || l.equals("import com.example.auth.repository.SqlTime;"));
      Path p = dir.resolve("src").resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.text());
      written.add(p);
    }
    GeneratedFile time = SupportSources.copy("repository", "SqlTime",
        area -> "com.example.auth." + area);
    Path timePath = dir.resolve("src").resolve(time.path());
    Files.createDirectories(timePath.getParent());
    Files.writeString(timePath, time.text());
    written.add(timePath);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    GeneratedSources.compile(written, classes, List.of());
    assertThat(classes.resolve("com/example/auth/token/RefreshTokens.class")).exists();
  }
}
