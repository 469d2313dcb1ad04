package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.Column;
import io.github.authspec.model.DefaultValue;
import io.github.authspec.model.ForeignKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V1 applied to a real PostgreSQL holds exactly what the spec declares, table by table. */
class MigrationCatalogTest {
  @TempDir Path dir;

  @Test
  @DisplayName("V1 of the full spec applies, and the catalog holds every column and constraint of all 63 tables")
  void fullSpecCatalog() {
    Spec spec = Specs.load(Specs.FULL);
    DataSource db = PostgresServer.freshDatabase("catalog");
    Catalog.applyGenerated(db, v1(Specs.FULL));

    assertThat(Catalog.tables(db)).hasSize(63)
        .containsExactlyInAnyOrderElementsOf(spec.database().tables().stream()
            .map(Table::name).toList());
    assertMatches(spec, db);
  }

  @Test
  @DisplayName("the read-back check refuses a script jOOQ's parser cannot read, before applying it")
  void readBackCheckCanFail() {
    DataSource db = PostgresServer.freshDatabase("readback");
    assertThatThrownBy(() -> Catalog.applyGenerated(db,
        "CREATE TABLE \"t\" (\"id\" bigint);\n\nCREATE POLICY \"p\" ON \"t\" USING (true);\n"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("cannot read back");
    assertThat(Catalog.tables(db)).isEmpty();
  }

  @Test
  @DisplayName("reserved words, quotes in comments, FK cycles, arrays, checks and long names apply")
  void edgeCases() {
    Spec spec = Specs.load(Specs.EDGE_CASES);
    DataSource db = PostgresServer.freshDatabase("edge");
    Catalog.applyGenerated(db, v1(Specs.EDGE_CASES));

    assertMatches(spec, db);
    assertThat(Catalog.constraints(db).keySet()).allMatch(n -> n.length() <= 63);
  }

  private String v1(String spec) {
    GenerationRequest request = Specs.project(spec, dir.resolve(spec));
    List<GeneratedFile> sql = Specs.plan(request).stream()
        .filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql")).toList();
    assertThat(sql).extracting(GeneratedFile::path).containsExactly("V1__create_schema.sql");
    return sql.get(0).text();
  }

  /** Compares the catalog with expectations written from the model, column by column. */
  private static void assertMatches(Spec spec, DataSource db) {
    Map<String, String> columns = Catalog.columns(db);
    Map<String, String> constraints = Catalog.constraints(db);
    Map<String, String> indexes = Catalog.indexes(db);
    int expectedColumns = 0;
    for (Table table : spec.database().tables()) {
      String pk = "pk_" + table.name();
      assertThat(constraints.get(pk)).as(pk)
          .isEqualTo(table.name() + " PRIMARY KEY (" + quoted(table.primaryKey().name()) + ")");
      for (Column c : table.columns()) {
        expectedColumns++;
        String key = table.name() + "." + c.name();
        assertThat(columns.get(key)).as(key).isEqualTo(expectedColumn(c));
        expectUnique(c, constraints, indexes);
        expectForeignKey(c, constraints);
        c.index().ifPresent(ix -> assertThat(indexes.get(shortName("ix", c)))
            .as("index of " + key)
            .contains("USING " + ix.type().name().toLowerCase(java.util.Locale.ROOT))
            .contains("(" + quoted(c.name()) + ")"));
        c.check().ifPresent(ck -> assertThat(constraints.get(shortName("ck", c)))
            .as("check of " + key).startsWith(table.name() + " CHECK"));
      }
    }
    assertThat(columns).hasSize(expectedColumns);
  }

  private static void expectUnique(Column c, Map<String, String> constraints,
      Map<String, String> indexes) {
    String key = c.qualifiedName();
    long uniqueIndexesOnColumn = indexes.values().stream()
        .filter(def -> def.contains(" ON public." + quoted(c.table().name()) + " ")
            || def.contains(" ON public." + c.table().name() + " "))
        .filter(def -> def.startsWith("CREATE UNIQUE INDEX"))
        .filter(def -> def.endsWith("(" + quoted(c.name()) + ")")
            || def.endsWith("(" + c.name() + ")"))
        .count();
    if (c.unique() && !c.primaryKey()) {
      assertThat(constraints.get(shortName("uq", c))).as("unique " + key)
          .isEqualTo(c.table().name() + " UNIQUE (" + quoted(c.name()) + ")");
      assertThat(uniqueIndexesOnColumn).as("exactly one unique index on " + key).isEqualTo(1);
    } else if (!c.primaryKey()) {
      assertThat(uniqueIndexesOnColumn).as("no unique index on " + key).isZero();
    }
  }

  private static void expectForeignKey(Column c, Map<String, String> constraints) {
    String name = shortName("fk", c);
    if (c.foreignKey().isEmpty()) {
      assertThat(constraints).doesNotContainKey(name);
      return;
    }
    ForeignKey fk = c.foreignKey().get();
    String expected = c.table().name() + " FOREIGN KEY (" + quoted(c.name()) + ") REFERENCES "
        + quoted(fk.target().table().name()) + "(" + quoted(fk.target().name()) + ")"
        + (fk.onUpdate().sql().equals("NO ACTION") ? "" : " ON UPDATE " + fk.onUpdate().sql())
        + (fk.onDelete().sql().equals("NO ACTION") ? "" : " ON DELETE " + fk.onDelete().sql());
    assertThat(constraints.get(name)).as(name).isEqualTo(expected);
  }

  /** The column as {@link Catalog#columns} prints it, written from the spec. */
  private static String expectedColumn(Column c) {
    String type = switch (c.type()) {
      case SMALLINT -> "smallint";
      case INT -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric" + (c.precision().isPresent()
          ? "(" + c.precision().getAsInt() + "," + c.scale().orElse(0) + ")" : "");
      case BOOLEAN -> "boolean";
      case VARCHAR -> "character varying(" + c.size().getAsInt() + ")";
      case TEXT -> "text";
      case DATE -> "date";
      case TIME -> "time without time zone";
      case TIMESTAMP -> "timestamp without time zone";
      case UUID -> "uuid";
    };
    if (c.array()) {
      type = "_" + switch (c.type()) {
        case BIGINT -> "int8";
        case INT -> "int4";
        case SMALLINT -> "int2";
        case VARCHAR -> "varchar";
        case BOOLEAN -> "bool";
        default -> c.type().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
    return type + (c.nullable() ? " null" : " not null")
        + (c.autoIncrement() ? " identity" : "")
        + c.defaultValue().map(d -> expectedDefault(c, d)).orElse("")
        + c.comment().map(x -> " comment " + x).orElse("");
  }

  private static String expectedDefault(Column c, DefaultValue d) {
    return " default " + switch (d.kind()) {
      case STRING -> "'" + d.value().replace("'", "''") + "'::" + switch (c.type()) {
        case VARCHAR -> "character varying";
        case TIMESTAMP -> "timestamp without time zone";
        case TIME -> "time without time zone";
        default -> c.type().name().toLowerCase(java.util.Locale.ROOT);
      };
      case NUMBER, BOOLEAN -> d.value();
      case CURRENT_TIMESTAMP -> "CURRENT_TIMESTAMP";
      case CURRENT_DATE -> "CURRENT_DATE";
      case CURRENT_TIME -> "CURRENT_TIME";
    };
  }

  private static String shortName(String prefix, Column c) {
    return io.github.authspec.plugin.naming.Naming.sqlName(prefix, c.table().name(), c.name());
  }

  private static String quoted(String name) {
    return name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name) ? name
        : "\"" + name + "\"";
  }

  /** The words of the specs that PostgreSQL's quote_ident quotes (its reserved keywords). */
  private static final java.util.Set<String> RESERVED = java.util.Set.of(
      "order", "user", "group", "default", "table", "check", "select");
}
