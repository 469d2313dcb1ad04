package io.github.authspec.plugin.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.LoadResult;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  @DisplayName("constraint names past 63 bytes are cut deterministically and stay distinct")
  void longSqlNames() {
    String a = Naming.sqlName("fk", "a_very_long_table_name_that_goes_on_and_on",
        "and_a_column_name_that_is_long_too_1");
    String b = Naming.sqlName("fk", "a_very_long_table_name_that_goes_on_and_on",
        "and_a_column_name_that_is_long_too_2");

    assertThat(a.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
    assertThat(a).isNotEqualTo(b).startsWith("fk_a_very_long_table_name");
    assertThat(Naming.sqlName("fk", "a_very_long_table_name_that_goes_on_and_on",
        "and_a_column_name_that_is_long_too_1")).isEqualTo(a);
    assertThat(Naming.sqlName("pk", "users")).isEqualTo("pk_users");
  }

  @Test
  @DisplayName("a table whose singular would shadow java.lang gets a suffix, and the clash is reported")
  void javaLangClash() {
    Reporter reporter = new Reporter("spec.json");
    Naming naming = naming("""
        {"name": "processes", "fields": [{"name": "id", "type": "BIGINT", "primaryKey": true}]},
        {"name": "records", "fields": [{"name": "id", "type": "BIGINT", "primaryKey": true}]}
        """, Map.of(), reporter);

    assertThat(naming.entityName(table("processes"))).isEqualTo("ProcessEntity");
    assertThat(naming.entityName(table("records"))).isEqualTo("RecordEntity");
    assertThat(reporter.diagnostics().all()).extracting(d -> d.code().id())
        .containsOnly("AS100");
  }

  @Test
  @DisplayName("two tables with one singular: the second keeps its plural name, reported")
  void tableClash() {
    Reporter reporter = new Reporter("spec.json");
    Naming naming = naming("""
        {"name": "user_role", "fields": [{"name": "id", "type": "BIGINT", "primaryKey": true}]},
        {"name": "user_roles", "fields": [{"name": "id", "type": "BIGINT", "primaryKey": true}]}
        """, Map.of(), reporter);

    assertThat(naming.entityName(table("user_role"))).isEqualTo("UserRole");
    assertThat(naming.entityName(table("user_roles"))).isEqualTo("UserRoles");
    assertThat(naming.repositoryName(table("user_roles"))).isEqualTo("UserRolesRepository");
    assertThat(reporter.diagnostics().warnings()).hasSize(1);
  }

  @Test
  @DisplayName("an entity name set in the configuration wins")
  void override() {
    Reporter reporter = new Reporter("spec.json");
    Naming naming = naming("""
        {"name": "users", "fields": [{"name": "id", "type": "BIGINT", "primaryKey": true}]}
        """, Map.of("users", "Account"), reporter);

    assertThat(naming.entityName(table("users"))).isEqualTo("Account");
    assertThat(reporter.hasErrors()).isFalse();
  }

  @Test
  @DisplayName("key class names come from the pattern's literal words")
  void keyClassNames() {
    Spec spec = load(FULL);
    Naming naming = new Naming(spec, request(Map.of()), new Reporter("x"));

    assertThat(naming.keyClassName(spec.cache().redisKey("acl:{userId}:{resource}").get()))
        .isEqualTo("AclKey");
    assertThat(naming.keyClassName(spec.cache().redisKey("rate_limit:user:{userId}").get()))
        .isEqualTo("RateLimitUserKey");
    assertThat(naming.keyClassName(spec.cache().redisKey("feature:{key}:tenant:{tenantId}")
        .get())).isEqualTo("FeatureTenantKey");
  }

  @Test
  @DisplayName("two key patterns with the same literal words: the second is named by its placeholders, reported")
  void keyClassClash() {
    LoadResult r = SpecLoader.load("spec.json", """
        {"leftPanel": {"project": {"package": "com.example"}},
         "diagram": {"cache": {"keys": {"redis": [
           {"pattern": "session:{userId}", "ttl": 60},
           {"pattern": "session:{tenantId}", "ttl": 60}]}}}}
        """);
    Spec keys = r.spec().orElseThrow(() -> new AssertionError(r.diagnostics().format()));
    Reporter reporter = new Reporter("spec.json");
    Naming naming = new Naming(keys, request(Map.of()), reporter);

    assertThat(naming.keyClassName(keys.cache().redisKey("session:{userId}").get()))
        .isEqualTo("SessionKey");
    assertThat(naming.keyClassName(keys.cache().redisKey("session:{tenantId}").get()))
        .isEqualTo("SessionByTenantIdKey");
    assertThat(reporter.diagnostics().all()).extracting(d -> d.code().id())
        .containsExactly("AS100");
  }

  private static final String FULL = "/specs/auth-service-full.json";
  private Spec spec;

  private Naming naming(String tables, Map<String, String> overrides, Reporter reporter) {
    String json = """
        {"leftPanel": {"project": {"package": "com.example"}},
         "diagram": {"database": {"tables": [%s]}}}
        """.formatted(tables);
    LoadResult r = SpecLoader.load("spec.json", json);
    assertThat(r.diagnostics().errors()).isEmpty();
    spec = r.spec().orElseThrow();
    return new Naming(spec, request(overrides), reporter);
  }

  private Table table(String name) {
    return spec.database().table(name).orElseThrow();
  }

  private static GenerationRequest request(Map<String, String> overrides) {
    return GenerationRequest.defaults(Path.of("spec.json"), Path.of("base")).toBuilder()
        .entityNames(overrides).build();
  }

  private static Spec load(String resource) {
    try (var in = NamingTest.class.getResourceAsStream(resource)) {
      return SpecLoader.load("spec.json", in.readAllBytes()).spec().orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
