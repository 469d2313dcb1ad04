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
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code abac} implementation: on the seed, which references the policy tables
 * without declaring them, AS116 names the table and columns to add; on the seed plus the
 * {@code policies} table, the class is generated in this JVM's option cell, compiled and run
 * against PostgreSQL.
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
  void generatedPolicies(@TempDir Path dir) throws Exception {
    GenerationRequest request = Generated.CELL.apply(GenerationRequest.defaults(
        withPolicies(dir), dir).toBuilder().implementations(true).build());
    GenerationOrchestrator.Planned planned = Specs.planned(request);
    assertThat(planned.failed()).as(planned.diagnostics().format()).isFalse();
    assertThat(planned.diagnostics().all()).noneMatch(d -> d.code() == Code.UNBOUND_ROLE
        && d.message().contains("'abac'"));
    ClassLoader loader = GeneratedSources.compile(planned.files(), dir.resolve("classes"));
    DataSource db = PostgresServer.freshDatabase("impl_abac");
    planned.files().stream().filter(f -> f.root() == OutputRoot.MIGRATIONS
        && f.path().endsWith(".sql")).forEach(f -> Catalog.applyGenerated(db, f.text()));
    Object abac = Class.forName(Generated.PACKAGE + "." + Generated.className(planned.files(),
        "DefaultAbacService"), true, loader).getConstructors()[0].newInstance(db);

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
    assertThat(planned.files()).extracting(GeneratedFile::path)
        .anyMatch(p -> p.endsWith("/AccessPolicies.java"));
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

  /** The seed spec plus the policies table abac binds. */
  static Path withPolicies(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(Specs.bytes(Specs.FULL));
    ObjectNode table = ((ArrayNode) root.path("diagram").path("database").path("tables"))
        .addObject().put("name", "policies");
    ArrayNode fields = table.putArray("fields");
    fields.addObject().put("name", "id").put("type", "BIGINT").put("primaryKey", true)
        .put("autoIncrement", true);
    fields.addObject().put("name", "name").put("type", "VARCHAR").put("size", 100)
        .put("nullable", false);
    fields.addObject().put("name", "effect").put("type", "VARCHAR").put("size", 10)
        .put("nullable", false);
    fields.addObject().put("name", "priority").put("type", "INT").put("nullable", false)
        .put("default", 0);
    fields.addObject().put("name", "resource").put("type", "VARCHAR").put("size", 100)
        .put("nullable", false);
    fields.addObject().put("name", "action").put("type", "VARCHAR").put("size", 50)
        .put("nullable", false);
    fields.addObject().put("name", "condition_expression").put("type", "TEXT")
        .put("nullable", true);
    fields.addObject().put("name", "active").put("type", "BOOLEAN").put("nullable", false)
        .put("default", true);
    Path spec = dir.resolve("with-policies.json");
    Files.write(spec, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    return spec;
  }
}
