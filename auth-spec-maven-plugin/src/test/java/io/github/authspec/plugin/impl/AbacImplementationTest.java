package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.Conditions;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code abac} implementation: on the seed, which references the policy tables
 * without declaring them, AS116 names the table and columns to add; on the seed plus the
 * {@code policies} table (and the tag tables, for the rbac class's {@code decideOn}), the
 * classes are generated in this JVM's option cell, compiled and run against PostgreSQL.
 */
class AbacImplementationTest {
  private static final Map<String, String> OFFICE = Map.of("ip", "203.0.113.7");

  @Test
  @DisplayName("on the seed, abac is AS116 naming policies and each column to add; it keeps"
      + " its interface only")
  void seedNamesTheTable(@TempDir Path dir) {
    GenerationOrchestrator.Planned planned = Specs.planned(Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build());
    assertThat(planned.diagnostics().all()).filteredOn(d -> d.code() == Code.UNBOUND_ROLE
            && d.message().contains("'abac'")).extracting(d -> d.hint())
        .anyMatch(h -> h.contains("add a column effect") && h.contains("table policies"))
        .anyMatch(h -> h.contains("add a column priority"))
        .anyMatch(h -> h.contains("add a column resource"))
        .anyMatch(h -> h.contains("add a column action"));
    assertThat(planned.files()).extracting(GeneratedFile::path)
        .noneMatch(p -> p.endsWith("/DefaultAbacService.java"));
  }

  @Test
  @DisplayName("with the policies table: a higher priority wins, deny overrides allow at equal"
      + " priority, and a conditional allow applies only under conditions=CEL while it holds")
  void generatedPolicies() throws Exception {
    Run run = Run.get();
    assertThat(run.planned().diagnostics().all()).noneMatch(d -> d.code() == Code.UNBOUND_ROLE
        && Specs.seedGap(d));
    DataSource db = run.database("impl_abac");
    Object abac = run.create("DefaultAbacService", db);
    assertThat(decide(abac, "read", "document")).isEqualTo("allowed=false, reason=no policy"
        + " allows read on document");
    policy(db, "readers", "allow", 1, "document", "read", null);
    policy(db, "freeze", "deny", 0, "*", "*", null);
    assertThat(decide(abac, "read", "document")).startsWith("allowed=true, reason=allowed by"
        + " policy readers");
    policy(db, "lockdown", "deny", 1, "document", "*", null);
    assertThat(decide(abac, "read", "document")).contains("denied by policy lockdown");
    policy(db, "office", "allow", 2, "document", "read", "request.ip == '203.0.113.7'");
    boolean cel = Generated.CELL.conditions() == Conditions.CEL;
    assertThat(decide(abac, "read", "document")).startsWith("allowed=" + cel);
  }

  @Test
  @DisplayName("with the tag tables: the generated rbac class's decideOn (which Spring's"
      + " hasPermission(#id, type, action) asks) allows through a tag of the resource, where"
      + " decide without the resource denies")
  void decideOnThroughTags() throws Exception {
    Run run = Run.get();
    DataSource db = run.database("impl_tags");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    Object rbac = run.create("DefaultRbacService", db, clock);
    long alice = Generated.scalar(db, "INSERT INTO users (email) VALUES ('a@example.com')"
        + " RETURNING id");
    Generated.queryText(db, "INSERT INTO permissions (name, resource, action) VALUES"
        + " ('doc.read', 'document', 'read') RETURNING 'ok'");
    long role = Generated.scalar(db, "INSERT INTO roles (name) VALUES ('r') RETURNING id");
    long tag = Generated.scalar(db, "INSERT INTO tags (name) VALUES ('public') RETURNING id");
    Generated.queryText(db, "INSERT INTO resource_tags (resource_id, resource_type, tag_id)"
        + " VALUES ('doc-1', 'document', " + tag + ") RETURNING 'ok'");
    Generated.queryText(db, "INSERT INTO tag_permissions (tag_id, permission, role_id) VALUES ("
        + tag + ", 'doc.read', " + role + ") RETURNING 'ok'");
    Generated.call(rbac, "assignRole", alice, role, alice);
    assertThat(Generated.call(rbac, "decideOn", alice, "doc.read", "document", "doc-1")
        .toString()).startsWith("Decision[allowed=true, reason=tag " + tag);
    assertThat(Generated.call(rbac, "decideOn", alice, "doc.read", "document", "doc-2")
        .toString()).startsWith("Decision[allowed=false");
    assertThat(Generated.call(rbac, "isAllowed", alice, "doc.read", null)).isEqualTo(false);
  }

  /** The seed plus the tables it references, generated in this cell and compiled once. */
  private record Run(GenerationOrchestrator.Planned planned, ClassLoader loader) {
    private static Run run;

    static synchronized Run get() throws Exception {
      if (run == null) {
        Path dir = Files.createTempDirectory("impl-declared");
        GenerationOrchestrator.Planned planned = Specs.planned(Generated.CELL.apply(
            GenerationRequest.defaults(withDeclaredTables(dir), dir).toBuilder()
                .implementations(true).build()));
        assertThat(planned.failed()).as(planned.diagnostics().format()).isFalse();
        run = new Run(planned, GeneratedSources.compile(planned.files(),
            dir.resolve("classes")));
      }
      return run;
    }

    DataSource database(String name) {
      DataSource db = PostgresServer.freshDatabase(name);
      planned.files().stream().filter(f -> f.root() == OutputRoot.MIGRATIONS
          && f.path().endsWith(".sql")).forEach(f -> Catalog.applyGenerated(db, f.text()));
      return db;
    }

    Object create(String simpleName, Object... args) throws Exception {
      return Class.forName(Generated.PACKAGE + "." + Generated.className(planned.files(),
          simpleName), true, loader).getConstructors()[0].newInstance(args);
    }
  }

  private static String decide(Object abac, String action, String resource) {
    String d = Generated.call(abac, "evaluate", 7L, action, resource, OFFICE).toString();
    return d.substring(d.indexOf('[') + 1, d.length() - 1);
  }

  private static void policy(DataSource db, String name, String effect, int priority,
      String resource, String action, String condition) {
    Generated.queryText(db, "INSERT INTO policies (name, effect, priority, resource, action,"
        + " condition_expression) VALUES ('" + name + "', '" + effect + "', " + priority + ", '"
        + resource + "', '" + action + "', " + (condition == null ? "NULL"
        : "'" + condition.replace("'", "''") + "'") + ") RETURNING 'ok'");
  }

  /**
   * The seed spec plus the tables it references without declaring: {@code policies} (abac)
   * and the three tag tables.
   */
  static Path withDeclaredTables(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(Specs.bytes(Specs.FULL));
    ArrayNode tables = (ArrayNode) root.path("diagram").path("database").path("tables");
    table(tables, "policies", "name VARCHAR", "effect VARCHAR", "priority INT",
        "resource VARCHAR", "action VARCHAR", "condition_expression TEXT", "active BOOLEAN");
    table(tables, "tags", "name VARCHAR", "category VARCHAR", "description TEXT");
    table(tables, "resource_tags", "resource_id VARCHAR", "resource_type VARCHAR",
        "tag_id BIGINT");
    table(tables, "tag_permissions", "tag_id BIGINT", "permission VARCHAR", "role_id BIGINT");
    Path spec = dir.resolve("declared.json");
    Files.write(spec, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    return spec;
  }

  /** A table with a BIGINT id and nullable columns given as {@code name TYPE}. */
  private static void table(ArrayNode tables, String name, String... columns) {
    ArrayNode fields = tables.addObject().put("name", name).putArray("fields");
    fields.addObject().put("name", "id").put("type", "BIGINT").put("primaryKey", true)
        .put("autoIncrement", true);
    for (String c : columns) {
      String[] parts = c.split(" ");
      ObjectNode f = fields.addObject().put("name", parts[0]).put("type", parts[1])
          .put("nullable", true);
      if (parts[1].equals("VARCHAR")) {
        f.put("size", 100);
      }
    }
  }
}
