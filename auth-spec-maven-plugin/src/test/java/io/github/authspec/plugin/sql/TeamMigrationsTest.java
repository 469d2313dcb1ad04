package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationOrchestrator.RepairOutcome;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.GenerationResult;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ordinary team situations, end to end: a user's own migration beside the
 * generated ones, and two branches that each generated the next version. Every history is
 * applied by Flyway itself to a real PostgreSQL.
 */
class TeamMigrationsTest {
  // Exact decimals: a default of 0.00 must stay 0.00 when the test edits the spec.
  private static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(new com.fasterxml.jackson.databind.node.JsonNodeFactory(true))
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String TWO_TABLES = "two-tables.json";
  private final GenerationOrchestrator orchestrator =
      new GenerationOrchestrator(Generators.all(), BuildLog.SILENT);

  @TempDir Path base;

  @Test
  @DisplayName("a user-written V2 (an INSERT) leads to a generated V3, and Flyway applies all three")
  void userMigrationGetsTheNextVersionAbove() throws IOException {
    GenerationRequest request = Specs.project(Specs.FULL, base);
    assertThat(sql(generate(request))).containsExactly("V1__create_schema.sql");
    Path dir = request.migrationsDirectory();
    Files.writeString(dir.resolve("V2__seed_admin_role.sql"),
        "INSERT INTO roles (name) VALUES ('admin');\n");

    edit(request, s -> fields(s, "users").add(column("nickname", "VARCHAR").put("size", 40)));

    assertThat(sql(generate(request))).containsExactly("V3__add_column_users_nickname.sql");
    MigrateResult applied = flyway(PostgresServer.freshDatabase("user_v2"), dir).migrate();
    assertThat(applied.migrationsExecuted).isEqualTo(3);
  }

  @Test
  @DisplayName("V2_1, V2.1 and V20261201 all count: the next version is above the highest")
  void everyFlywayVersionCounts() throws IOException {
    GenerationRequest request = Specs.project(TWO_TABLES, base);
    generate(request);
    Path dir = request.migrationsDirectory();
    Files.writeString(dir.resolve("V2_1__a.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("V2.2__b.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("V20261201__c.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("R__views.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("U2_1__a.sql"), "SELECT 1;\n");

    edit(request, s -> fields(s, "accounts").add(column("nickname", "TEXT")));

    assertThat(sql(generate(request))).containsExactly("V20261202__add_column_accounts_nickname.sql");
    assertThat(flyway(PostgresServer.freshDatabase("versions"), dir).migrate().success).isTrue();
  }

  @Test
  @DisplayName("a column and an index a user migration added are not added again when the spec declares them")
  void userDdlIsNotRepeated() throws IOException {
    GenerationRequest request = Specs.project(TWO_TABLES, base);
    generate(request);
    Path dir = request.migrationsDirectory();
    Files.writeString(dir.resolve("V2__nickname.sql"), """
        -- added by hand before the designer had it
        ALTER TABLE accounts ADD COLUMN nickname varchar(40);
        CREATE INDEX accounts_nickname_idx ON accounts (nickname);
        """);

    edit(request, s -> {
      fields(s, "accounts").add(column("nickname", "VARCHAR").put("size", 40)
          .set("index", JSON.createObjectNode().put("type", "BTREE")));
      fields(s, "accounts").add(column("karma", "INT"));
    });

    List<Path> written = sql(generate(request), request);
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("V3__add_column_accounts_karma.sql");
    assertThat(Files.readString(written.get(0))).contains("\"karma\"")
        .doesNotContain("nickname");
    DataSource db = PostgresServer.freshDatabase("user_ddl");
    assertThat(flyway(db, dir).migrate().migrationsExecuted).isEqualTo(3);
    assertThat(Catalog.columns(db)).containsKeys("accounts.nickname", "accounts.karma");

    // Declared exactly as the user made it: the state alone is updated, no SQL at all.
    edit(request, s -> fields(s, "accounts").remove(fields(s, "accounts").size() - 1));
    Files.writeString(dir.resolve("V4__karma_by_hand.sql"), "SELECT 1;\n");
    GenerationResult result = orchestrator.generate(request, true);
    assertThat(result.summary().written()).noneMatch(p -> p.toString().endsWith(".sql"));
  }

  @Test
  @DisplayName("a statement jOOQ cannot read in a user migration is a warning at its file and line")
  void unreadableUserStatementIsLocated() throws IOException {
    GenerationRequest request = Specs.project(TWO_TABLES, base);
    generate(request);
    Path dir = request.migrationsDirectory();
    Files.writeString(dir.resolve("V2__policies.sql"), """
        ALTER TABLE accounts ADD COLUMN tenant text;

        CREATE POLICY tenant_only ON accounts USING (tenant = current_user);
        """);
    edit(request, s -> fields(s, "accounts").add(column("karma", "INT")));

    GenerationResult result = orchestrator.generate(request, true);

    assertThat(result.status()).isEqualTo(Status.GENERATED);
    Diagnostic warning = result.diagnostics().warnings().stream()
        .filter(d -> d.code().id().equals("AS121")).findFirst().orElseThrow();
    assertThat(warning.format()).contains("V2__policies.sql:3:1: warning: [AS121]");
  }

  @Test
  @DisplayName("two merged branches that each generated V2: located error naming both, check fails, repair makes Flyway apply the history")
  void mergedBranches() throws IOException {
    GenerationRequest main = Specs.project(TWO_TABLES, base.resolve("main"));
    generate(main);
    GenerationRequest a = branch(main, "a");
    GenerationRequest b = branch(main, "b");
    // Both branches add nickname (the same column), b also adds right_col.
    edit(a, s -> fields(s, "accounts").add(column("nickname", "VARCHAR").put("size", 40)));
    edit(b, s -> {
      fields(s, "accounts").add(column("nickname", "VARCHAR").put("size", 40));
      fields(s, "accounts").add(column("right_col", "INT"));
    });
    assertThat(sql(generate(a))).containsExactly("V2__add_column_accounts_nickname.sql");
    assertThat(sql(generate(b))).containsExactly("V2__add_column_accounts_nickname_and_1_more.sql");
    // The merge: a's state file won the conflict, both V2 files are present, spec has both.
    copyMigrations(a, main);
    copyMigrations(b, main, "V2__add_column_accounts_nickname_and_1_more.sql");
    Files.copy(b.specFile(), main.specFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    GenerationResult stopped = orchestrator.generate(main, true);
    assertThat(stopped.status()).isEqualTo(Status.FAILED);
    List<Diagnostic> errors = stopped.diagnostics().errors();
    assertThat(errors).extracting(d -> d.code().id()).containsOnly("AS120");
    assertThat(errors.get(0).format()).contains("V2__add_column_accounts_nickname.sql:1:1: error")
        .contains("V2__add_column_accounts_nickname.sql, V2__add_column_accounts_nickname_and_1_more.sql")
        .contains("repair-migrations");
    assertThat(orchestrator.check(main).status()).isEqualTo(Status.FAILED);

    RepairOutcome dry = orchestrator.repairMigrations(main, true);
    assertThat(dry.failed()).isFalse();
    assertThat(dry.actions()).anyMatch(x -> x.startsWith("renumber "
        + "V2__add_column_accounts_nickname_and_1_more.sql to V3__add_column_accounts_nickname_and_1_more.sql"));
    assertThat(dry.actions()).anyMatch(x -> x.startsWith(
        "drop V2__add_column_accounts_nickname_and_1_more.sql:4 (ALTER TABLE \"accounts\" ADD \"nickname\""));
    assertThat(migrationNames(main)).contains("V2__add_column_accounts_nickname_and_1_more.sql");

    RepairOutcome repaired = orchestrator.repairMigrations(main, false);
    assertThat(repaired.failed()).as(repaired.diagnostics().format()).isFalse();
    assertThat(migrationNames(main)).containsExactly("V1__create_schema.sql",
        "V2__add_column_accounts_nickname.sql", "V3__add_column_accounts_nickname_and_1_more.sql");
    String v3 = Files.readString(main.migrationsDirectory()
        .resolve("V3__add_column_accounts_nickname_and_1_more.sql"));
    assertThat(v3).contains("\"right_col\"").doesNotContain("ADD \"nickname\"")
        .startsWith(MigrationFiles.GENERATED_MARK);

    DataSource db = PostgresServer.freshDatabase("merged");
    assertThat(flyway(db, main.migrationsDirectory()).migrate().migrationsExecuted).isEqualTo(3);
    assertThat(Catalog.columns(db)).containsKeys("accounts.nickname", "accounts.right_col");
    // The repaired history is complete: nothing more to generate, and check passes.
    assertThat(sql(generate(main))).isEmpty();
    assertThat(orchestrator.check(main).status()).isEqualTo(Status.CURRENT);
  }

  @Test
  @DisplayName("a state recording a file that is gone, and two user files with one version, stop the build")
  void otherDivergences() throws IOException {
    GenerationRequest request = Specs.project(TWO_TABLES, base);
    generate(request);
    Path dir = request.migrationsDirectory();
    Files.writeString(dir.resolve("V2__mine.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("V2.0__yours.sql"), "SELECT 1;\n");

    GenerationResult result = orchestrator.generate(request, false);
    assertThat(result.diagnostics().errors()).extracting(Diagnostic::format)
        .anyMatch(f -> f.contains("V2.0__yours.sql, V2__mine.sql"));
    assertThat(orchestrator.repairMigrations(request, false).failed()).isTrue();

    Files.delete(dir.resolve("V2.0__yours.sql"));
    Files.move(dir.resolve("V1__create_schema.sql"), dir.resolve("V1__renamed.sql"));
    GenerationResult gone = orchestrator.generate(request, false);
    assertThat(gone.diagnostics().errors()).extracting(d -> d.code().id())
        .contains("AS111", "AS120");
  }

  private Flyway flyway(DataSource db, Path dir) {
    return Flyway.configure().dataSource(db).locations("filesystem:" + dir)
        .cleanDisabled(true).load();
  }

  private GenerationRequest branch(GenerationRequest main, String name) throws IOException {
    GenerationRequest b = Specs.project(TWO_TABLES, base.resolve(name));
    Files.copy(main.specFile(), b.specFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    copyMigrations(main, b);
    return b;
  }

  private static void copyMigrations(GenerationRequest from, GenerationRequest to,
      String... only) throws IOException {
    Files.createDirectories(to.migrationsDirectory());
    try (Stream<Path> files = Files.list(from.migrationsDirectory())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (only.length == 0 || List.of(only).contains(name)) {
          Files.copy(f, to.migrationsDirectory().resolve(name),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static List<String> migrationNames(GenerationRequest r) throws IOException {
    try (Stream<Path> files = Files.list(r.migrationsDirectory())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .sorted().toList();
    }
  }

  private GenerationResult generated(GenerationRequest r) throws IOException {
    GenerationResult result = orchestrator.generate(r, true);
    assertThat(result.status()).as(result.diagnostics().format()).isEqualTo(Status.GENERATED);
    return result;
  }

  private List<Path> generate(GenerationRequest r) throws IOException {
    return generated(r).summary().written();
  }

  private static List<String> sql(List<Path> written) {
    return written.stream().map(p -> p.getFileName().toString())
        .filter(n -> n.endsWith(".sql")).toList();
  }

  private static List<Path> sql(List<Path> written, GenerationRequest r) {
    return written.stream().filter(p -> p.toString().endsWith(".sql")).toList();
  }

  private static void edit(GenerationRequest r, Consumer<ObjectNode> change) throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(Files.readAllBytes(r.specFile()));
    change.accept(spec);
    Files.write(r.specFile(), JSON.writeValueAsBytes(spec));
  }

  private static ObjectNode column(String name, String type) {
    return JSON.createObjectNode().put("name", name).put("type", type);
  }

  private static ArrayNode fields(ObjectNode s, String table) {
    for (JsonNode t : (ArrayNode) s.at("/diagram/database/tables")) {
      if (t.get("name").asText().equals(table)) {
        return (ArrayNode) t.get("fields");
      }
    }
    throw new AssertionError("no table " + table);
  }
}
