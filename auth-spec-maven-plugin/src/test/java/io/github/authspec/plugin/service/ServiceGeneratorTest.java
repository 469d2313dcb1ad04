package io.github.authspec.plugin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.Feature;
import io.github.authspec.model.LoadResult;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.service.FeatureCatalog.Entry;
import io.github.authspec.plugin.service.FeatureCatalog.Operation;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The service layer of the full spec, checked against the catalog and the spec's links. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceGeneratorTest {
  private final FeatureCatalog catalog = FeatureCatalog.load();
  private Spec spec;
  private Naming naming;
  private ClassLoader loader;
  private Map<String, String> sources;

  @BeforeAll
  void compile(@TempDir Path dir) {
    GenerationRequest request = Specs.project(Specs.FULL, dir.resolve("full"));
    List<GeneratedFile> files = Specs.plan(request);
    sources = files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::text));
    loader = GeneratedSources.compile(files, dir.resolve("build"));
    spec = Specs.load(Specs.FULL);
    naming = new Naming(spec, request, new Reporter("x"));
  }

  @Test
  @DisplayName("the catalog knows every feature id of the full spec, selected or in the diagram")
  void catalogCoversTheFullSpec() {
    Set<String> ids = spec.allFeatures().stream().map(Feature::id).collect(Collectors.toSet());
    ids.addAll(spec.selectedFeatures());
    // 90 in the diagram and 3 selected without a place in it.
    assertThat(ids).hasSize(93).allSatisfy(id -> assertThat(catalog.entry(id)).as(id)
        .isPresent());
  }

  @Test
  @DisplayName("every catalog entry is well formed: operations with known types, rules, real endpoints")
  void catalogWellFormed() {
    ServiceTypes types = new ServiceTypes(spec, naming);
    for (Entry e : catalog.entries()) {
      assertThat(e.operations()).as(e.id()).isNotEmpty();
      assertThat(e.rules()).as(e.id()).isNotEmpty();
      for (Operation op : e.operations()) {
        types.type(op.returns());
        op.params().forEach(p -> types.type(p.type()));
        assertThat(op.doc()).as(e.id() + "." + op.name()).endsWith(".");
      }
      e.uses().forEach(u -> assertThat(spec.externalServices().stream()
          .filter(s -> s.id().equals(u.service()))
          .flatMap(s -> s.endpoints().stream())
          .anyMatch(x -> x.path().orElse("").equals(u.path()))).as(e.id() + " uses " + u)
          .isTrue());
    }
  }

  @Test
  @DisplayName("every selected feature has its interface with the catalog's operations and its links")
  void everySelectedFeatureHasItsInterface() throws Exception {
    assertThat(spec.selected()).hasSize(92);
    for (Feature f : spec.selected()) {
      Entry entry = catalog.entry(f.id()).orElseThrow();
      String group = f.group().isEmpty() ? entry.group() : f.group();
      String fqcn = naming.servicePackage(group) + "." + naming.serviceName(f);
      Class<?> type = loader.loadClass(fqcn);
      assertThat(type.isInterface()).isTrue();
      for (Operation op : entry.operations()) {
        assertThat(Arrays.stream(type.getDeclaredMethods())
            .filter(m -> m.getName().equals(op.name()))
            .map(Method::getParameterCount)).as(fqcn + "." + op.name())
            .containsExactly(op.params().size());
      }
      String source = sources.get(fqcn.replace('.', '/') + ".java");
      // Javadoc is re-flowed at 100 columns: compare its prose with the line breaks joined.
      String prose = source.replaceAll("\\s*\n\\s*\\*\\s+", " ");
      assertThat(prose).contains(entry.rules().get(0).substring(0, 20).replace("<", "&lt;")
          .replace(">", "&gt;"));
      for (Table t : f.usedColumns().keySet()) {
        assertThat(source).as(fqcn + " links " + t.name())
            .contains("{@link " + naming.entityName(t) + "}");
      }
      for (RedisKey k : f.usedKeys()) {
        assertThat(source).as(fqcn + " links " + k.pattern())
            .contains("{@link " + naming.keyClassName(k) + "}");
      }
      f.missing().forEach(m -> assertThat(prose).contains(m));
    }
  }

  @Test
  @DisplayName("children extend their selected parent; notification endpoints are linked")
  void childrenAndEndpoints() throws Exception {
    Class<?> rotation = loader.loadClass(naming.servicePackage("token-system")
        + ".TokenRotationService");
    assertThat(rotation.getInterfaces()).extracting(Class::getSimpleName)
        .containsExactly("JwtTokensService");
    Class<?> hierarchical = loader.loadClass(naming.servicePackage("authorization")
        + ".HierarchicalRolesService");
    assertThat(hierarchical.getInterfaces()).extracting(Class::getSimpleName)
        .containsExactly("RbacService");
    String magic = sources.get(naming.servicePackage("authentication").replace('.', '/')
        + "/MagicLinksService.java");
    assertThat(magic).contains("{@link NotificationsClient#sendMagicLink}");
    assertThat(sources.get(naming.servicePackage("mfa").replace('.', '/')
        + "/SmsCodesService.java")).contains("does not place this feature");
  }

  @Test
  @DisplayName("an id the catalog does not know gets an interface documenting its tables, and a warning")
  void unknownFeature(@TempDir Path dir) throws Exception {
    String json = new String(Specs.bytes("minimal-valid.json"), StandardCharsets.UTF_8)
        .replace("\"rate-limiting\",", "\"rate-limiting\", \"quantum-login\",")
        .replace("\"authentication\": {", "\"authentication\": { \"quantum-login\": "
            + "{ \"usedColumns\": { \"users\": [\"email\"] } },");
    Path specFile = dir.resolve("auth-spec.json");
    Files.writeString(specFile, json);
    GenerationRequest request = GenerationRequest.defaults(specFile, dir);
    GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
        BuildLog.SILENT).plan(request, Files.readAllBytes(specFile));

    assertThat(planned.diagnostics().warnings()).extracting(d -> d.code().id())
        .contains("AS113");
    String source = planned.files().stream()
        .filter(f -> f.path().endsWith("QuantumLoginService.java")).findFirst().orElseThrow()
        .text();
    assertThat(source).contains("{@link User} (table {@code users}): {@code email}")
        .contains("does not know");
    GeneratedSources.compile(planned.files(), dir.resolve("build"));
    LoadResult check = SpecLoader.load("x.json", json);
    assertThat(check.spec()).isPresent();
  }

}
