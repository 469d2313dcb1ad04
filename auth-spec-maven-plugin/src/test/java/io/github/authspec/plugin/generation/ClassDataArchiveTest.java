package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's life beside the plugin jar: written once, published whole, then used. */
class ClassDataArchiveTest {

  @Test
  @DisplayName("no archive: the JVM writes one to a temporary file, published by one rename")
  void writtenThenUsed(@TempDir Path repo) throws IOException {
    Path jar = Files.write(repo.resolve("plugin-1.0.jar"), new byte[] {1});
    Path older = Files.write(repo.resolve("plugin-1.0.cds-0011223344556677.jsa"), new byte[1]);
    Path unrelated = Files.write(repo.resolve("other-1.0.cds-0011223344556677.jsa"), new byte[1]);
    ClassDataArchive archive = new ClassDataArchive(jar, "8899aabbccddeeff");

    String flag = archive.flag().orElseThrow();
    assertThat(archive.writing()).isTrue();
    assertThat(flag).startsWith("-XX:ArchiveClassesAtExit=" + repo.resolve(
        "plugin-1.0.cds-8899aabbccddeeff."));
    Path temporary = Path.of(flag.substring(flag.indexOf('=') + 1));
    Files.write(temporary, new byte[] {42}); // what the JVM writes as it exits
    archive.publish(true);

    assertThat(archive.path()).hasBinaryContent(new byte[] {42});
    assertThat(older).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(names(repo)).containsExactlyInAnyOrder("plugin-1.0.jar",
        "plugin-1.0.cds-8899aabbccddeeff.jsa", "other-1.0.cds-0011223344556677.jsa");
    assertThat(new ClassDataArchive(jar, "8899aabbccddeeff").flag()).contains(
        "-XX:SharedArchiveFile=" + archive.path());
  }

  @Test
  @DisplayName("a JVM that failed leaves no archive and no temporary file")
  void failedRunLeavesNothing(@TempDir Path repo) throws IOException {
    Path jar = Files.write(repo.resolve("plugin-1.0.jar"), new byte[] {1});
    ClassDataArchive archive = new ClassDataArchive(jar, "8899aabbccddeeff");
    archive.flag().orElseThrow();

    archive.publish(false);

    assertThat(names(repo)).containsExactly("plugin-1.0.jar");
  }

  @Test
  @DisplayName("two forks of one build writing the archive at once each get their own file")
  void concurrentWriters(@TempDir Path repo) throws IOException {
    Path jar = Files.write(repo.resolve("plugin-1.0.jar"), new byte[] {1});
    ClassDataArchive one = new ClassDataArchive(jar, "8899aabbccddeeff");
    ClassDataArchive two = new ClassDataArchive(jar, "8899aabbccddeeff");

    String first = one.flag().orElseThrow();
    String second = two.flag().orElseThrow();

    assertThat(first).startsWith("-XX:ArchiveClassesAtExit=");
    assertThat(second).startsWith("-XX:ArchiveClassesAtExit=").isNotEqualTo(first);
    two.publish(false);
    assertThat(Path.of(first.substring(first.indexOf('=') + 1))).as("not the other's to delete")
        .exists();
  }

  @Test
  @DisplayName("the archive's key is FNV-1a 64, as its published test vectors give it")
  void fnvVectors() {
    assertThat(ClassDataArchive.fnv1a("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(ClassDataArchive.fnv1a("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(ClassDataArchive.fnv1a("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  @DisplayName("classes from directories (tests, an IDE) get no archive")
  void noArchiveOutsideAJar(@TempDir Path dir) {
    assertThat(ClassDataArchive.of(List.of(dir))).isEmpty();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
