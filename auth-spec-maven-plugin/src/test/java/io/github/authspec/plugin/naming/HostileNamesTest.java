package io.github.authspec.plugin.naming;

import static io.github.authspec.plugin.testsupport.HostileNames.CLASS_NAMES;
import static io.github.authspec.plugin.testsupport.HostileNames.all;
import static io.github.authspec.plugin.testsupport.HostileNames.camel;
import static io.github.authspec.plugin.testsupport.HostileNames.id;
import static io.github.authspec.plugin.testsupport.HostileNames.kebab;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.SpecBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clash-prone name in every position a spec can put a name: the spec validates, so the
 * output must generate and compile with {@code -Xlint:all -Werror}. One spec per position holds
 * all hostile names at once (one compilation each), and the issue's cases are checked by name.
 */
class HostileNamesTest {
  static Stream<Arguments> positions() {
    return Stream.of(
        Arguments.of("column", (Spec) HostileNamesTest::columns),
        Arguments.of("table", (Spec) HostileNamesTest::tables),
        Arguments.of("placeholder", (Spec) HostileNamesTest::placeholders),
        Arguments.of("service id", (Spec) HostileNamesTest::serviceIds),
        Arguments.of("endpoint", (Spec) HostileNamesTest::endpoints),
        Arguments.of("feature id", (Spec) HostileNamesTest::featureIds),
        Arguments.of("local cache", (Spec) HostileNamesTest::localCaches));
  }

  @FunctionalInterface
  interface Spec {
    SpecBuilder build();
  }

  @ParameterizedTest(name = "every hostile name as a {0} generates code that compiles")
  @MethodSource("positions")
  void compiles(String position, Spec spec, @TempDir Path dir) {
    for (RedisClient client : List.of(RedisClient.LETTUCE)) {
      GenerationRequest request = spec.build().project(dir.resolve("project"))
          .withRedisClient(client);
      GeneratedSources.compile(plan(request), dir.resolve("out"));
    }
  }

  @Test
  @DisplayName("the issue's cases: renamed as reported, and the code compiles")
  void issueCases(@TempDir Path dir) {
    SpecBuilder spec = new SpecBuilder();
    SpecBuilder.Table prefs = spec.table("preferences").id("id");
    for (String c : List.of("wait", "notify", "hash_code", "builder")) {
      prefs.column(c, "BOOLEAN", Map.of("nullable", false));
    }
    spec.table("builder").id("id");
    spec.redisKey("doc:{spec}:{clone}", "String", 60);
    spec.service("http-json", "GET /http-json/things/{id}");
    Planned planned = planned(spec.project(dir.resolve("p")));

    assertThat(planned.diagnostics().errors()).isEmpty();
    assertThat(renames(planned.diagnostics())).contains(
        "column 'wait' of table 'preferences': Java name 'wait' is used by the generated code "
            + "itself; using 'wait_'",
        "column 'notify' of table 'preferences': Java name 'notify' is used by the generated "
            + "code itself; using 'notify_'",
        "column 'hash_code' of table 'preferences': Java name 'hashCode' is used by the "
            + "generated code itself; using 'hashCode_'",
        "column 'builder' of table 'preferences': Java name 'builder' is used by the generated "
            + "code itself; using 'builder_'",
        "entity name 'Builder' for table 'builder' is used by the generated code itself; "
            + "using 'BuilderEntity'",
        "placeholder {spec} of 'doc:{spec}:{clone}': Java name 'spec' is used by the generated "
            + "code itself; using 'spec_'",
        "placeholder {clone} of 'doc:{spec}:{clone}': Java name 'clone' is used by the "
            + "generated code itself; using 'clone_'",
        "external service 'http-json': Java name 'HttpJsonClient' is used by the generated "
            + "code itself; using 'HttpJsonClient_'");
    assertThat(paths(planned.files())).contains(
        "com/example/hostile/entity/BuilderEntity.java",
        "com/example/hostile/client/HttpJsonClient.java",
        "com/example/hostile/client/HttpJsonClient_.java",
        "com/example/hostile/client/HttpHttpJsonClient_.java");
    GeneratedSources.compile(planned.files(), dir.resolve("out"));
  }

  @Test
  @DisplayName("a name with no letter or digit is a located error, not a crash")
  void illegalNames(@TempDir Path dir) {
    SpecBuilder spec = new SpecBuilder();
    spec.table("flags").id("id").column("_", "BOOLEAN", Map.of("nullable", true))
        .column("__", "INT", Map.of("nullable", true));
    spec.table("_").id("id");
    Planned planned = planned(spec.project(dir.resolve("p")));

    assertThat(planned.failed()).isTrue();
    assertThat(planned.files()).isEmpty();
    List<Diagnostic> errors = planned.diagnostics().errors();
    assertThat(errors).extracting(d -> d.code().id()).containsOnly("AS103").hasSize(3);
    assertThat(errors).extracting(Diagnostic::pointer).containsExactly(
        "/diagram/database/tables/0/fields/1", "/diagram/database/tables/0/fields/2",
        "/diagram/database/tables/1");
    assertThat(errors).allSatisfy(d -> assertThat(d.position().line()).isPositive());
    assertThat(errors.get(0).message()).isEqualTo("column '_' of table 'flags' gives no legal "
        + "Java name ('_'): it has no letter or digit to build one from");
  }

  // ---- the specs, one per position

  private static SpecBuilder columns() {
    SpecBuilder spec = new SpecBuilder();
    SpecBuilder.Table t = null;
    int i = 0;
    for (String name : all()) {
      if (i % 30 == 0) {
        // Tables of a realistic width: javac is slow on very long expressions.
        t = spec.table("prefs" + i / 30).id("id");
      }
      // Every third column is unique, so it has a repository finder; every fifth a key.
      Map<String, Object> attributes = i % 3 == 0 ? Map.of("nullable", true, "unique", true)
          : Map.of("nullable", i % 2 == 0);
      t.column(name, i % 5 == 0 ? "BIGINT" : i % 2 == 0 ? "TEXT" : "INT", attributes);
      i++;
    }
    spec.table("refs").id("id").foreignKey("c", "BIGINT", "prefs0", "id")
        .foreignKey("connection", "BIGINT", "prefs0", "id")
        .foreignKey("find_by_c", "BIGINT", "prefs0", "id");
    return spec;
  }

  private static SpecBuilder tables() {
    SpecBuilder spec = new SpecBuilder();
    Set<String> names = new LinkedHashSet<>(all());
    // Plurals whose singular is a reserved class name.
    names.addAll(List.of("builders", "columns", "strings", "records", "jdbc_supports",
        "key_specs", "http_json_clients", "decisions", "challenges"));
    for (String name : names) {
      spec.table(name).id("id");
    }
    return spec;
  }

  private static SpecBuilder placeholders() {
    SpecBuilder spec = new SpecBuilder();
    spec.table("users").id("id");
    int i = 0;
    for (String name : all()) {
      spec.redisKey("k" + i++ + ":{" + name + "}", "String", 60);
      if (!camel(name).equals(name)) {
        spec.redisKey("k" + i++ + ":{" + camel(name) + "}:{" + name + "}", "Hash", null);
      }
    }
    spec.redisKey("dup:{a_b}:{aB}:{userId}", "String", 60);
    for (String name : CLASS_NAMES) {
      // Key class names: the pattern's literal words.
      spec.redisKey(name + ":{id}", "String", 60);
    }
    return spec;
  }

  private static SpecBuilder serviceIds() {
    SpecBuilder spec = new SpecBuilder();
    Set<String> ids = new LinkedHashSet<>();
    all().forEach(name -> ids.add(id(name)));
    CLASS_NAMES.forEach(name -> ids.add("http-" + id(name)));
    for (String id : ids) {
      spec.service(id, "GET /" + id + "/things/{id}", "POST /" + id + "/things");
    }
    return spec;
  }

  private static SpecBuilder endpoints() {
    SpecBuilder spec = new SpecBuilder();
    List<String> endpoints = new ArrayList<>();
    for (String name : all()) {
      endpoints.add("GET /svc/" + kebab(name) + "/{" + camel(name) + "}");
      endpoints.add("POST /svc/" + kebab(name) + "/{" + name + "}/{" + camel(name) + "}");
    }
    endpoints.add("PUT /svc/send/{request}/{http}/{responseType}");
    endpoints.add("GET /svc/send/{request}/{http}/{responseType}");
    spec.service("svc", endpoints.toArray(String[]::new));
    return spec;
  }

  private static SpecBuilder featureIds() {
    SpecBuilder spec = new SpecBuilder();
    Set<String> ids = new LinkedHashSet<>();
    all().forEach(name -> ids.add(id(name)));
    ids.addAll(List.of("a-b", "a_b", "a--b", "email-password-login"));
    int i = 0;
    for (String id : ids) {
      String group = List.of("authentication", "class", "var", "record", "hash-code").get(i++ % 5);
      spec.feature(group, id);
    }
    return spec;
  }

  private static SpecBuilder localCaches() {
    SpecBuilder spec = new SpecBuilder();
    Set<String> names = new LinkedHashSet<>();
    for (String name : all()) {
      names.add(Character.isLetter(name.charAt(0)) ? name : camel(name));
      names.add(camel(name));
    }
    int i = 0;
    for (String name : names) {
      if (i++ % 2 == 0) {
        spec.inMemoryCache(name, 60);
      } else {
        spec.caffeineCache(name, 100);
      }
    }
    return spec;
  }

  // ---- helpers

  private record Planned(List<GeneratedFile> files, Diagnostics diagnostics, boolean failed) {}

  private static Planned planned(GenerationRequest request) {
    try {
      GenerationOrchestrator.Planned p = new GenerationOrchestrator(Generators.all(),
          BuildLog.SILENT).plan(request, Files.readAllBytes(request.specFile()));
      return new Planned(p.files(), p.diagnostics(), p.failed());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<GeneratedFile> plan(GenerationRequest request) {
    Planned p = planned(request);
    assertThat(p.diagnostics().errors()).as(p.diagnostics().format()).isEmpty();
    assertThat(p.diagnostics().all()).extracting(d -> d.code().id())
        .doesNotContain("AS199");
    return p.files();
  }

  private static List<String> renames(Diagnostics diagnostics) {
    return diagnostics.all().stream().filter(d -> d.code().id().equals("AS100"))
        .map(Diagnostic::message).toList();
  }

  private static List<String> paths(List<GeneratedFile> files) {
    return files.stream().map(GeneratedFile::path).toList();
  }
}
