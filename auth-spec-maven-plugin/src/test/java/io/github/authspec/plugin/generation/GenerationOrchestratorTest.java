package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's contract with the disk, driven by a one-file-per-table generator: the real
 * generators are tested on their own, this test is about what is written, kept and deleted.
 */
class GenerationOrchestratorTest {
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

  /** Lists each table's columns in tables/NAME.txt. */
  private static final Generator PER_TABLE = generator("per-table",
      context -> context.spec().database().tables().stream()
          .map(t -> GeneratedFile.text(OutputRoot.JAVA, "tables/" + t.name() + ".txt",
              columns(t)))
          .toList());

  @TempDir Path base;
  private Path specFile;
  private GenerationRequest request;
  private final GenerationOrchestrator orchestrator =
      new GenerationOrchestrator(List.of(PER_TABLE), BuildLog.SILENT);

  @BeforeEach
  void setUp() throws IOException {
    specFile = base.resolve("auth-spec.json");
    writeSpec(table("users", "id", "email") + "," + table("roles", "id", "name"));
    request = GenerationRequest.defaults(specFile, base);
  }

  @Test
  @DisplayName("the first run writes every file and records a manifest")
  void firstRun() throws IOException {
    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
    assertThat(result.summary().written()).hasSize(2);
    assertThat(read("tables/users.txt")).isEqualTo("id\nemail\n");
    assertThat(request.stateDirectory().resolve("manifest.txt")).exists();
  }

  @Test
  @DisplayName("written files get the permissions of any file the build writes, not owner-only")
  void ordinaryPermissions() throws IOException {
    orchestrator.generate(request, true);

    Path plain = Files.write(base.resolve("plain.txt"), new byte[0]);
    Path written = request.javaDirectory().resolve("tables/users.txt");
    assertThat(Files.getPosixFilePermissions(written))
        .isEqualTo(Files.getPosixFilePermissions(plain));
    try (Stream<Path> left = Files.list(written.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no temporary file left").containsExactlyInAnyOrder("users.txt", "roles.txt");
    }
  }

  @Test
  @DisplayName("a second run with nothing changed is skipped and touches no file")
  void upToDate() throws IOException {
    orchestrator.generate(request, true);
    age("tables/users.txt");

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.UP_TO_DATE);
    assertThat(result.reason()).contains("unchanged");
    assertThat(Files.getLastModifiedTime(out("tables/users.txt"))).isEqualTo(OLD);
  }

  @Test
  @DisplayName("a spec touched but not changed is still up to date (its bytes are compared)")
  void touchedSpecUpToDate() throws IOException {
    orchestrator.generate(request, true);
    Files.setLastModifiedTime(specFile, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    assertThat(orchestrator.generate(request, true).status()).isEqualTo(Status.UP_TO_DATE);
    // ... and its new time is recorded: the run after that does not read the inputs.
    Files.write(request.stateDirectory().resolve(Fingerprint.FILE), new byte[] {1, 2, 3});
    assertThat(orchestrator.generate(request, true).status()).isEqualTo(Status.UP_TO_DATE);
  }

  @Test
  @DisplayName("an edit keeping the spec's size is noticed, even within the same clock tick")
  void sameSizeEditRegenerates() throws IOException {
    orchestrator.generate(request, true);
    FileTime before = Files.getLastModifiedTime(specFile);
    String text = Files.readString(specFile);
    Files.writeString(specFile, text.replace("\"email\"", "\"other\""));
    assertThat(Files.size(specFile)).isEqualTo(text.length());
    // Only the time tells it from the recorded stat (here by a millisecond): the bytes decide.
    Files.setLastModifiedTime(specFile, FileTime.fromMillis(before.toMillis() + 1));

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
    assertThat(read("tables/users.txt")).isEqualTo("id\nother\n");
  }

  @Test
  @DisplayName("with every input's size and time unchanged, the inputs are not read again")
  void unchangedStatSkipsReading() throws IOException {
    orchestrator.generate(request, true);
    Files.write(request.stateDirectory().resolve(Fingerprint.FILE), new byte[] {1, 2, 3});

    assertThat(orchestrator.generate(request, true).status()).isEqualTo(Status.UP_TO_DATE);
  }

  @Test
  @DisplayName("a changed spec rewrites only the files whose content changed")
  void onlyChangedFilesRewritten() throws IOException {
    orchestrator.generate(request, true);
    age("tables/users.txt");
    age("tables/roles.txt");
    writeSpec(table("users", "id", "email", "phone") + "," + table("roles", "id", "name"));

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
    assertThat(result.reason()).contains("changed");
    assertThat(result.summary().written()).containsExactly(out("tables/users.txt"));
    assertThat(Files.getLastModifiedTime(out("tables/roles.txt"))).isEqualTo(OLD);
    assertThat(read("tables/users.txt")).isEqualTo("id\nemail\nphone\n");
  }

  @Test
  @DisplayName("a changed migration is refused before anything of that run is written")
  void changedMigrationRefusedFirst() throws IOException {
    // Its tables as a migration (sorted last by its root) and as one Java file.
    Generator migrationAndJava = generator("migration", context -> {
      String names = context.spec().database().tables().stream().map(Table::name)
          .collect(Collectors.joining("\n", "", "\n"));
      return List.of(GeneratedFile.text(OutputRoot.JAVA, "all/tables.txt", names),
          GeneratedFile.text(OutputRoot.MIGRATIONS, "V1__tables.sql", names));
    });
    GenerationOrchestrator writer =
        new GenerationOrchestrator(List.of(migrationAndJava), BuildLog.SILENT);
    writer.generate(request, true);
    writeSpec(table("users", "id", "email") + "," + table("groups", "id", "name"));

    assertThatThrownBy(() -> writer.generate(request, true)).isInstanceOf(IOException.class)
        .hasMessageContaining("refusing to overwrite existing migration");
    assertThat(read("all/tables.txt")).isEqualTo("users\nroles\n");
  }

  @Test
  @DisplayName("many files into new nested directories are all written, in parallel, none left half")
  void manyFilesNewDirectories() throws IOException {
    Generator many = generator("many", context -> IntStream.range(0, 600)
        .mapToObj(i -> GeneratedFile.text(OutputRoot.JAVA,
            "d" + i % 7 + "/e" + i % 3 + "/f" + i + ".txt", "file " + i + "\n"))
        .toList());
    GenerationResult result =
        new GenerationOrchestrator(List.of(many), BuildLog.SILENT).generate(request, true);

    assertThat(result.summary().written()).hasSize(600).isSorted();
    try (Stream<Path> all = Files.walk(request.javaDirectory())) {
      List<Path> files = all.filter(Files::isRegularFile).toList();
      assertThat(files).hasSize(600);
      for (Path f : files) {
        String name = f.getFileName().toString();
        assertThat(Files.readString(f))
            .isEqualTo("file " + name.substring(1, name.length() - 4) + "\n");
      }
    }
  }

  @Test
  @DisplayName("a file the spec no longer produces is deleted, a file the plugin never wrote is kept")
  void staleFilesDeleted() throws IOException {
    orchestrator.generate(request, true);
    Path foreign = out("tables/handwritten.txt");
    Files.writeString(foreign, "mine");
    writeSpec(table("users", "id", "email"));

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.summary().deleted()).containsExactly(out("tables/roles.txt"));
    assertThat(out("tables/roles.txt")).doesNotExist();
    assertThat(foreign).exists();
  }

  @Test
  @DisplayName("a spec with errors fails, writes nothing and leaves the previous output intact")
  void failureKeepsOutput() throws IOException {
    orchestrator.generate(request, true);
    String before = read("tables/users.txt");
    writeSpec(table("users", "id", "email") + ", {\"name\": \"roles\", \"fields\": []}");

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.diagnostics().errors()).extracting(d -> d.code().id())
        .containsExactly("AS027");
    assertThat(read("tables/users.txt")).isEqualTo(before);
    assertThat(out("tables/roles.txt")).exists();
    // The failed run did not record a fingerprint: the next good run regenerates.
    writeSpec(table("users", "id", "email") + "," + table("roles", "id", "name"));
    assertThat(orchestrator.generate(request, true).status()).isEqualTo(Status.UP_TO_DATE);
  }

  @Test
  @DisplayName("a deleted generated file is noticed and written again")
  void missingFileRegenerated() throws IOException {
    orchestrator.generate(request, true);
    Files.delete(out("tables/roles.txt"));

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
    assertThat(result.reason()).isEqualTo("generated file tables/roles.txt is missing");
    assertThat(out("tables/roles.txt")).exists();
  }

  @Test
  @DisplayName("a configuration change alone regenerates")
  void configurationChangeRegenerates() throws IOException {
    orchestrator.generate(request, true);

    GenerationResult result =
        orchestrator.generate(request.toBuilder().packageName("org.example.other").build(), true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
  }

  @Test
  @DisplayName("check mode reports files that differ, and writes nothing")
  void check() throws IOException {
    assertThat(orchestrator.check(request).status()).isEqualTo(Status.OUT_OF_DATE);
    orchestrator.generate(request, true);
    assertThat(orchestrator.check(request).status()).isEqualTo(Status.CURRENT);

    Files.writeString(out("tables/users.txt"), "edited");
    GenerationResult result = orchestrator.check(request);

    assertThat(result.status()).isEqualTo(Status.OUT_OF_DATE);
    assertThat(result.outOfDate()).containsExactly(out("tables/users.txt"));
    assertThat(read("tables/users.txt")).isEqualTo("edited");
  }

  @Test
  @DisplayName("two runs in different directories produce byte-identical files")
  void deterministic(@TempDir Path other) throws IOException {
    Path otherSpec = other.resolve("auth-spec.json");
    Files.copy(specFile, otherSpec);
    orchestrator.generate(request, false);
    orchestrator.generate(GenerationRequest.defaults(otherSpec, other), false);

    assertThat(Files.readAllBytes(other.resolve(
        "target/generated-sources/auth-spec/tables/users.txt")))
        .isEqualTo(Files.readAllBytes(out("tables/users.txt")));
  }

  @Test
  @DisplayName("a second execution writing the same files as the first is refused")
  void overlappingExecutions() throws IOException {
    orchestrator.generate(request, true);
    GenerationRequest second = request.toBuilder()
        .migrationsDirectory(base.resolve("other-migrations"))
        .stateDirectory(request.stateDirectory().resolveSibling("second")).build();

    GenerationResult result = orchestrator.generate(second, true);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.diagnostics().errors()).extracting(d -> d.code().id())
        .containsExactly("AS114");
  }

  @Test
  @DisplayName("an exception inside a generator is a located AS199 diagnostic asking for a bug "
      + "report, and nothing is written")
  void generatorException() throws IOException {
    orchestrator.generate(request, true);
    String before = read("tables/users.txt");
    Generator broken = new Generator() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        Table roles = context.spec().database().table("roles").orElseThrow();
        return List.of(context.at(roles.pointer(), () -> {
          throw new IllegalArgumentException("not a valid name: _");
        }));
      }
    };
    writeSpec(table("users", "id", "email", "phone") + "," + table("roles", "id", "name"));

    GenerationResult result = new GenerationOrchestrator(List.of(PER_TABLE, broken),
        BuildLog.SILENT).generate(request, true);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.diagnostics().errors()).singleElement().satisfies(d -> {
      assertThat(d.code().id()).isEqualTo("AS199");
      assertThat(d.pointer()).isEqualTo("/diagram/database/tables/1");
      assertThat(d.position().line()).isPositive();
      assertThat(d.message()).isEqualTo("internal error in generator broken: "
          + "java.lang.IllegalArgumentException: not a valid name: _; this is a bug in auth-spec");
      assertThat(d.hint()).startsWith("please report it at " + GeneratorFailure.ISSUES_URL);
    });
    assertThat(read("tables/users.txt")).isEqualTo(before);
  }

  @Test
  @DisplayName("two generators producing one file is an AS199 diagnostic, not an exception")
  void duplicateOutput() throws IOException {
    GenerationResult result = new GenerationOrchestrator(List.of(PER_TABLE, PER_TABLE),
        BuildLog.SILENT).generate(request, true);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.diagnostics().errors()).extracting(d -> d.code().id())
        .containsOnly("AS199");
    assertThat(result.diagnostics().errors().get(0).message())
        .contains("per-table", ".txt, which another generator already produced");
  }

  private static Generator generator(String name,
      Function<GenerationContext, List<GeneratedFile>> files) {
    return new Generator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<GeneratedFile> generate(GenerationContext context) {
        return files.apply(context);
      }
    };
  }

  private static String columns(Table t) {
    return t.columns().stream().map(Column::name).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String table(String name, String... columns) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      fields.append(i == 0 ? "" : ",")
          .append("{\"name\": \"").append(columns[i]).append("\", \"type\": \"BIGINT\"")
          .append(i == 0 ? ", \"primaryKey\": true" : "").append('}');
    }
    return "{\"name\": \"" + name + "\", \"fields\": [" + fields + "]}";
  }

  private void writeSpec(String tables) throws IOException {
    Files.writeString(specFile, """
        {
          "leftPanel": {"project": {"package": "com.example.auth"}},
          "midPanel": {"selectedFeatures": []},
          "diagram": {"database": {"type": "postgresql", "tables": [%s]}},
          "externalServices": []
        }
        """.formatted(tables));
  }

  private Path out(String path) {
    return request.javaDirectory().resolve(path);
  }

  private String read(String path) throws IOException {
    return Files.readString(out(path));
  }

  private void age(String path) throws IOException {
    Files.setLastModifiedTime(out(path), OLD);
  }
}
