package io.github.authspec.plugin.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The architecture's lines, as a test: who may import what. */
class ProjectStructureTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/authspec/plugin");

  @Test
  @DisplayName("the mojos never import Jackson, JavaPoet, jOOQ or java.nio.file.Files")
  void mojosStayThin() throws IOException {
    for (Path source : sources(MAIN.resolve("mojo"))) {
      assertThat(Files.readString(source)).as(source.toString())
          .doesNotContain("import com.fasterxml.jackson")
          .doesNotContain("import com.palantir.javapoet")
          .doesNotContain("import org.jooq")
          .doesNotContain("import java.nio.file.Files");
    }
  }

  @Test
  @DisplayName("only the writer writes files; generators only read the committed migration state")
  void onlyTheWriterWrites() throws IOException {
    for (Path source : sources(MAIN)) {
      String text = Files.readString(source);
      if (source.startsWith(MAIN.resolve("write"))) {
        continue;
      }
      boolean state = source.getFileName().toString().equals("Fingerprint.java");
      assertThat(text.contains("Files.write") && !state).as(source.toString()).isFalse();
    }
  }

  @Test
  @DisplayName("generators never touch the disk: only the run's input readers, the writer and "
      + "the mojos' setup use the file system")
  void generatorsNeverReadTheDisk() throws IOException {
    List<String> allowed = List.of("generation/ClassDataArchive.java",
        "generation/Fingerprint.java", "generation/ForkedGeneration.java",
        "generation/GenerationOrchestrator.java", "generation/MigrationsSnapshot.java");
    for (Path source : sources(MAIN)) {
      String relative = MAIN.relativize(source).toString().replace('\\', '/');
      if (relative.startsWith("write/") || relative.startsWith("mojo/")
          || allowed.contains(relative)) {
        continue;
      }
      assertThat(Files.readString(source)).as(relative)
          .doesNotContain("java.nio.file.Files").doesNotContain("import java.io.File;")
          .doesNotContain("FileInputStream").doesNotContain("FileReader")
          .doesNotContain(".toFile()");
    }
  }

  @Test
  @DisplayName("jOOQ stays in the SQL package and the type mapping")
  void jooqStaysInSql() throws IOException {
    for (Path source : sources(MAIN)) {
      boolean allowed = source.startsWith(MAIN.resolve("sql"))
          || source.getFileName().toString().equals("TypeMapping.java");
      if (!allowed) {
        assertThat(Files.readString(source)).as(source.toString()).doesNotContain("org.jooq");
      }
    }
  }

  @Test
  @DisplayName("every package has a package-info.java")
  void packagesAreDocumented() throws IOException {
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasSources;
        try (Stream<Path> files = Files.list(dir)) {
          hasSources = files.anyMatch(p -> p.toString().endsWith(".java"));
        }
        if (hasSources) {
          assertThat(dir.resolve("package-info.java")).as(dir.toString()).exists();
        }
      }
    }
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
