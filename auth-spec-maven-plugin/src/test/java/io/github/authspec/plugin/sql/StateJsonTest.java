package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.sql.SchemaState.ColumnState;
import io.github.authspec.plugin.sql.SchemaState.ForeignKeyState;
import io.github.authspec.plugin.sql.SchemaState.TableState;
import io.github.authspec.plugin.testsupport.RandomSpecs;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file is written without Jackson ({@link StateJson}) but must stay byte for byte what
 * Jackson's pretty printer wrote before (committed files would otherwise change on the next
 * build): Jackson, reading our text and writing it again, gives the same bytes.
 */
class StateJsonTest {
  @TempDir Path dir;

  @Test
  @DisplayName("the full, edge-case and 20 random specs' state files are what Jackson writes")
  void generatedStatesMatchJackson() throws IOException {
    assertSameAsJackson(state(Specs.plan(Specs.project(Specs.FULL, dir.resolve("full")))));
    assertSameAsJackson(state(Specs.plan(Specs.project(Specs.EDGE_CASES, dir.resolve("edge")))));
    RandomSpecs random = new RandomSpecs(20_261_202L);
    for (int i = 0; i < 20; i++) {
      assertSameAsJackson(state(Specs.plan(random.next().project(dir.resolve("r" + i)))));
    }
  }

  @Test
  @DisplayName("quotes, backslashes, control characters and non-ASCII text are escaped as Jackson does")
  void hostileStrings() throws IOException {
    String text = "say \"hi\" \\ to\nall\tof\r\b\f\u0001\u001f é ✓ 😀 </script> \u2028";
    ColumnState column = new ColumnState(text, "VARCHAR", 10, null, null, false, true, false,
        false, "STRING", text, null, null, null, null, null, text,
        new ForeignKeyState("fk", "t", "c", "CASCADE", "NO ACTION"));
    MigrationState state = new MigrationState(
        List.of(new MigrationState.Version(1, "V1__x.sql", "ab"),
            new MigrationState.Version(2, "V2__y.sql", "cd")),
        new SchemaState(List.of(new TableState("t", "pk_t", List.of(column)),
            new TableState("empty", "pk_empty", List.of()))));
    assertSameAsJackson(state.toJson());
    assertSameAsJackson(MigrationState.empty().toJson());
    assertThat(MigrationState.empty().toJson()).contains("\"versions\" : [ ]")
        .contains("\"tables\" : [ ]");
  }

  @Test
  @DisplayName("the schema's fingerprint text is its record toString, which committed digests hash")
  void fingerprintTextIsTheRecordsToString() throws IOException {
    List<SchemaState> schemas = new java.util.ArrayList<>();
    schemas.add(read(state(Specs.plan(Specs.project(Specs.FULL, dir.resolve("full"))))));
    schemas.add(read(state(Specs.plan(Specs.project(Specs.EDGE_CASES, dir.resolve("edge"))))));
    RandomSpecs random = new RandomSpecs(20_261_203L);
    for (int i = 0; i < 20; i++) {
      schemas.add(read(state(Specs.plan(random.next().project(dir.resolve("r" + i))))));
    }
    ColumnState column = new ColumnState("a", "VARCHAR", 10, null, 3, true, false, true, false,
        null, "x, y]", "u", null, "BTREE", null, "a > 0", null,
        new ForeignKeyState("fk", "t", "c", "CASCADE", "NO ACTION"));
    schemas.add(new SchemaState(List.of(new TableState("t", "pk_t", List.of(column, column)),
        new TableState("empty", null, List.of()))));
    schemas.add(SchemaState.empty());
    for (SchemaState schema : schemas) {
      assertThat(schema.fingerprintText()).isEqualTo(schema.toString());
    }
    assertThat(schemas.get(0).tables()).hasSizeGreaterThan(50);
  }

  private static SchemaState read(String state) throws IOException {
    return MigrationState.Json.MAPPER.readValue(state, MigrationState.class).schema();
  }

  private static String state(List<GeneratedFile> files) {
    return files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS
            && f.path().equals(MigrationState.FILE)).findFirst().orElseThrow().text();
  }

  private static void assertSameAsJackson(String ours) throws IOException {
    MigrationState read = MigrationState.Json.MAPPER.readValue(ours, MigrationState.class);
    String jackson = MigrationState.Json.MAPPER.writeValueAsString(read)
        .replace("\r\n", "\n") + "\n";
    assertThat(ours).isEqualTo(jackson);
  }
}
