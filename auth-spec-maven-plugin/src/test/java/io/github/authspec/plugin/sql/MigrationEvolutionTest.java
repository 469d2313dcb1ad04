package io.github.authspec.plugin.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec edited step by step, as a team would: each step must yield exactly one new migration,
 * and V1..Vn applied in order must build the same catalog as V1 of the final spec.
 */
class MigrationEvolutionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path project;
  @TempDir Path fresh;
  private GenerationRequest request;
  private ObjectNode spec;
  private final GenerationOrchestrator orchestrator =
      new GenerationOrchestrator(Generators.all(), BuildLog.SILENT);

  @BeforeEach
  void setUp() throws IOException {
    request = Specs.project(Specs.FULL, project);
    spec = (ObjectNode) JSON.readTree(Files.readAllBytes(request.specFile()));
  }

  @Test
  @DisplayName("each edit yields one new migration, and the sequence equals a fresh V1 of the final spec")
  void evolutionMatchesFreshSchema() throws IOException {
    DataSource evolved = PostgresServer.freshDatabase("evolved");
    apply(evolved, generate(request), "V1__create_schema.sql");

    edit(s -> table(s, "audit_trail_exports", column("id", "BIGINT").put("primaryKey", true)
        .put("autoIncrement", true), column("user_id", "BIGINT").set("foreignKey",
            JSON.createObjectNode().put("table", "users").put("column", "id")),
        column("requested_at", "TIMESTAMP").put("nullable", false)
            .put("default", "CURRENT_TIMESTAMP")));
    apply(evolved, generate(request), "V2__add_table_audit_trail_exports.sql");

    edit(s -> {
      fields(s, "user_profiles").add(column("nickname", "VARCHAR").put("size", 40));
      fields(s, "user_profiles").add(column("karma", "INT").put("nullable", false)
          .put("default", 0));
    });
    apply(evolved, generate(request), "V3__add_column_user_profiles_nickname_and_1_more.sql");

    edit(s -> field(s, "users", "hash_algorithm").put("default", "argon2id"));
    apply(evolved, generate(request), "V4__change_column_users_hash_algorithm.sql");

    edit(s -> field(s, "user_profiles", "gender").put("size", 40));
    apply(evolved, generate(request), "V5__change_column_user_profiles_gender.sql");

    edit(s -> {
      field(s, "audit_logs", "ip_address").set("index",
          JSON.createObjectNode().put("type", "BTREE"));
      fields(s, "audit_trail_exports").add(column("reviewed_by", "BIGINT").set("foreignKey",
          JSON.createObjectNode().put("table", "users").put("column", "id")
              .put("onDelete", "SET NULL")));
    });
    apply(evolved, generate(request), "V6__change_column_audit_logs_ip_address_and_1_more.sql");

    edit(s -> removeField(s, "user_profiles", "bio"));
    GenerationResult refused = orchestrator.generate(request, true);
    assertThat(refused.status()).isEqualTo(Status.FAILED);
    assertThat(refused.diagnostics().errors()).extracting(d -> d.code().id())
        .containsExactly("AS110");
    assertThat(refused.diagnostics().errors().get(0).message())
        .contains("drops column user_profiles.bio");
    request = request.toBuilder().allowDestructiveMigrations(true).build();
    apply(evolved, generate(request), "V7__drop_column_user_profiles_bio.sql");

    // Unchanged spec: no new version, even without the inputs recorded by the last run.
    Files.delete(request.stateDirectory().resolve("inputs.snapshot"));
    assertThat(generate(request)).isEmpty();

    DataSource direct = PostgresServer.freshDatabase("direct");
    GenerationRequest finalSpec = GenerationRequest.defaults(fresh.resolve("auth-spec.json"),
        fresh);
    Files.write(finalSpec.specFile(), JSON.writeValueAsBytes(spec));
    apply(direct, generate(finalSpec), "V1__create_schema.sql");

    assertThat(Catalog.columns(evolved)).isEqualTo(Catalog.columns(direct));
    assertThat(Catalog.constraints(evolved)).isEqualTo(Catalog.constraints(direct));
    assertThat(Catalog.indexes(evolved)).isEqualTo(Catalog.indexes(direct));
  }

  @Test
  @DisplayName("a declared rename renames instead of dropping and adding")
  void rename() throws IOException {
    DataSource db = PostgresServer.freshDatabase("renamed");
    apply(db, generate(request), "V1__create_schema.sql");
    edit(s -> field(s, "user_profiles", "website").put("name", "homepage"));
    request = request.toBuilder().renames(List.of("user_profiles.website=homepage"))
        .build();

    List<Path> written = generate(request);

    assertThat(written).hasSize(1);
    assertThat(Files.readString(written.get(0)))
        .contains("RENAME COLUMN \"website\" TO \"homepage\"").doesNotContain("DROP");
    apply(db, written, written.get(0).getFileName().toString());
    assertThat(Catalog.columns(db)).containsKey("user_profiles.homepage")
        .doesNotContainKey("user_profiles.website");
  }

  @Test
  @DisplayName("a migration edited or deleted by hand stops the build")
  void appliedMigrationsAreImmutable() throws IOException {
    Path v1 = generate(request).get(0);
    Files.writeString(v1, Files.readString(v1) + "\n-- my tweak\n");
    edit(s -> fields(s, "user_profiles").add(column("nickname", "VARCHAR").put("size", 40)));

    GenerationResult edited = orchestrator.generate(request, true);
    assertThat(edited.diagnostics().errors()).extracting(d -> d.code().id())
        .containsExactly("AS111");

    Files.delete(v1);
    GenerationResult deleted = orchestrator.generate(request, true);
    assertThat(deleted.diagnostics().errors()).extracting(d -> d.message())
        .containsExactly("migration V1__create_schema.sql was deleted");
  }

  @Test
  @DisplayName("databaseEnabled false produces no SQL")
  void databaseDisabled() throws IOException {
    edit(s -> ((ObjectNode) s.at("/leftPanel/infrastructure")).put("databaseEnabled", false));

    assertThat(generate(request)).noneMatch(p -> p.toString().endsWith(".sql"));
  }

  /** Runs the generator; returns the new .sql files written. */
  private List<Path> generate(GenerationRequest r) throws IOException {
    GenerationResult result = orchestrator.generate(r, true);
    assertThat(result.status()).as(result.diagnostics().format()).isEqualTo(Status.GENERATED);
    return result.summary().written().stream().filter(p -> p.toString().endsWith(".sql"))
        .toList();
  }

  private static void apply(DataSource db, List<Path> written, String expectedName)
      throws IOException {
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly(expectedName);
    Catalog.applyGenerated(db, Files.readString(written.get(0)));
  }

  private void edit(Consumer<ObjectNode> change) throws IOException {
    change.accept(spec);
    Files.write(request.specFile(), JSON.writeValueAsBytes(spec));
  }

  private static ObjectNode column(String name, String type) {
    return JSON.createObjectNode().put("name", name).put("type", type);
  }

  private static void table(ObjectNode s, String name, ObjectNode... columns) {
    ArrayNode fields = JSON.createArrayNode();
    Stream.of(columns).forEach(fields::add);
    tables(s).addObject().put("name", name).set("fields", fields);
  }

  private static ArrayNode tables(ObjectNode s) {
    return (ArrayNode) s.at("/diagram/database/tables");
  }

  private static ArrayNode fields(ObjectNode s, String table) {
    for (JsonNode t : tables(s)) {
      if (t.get("name").asText().equals(table)) {
        return (ArrayNode) t.get("fields");
      }
    }
    throw new AssertionError("no table " + table);
  }

  private static ObjectNode field(ObjectNode s, String table, String column) {
    for (JsonNode f : fields(s, table)) {
      if (f.get("name").asText().equals(column)) {
        return (ObjectNode) f;
      }
    }
    throw new AssertionError("no column " + table + "." + column);
  }

  private static void removeField(ObjectNode s, String table, String column) {
    ArrayNode fields = fields(s, table);
    List<Integer> drop = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals(column)) {
        drop.add(i);
      }
    }
    drop.forEach(fields::remove);
  }
}
