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
 * SupportSources) compile with -Xlint:all -Werror against the JDK and the repository area
 * ({@code Jdbc}, the one JDBC helper, and {@code SqlTime}, the one time rule).
 */
class TokenSupportCompileTest {
  static final Path SOURCES = Path.of("src/main/support/io/github/authspec/support/token");

  @TempDir Path dir;

  @Test
  @DisplayName("every token support class, copied into com.example.auth.token, compiles warning-free with the JDK and the repository area only")
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
              || l.startsWith("import com.example.auth.repository."));
      Path p = dir.resolve("src").resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.text());
      written.add(p);
    }
    for (String name : List.of("Jdbc", "JdbcSupport", "RepositoryException", "SqlTime")) {
      GeneratedFile f = SupportSources.copy("repository", name, area -> "com.example.auth." + area);
      Path p = dir.resolve("src").resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.text());
      written.add(p);
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    GeneratedSources.compile(written, classes, List.of());
    assertThat(classes.resolve("com/example/auth/token/RefreshTokens.class")).exists();
  }
}
