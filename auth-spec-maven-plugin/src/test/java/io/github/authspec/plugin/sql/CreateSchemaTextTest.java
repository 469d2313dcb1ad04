package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.sql.SchemaState.ColumnState;
import io.github.authspec.plugin.sql.SchemaState.ForeignKeyState;
import io.github.authspec.plugin.sql.SchemaState.TableState;
import io.github.authspec.plugin.testsupport.HostileNames;
import io.github.authspec.plugin.testsupport.RandomSpecs;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CreateSchemaText} against its oracle: jOOQ rendering {@link MigrationPlanner}'s plan from
 * an empty schema through {@link SqlRenderer}, byte for byte, wherever it does not decline.
 */
class CreateSchemaTextTest {
  private static final List<String> TYPES = List.of("SMALLINT", "INT", "BIGINT", "DECIMAL",
      "BOOLEAN", "VARCHAR", "TEXT", "DATE", "TIME", "TIMESTAMP", ColumnState.TIMESTAMPTZ, "UUID");
  private static final List<String> ACTIONS = List.of("NO ACTION", "CASCADE", "RESTRICT",
      "SET NULL", "SET DEFAULT");
  private static final List<String> METHODS = List.of("BTREE", "HASH", "GIN", "GIST", "BRIN");
  private static final List<String> TEXTS = List.of("", "plain", "it's", "''", "a \"quoted\" one",
      "back\\slash", "é ü 漢字 😀", "$1 ${x} {0} ?", "-- not a comment */ /*", "100%");
  private static final List<String> NUMBERS = List.of("0", "-3", "1.50", "1e3", "0.0000001",
      "12345678901234567890.123", "-0.0");

  @TempDir
  Path dir;

  @Test
  @DisplayName("every type with and without size, precision, scale and array, each nullability")
  void everyTypeAndOption() {
    List<ColumnState> columns = new ArrayList<>(List.of(id("id")));
    int i = 0;
    for (String type : TYPES) {
      for (boolean array : List.of(false, true)) {
        for (Integer[] sps : new Integer[][] {{null, null, null}, {20, null, null},
            {null, 10, null}, {null, 10, 0}, {30, 10, 2}, {1, 1, 1}}) {
          for (int flags = 0; flags < 8; flags++) {
            columns.add(new ColumnState("c" + i++, type, sps[0], sps[1], sps[2], array,
                (flags & 1) != 0, false, (flags & 2) != 0, (flags & 4) != 0 ? "NUMBER" : null,
                (flags & 4) != 0 ? "7" : null, null, null, null, null, null, null, null));
          }
        }
      }
    }
    assertSameAsJooq(new SchemaState(List.of(new TableState("t", "pk_t", columns))));
  }

  @Test
  @DisplayName("defaults of every kind, literals that need quoting, numbers in exponent form")
  void defaults() {
    List<ColumnState> columns = new ArrayList<>(List.of(id("id")));
    int i = 0;
    for (String text : TEXTS) {
      columns.add(column("s" + i++, "VARCHAR", "STRING", text));
      columns.add(column("s" + i++, "TEXT", "STRING", text));
    }
    for (String number : NUMBERS) {
      columns.add(column("n" + i++, "DECIMAL", "NUMBER", number));
      columns.add(column("n" + i++, "BIGINT", "NUMBER", number));
    }
    for (String b : List.of("true", "false", "TRUE", "yes")) {
      columns.add(column("b" + i++, "BOOLEAN", "BOOLEAN", b));
    }
    columns.add(column("d" + i++, "TIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"));
    columns.add(column("d" + i++, ColumnState.TIMESTAMPTZ, "CURRENT_TIMESTAMP", "now"));
    columns.add(column("d" + i++, "DATE", "CURRENT_DATE", "CURRENT_DATE"));
    columns.add(column("d" + i++, "TIME", "CURRENT_TIME", "CURRENT_TIME"));
    assertSameAsJooq(new SchemaState(List.of(new TableState("t", "pk_t", columns))));
  }

  @Test
  @DisplayName("unique, indexes of every method, comments, foreign keys with every action pair,"
      + " names that need quoting, tables in order")
  void constraintsAndNames() {
    List<TableState> tables = new ArrayList<>();
    List<ColumnState> columns = new ArrayList<>(List.of(id("id")));
    int i = 0;
    for (String onDelete : ACTIONS) {
      for (String onUpdate : ACTIONS) {
        columns.add(new ColumnState("f" + i, "BIGINT", null, null, null, false, true, false,
            false, null, null, i % 3 == 0 ? "uq_f" + i : null, null, null, null, null, null,
            new ForeignKeyState("fk_f" + i++, i % 2 == 0 ? "t" : "odd \"name\"", "id", onDelete,
                onUpdate)));
      }
    }
    for (String method : METHODS) {
      columns.add(new ColumnState("x" + i, "TEXT", null, null, null, false, true, false, false,
          null, null, "uq_x" + i, "ix_x" + i, method, null, null, TEXTS.get(i % TEXTS.size()),
          null));
      i++;
    }
    for (String text : TEXTS) {
      columns.add(new ColumnState("m" + i++, "INT", null, null, null, false, false, false,
          false, null, null, null, null, null, null, null, text, null));
    }
    tables.add(new TableState("t", "pk_t", columns));
    // The primary key need not be first; a name may hold quotes, spaces and any letter.
    tables.add(new TableState("odd \"name\"", "pk \"odd\"", List.of(column("before", "TEXT",
        null, null), id("i\"d"), column("Ünïcode 名", "INT", null, null))));
    assertSameAsJooq(new SchemaState(tables));
  }

  @Test
  @DisplayName("random schemas of hostile names, every option and default kind")
  void randomSchemas() {
    Random random = new Random(20_261_202L);
    List<String> names = HostileNames.all();
    for (int s = 0; s < 40; s++) {
      List<TableState> tables = new ArrayList<>();
      int tableCount = 1 + random.nextInt(6);
      for (int t = 0; t < tableCount; t++) {
        List<ColumnState> columns = new ArrayList<>();
        int pk = random.nextInt(4);
        int n = 1 + random.nextInt(12);
        for (int c = 0; c < Math.max(n, pk + 1); c++) {
          columns.add(c == pk ? id("id_" + c) : randomColumn(random, names, "c" + c, tableCount));
        }
        tables.add(new TableState("t" + t, "pk_t" + t, columns));
      }
      assertSameAsJooq(new SchemaState(tables));
    }
  }

  @Test
  @DisplayName("the seed's, the edge-case and random specs' V1: the written file is jOOQ's text")
  void specs() throws IOException {
    List<GeneratedFile> seed = Specs.plan(Specs.project(Specs.FULL, dir.resolve("full")));
    assertThat(CreateSchemaText.render(schema(seed))).isPresent();
    assertV1IsJooqs(seed);
    assertV1IsJooqs(Specs.plan(Specs.project(Specs.EDGE_CASES, dir.resolve("edge"))));
    RandomSpecs random = new RandomSpecs(20_261_204L);
    for (int i = 0; i < 10; i++) {
      List<GeneratedFile> files = Specs.plan(random.next().project(dir.resolve("r" + i)));
      assertThat(CreateSchemaText.render(schema(files))).isPresent();
      assertV1IsJooqs(files);
    }
  }

  @Test
  @DisplayName("declines what it has not been proved against: checks, control characters,"
      + " unknown types, no primary key, no tables")
  void declines() {
    ColumnState check = new ColumnState("a", "INT", null, null, null, false, true, false, false,
        null, null, null, null, null, "ck_a", "a > 0", null, null);
    assertThat(render(check)).isEmpty();
    assertThat(render(column("a", "TEXT", "STRING", "line\nbreak"))).isEmpty();
    assertThat(render(column("a\tb", "TEXT", null, null))).isEmpty();
    assertThat(render(new ColumnState("a", "TEXT", null, null, null, false, true, false, false,
        null, null, null, null, null, null, null, "tab\there", null))).isEmpty();
    assertThat(render(column("a", "MONEY", null, null))).isEmpty();
    assertThat(render(column("a", "INT", "NUMBER", "not a number"))).isEmpty();
    assertThat(render(column("a", "INT", "SOMETHING_NEW", "x"))).isEmpty();
    assertThat(CreateSchemaText.render(new SchemaState(List.of(new TableState("t", "pk_t",
        List.of(column("a", "INT", null, null))))))).isEmpty();
    assertThat(CreateSchemaText.render(SchemaState.empty())).isEmpty();
    assertThat(render(column("a", "INT", null, null))).isPresent();
  }

  private static java.util.Optional<String> render(ColumnState column) {
    return CreateSchemaText.render(new SchemaState(List.of(new TableState("t", "pk_t",
        List.of(id("id"), column)))));
  }

  private static ColumnState randomColumn(Random random, List<String> names, String name,
      int tables) {
    String type = TYPES.get(random.nextInt(TYPES.size()));
    String kind = null;
    String value = null;
    switch (random.nextInt(5)) {
      case 0 -> {
        kind = "STRING";
        value = TEXTS.get(random.nextInt(TEXTS.size()));
      }
      case 1 -> {
        kind = "NUMBER";
        value = NUMBERS.get(random.nextInt(NUMBERS.size()));
      }
      case 2 -> {
        kind = "BOOLEAN";
        value = Boolean.toString(random.nextBoolean());
      }
      default -> { }
    }
    String column = random.nextBoolean() ? name : name + "_" + names.get(random.nextInt(
        names.size()));
    boolean indexed = random.nextInt(4) == 0;
    return new ColumnState(column, type, random.nextBoolean() ? 1 + random.nextInt(300) : null,
        random.nextBoolean() ? 1 + random.nextInt(30) : null,
        random.nextBoolean() ? random.nextInt(5) : null, random.nextInt(5) == 0,
        random.nextBoolean(), false, random.nextInt(8) == 0, kind, value,
        random.nextInt(4) == 0 ? "uq_" + column : null, indexed ? "ix_" + column : null,
        indexed ? METHODS.get(random.nextInt(METHODS.size())) : null, null, null,
        random.nextInt(4) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : null,
        random.nextInt(3) == 0 ? new ForeignKeyState("fk_" + column, "t" + random.nextInt(tables),
            "id_0", ACTIONS.get(random.nextInt(ACTIONS.size())),
            ACTIONS.get(random.nextInt(ACTIONS.size()))) : null);
  }

  private static ColumnState id(String name) {
    return new ColumnState(name, "BIGINT", null, null, null, false, false, true, true, null,
        null, null, null, null, null, null, null, null);
  }

  private static ColumnState column(String name, String type, String kind, String value) {
    return new ColumnState(name, type, 40, 12, 3, false, true, false, false, kind, value, null,
        null, null, null, null, null, null);
  }

  /** Written without jOOQ (nothing here is declined), and exactly jOOQ's text. */
  private static void assertSameAsJooq(SchemaState schema) {
    assertThat(CreateSchemaText.render(schema)).hasValue(jooq(schema));
  }

  private static String jooq(SchemaState schema) {
    SqlRenderer sql = new SqlRenderer();
    return sql.render(new MigrationPlanner(sql).plan(SchemaState.empty(), schema,
        Renames.parse(List.of(), new ArrayList<>())).queries());
  }

  private static void assertV1IsJooqs(List<GeneratedFile> files) throws IOException {
    String v1 = files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS
        && f.path().startsWith("V1__")).findFirst().orElseThrow().text();
    assertThat(v1.substring(v1.indexOf("\n\n") + 2)).isEqualTo(jooq(schema(files)));
  }

  private static SchemaState schema(List<GeneratedFile> files) throws IOException {
    String state = files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS
        && f.path().equals(MigrationState.FILE)).findFirst().orElseThrow().text();
    return MigrationState.Json.MAPPER.readValue(state, MigrationState.class).schema();
  }
}
