package io.github.authspec.model;

import static io.github.authspec.model.diagnostics.Code.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema (schema/auth-spec.schema.json) says what the reader says about the
 * structure: every spec the reader accepts without a structural diagnostic is valid under the
 * schema, and each structural problem the reader reports (wrong JSON type, missing required
 * property, unknown property, unknown enum value) is a schema error at the same JSON pointer.
 * Semantic rules (sizes, references, names) are the plugin's alone.
 */
class SchemaInStepTest {
  static final Path SCHEMA = Path.of("..", "schema", "auth-spec.schema.json");

  /** The reader's diagnostics about structure, which the schema must express too. */
  private static final Set<Code> STRUCTURAL = Set.of(ROOT_NOT_OBJECT, WRONG_TYPE,
      UNKNOWN_PROPERTY, MISSING_PROPERTY, UNSUPPORTED_ARCHITECTURE, UNSUPPORTED_INFRASTRUCTURE,
      UNSUPPORTED_SERVICE_TYPE, UNKNOWN_SQL_TYPE, FK_INVALID_ACTION, UNKNOWN_REDIS_TYPE,
      UNKNOWN_CACHE_OPTION_VALUE, INVALID_CACHE_SETTINGS);

  private static final Schema SCHEMA_VALIDATOR = load();

  private static Schema load() {
    try {
      SchemaRegistryConfig config = SchemaRegistryConfig.builder()
          .pathType(PathType.JSON_POINTER).build();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaRegistryConfig(config)).getSchema(Files.readString(SCHEMA));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Error> schemaErrors(String text) {
    return SCHEMA_VALIDATOR.validate(text, InputFormat.JSON);
  }

  /**
   * A schema error's place as a JSON pointer ({@code ""} for the root). An unknown property is
   * reported at its object with the property's name; the reader points at the property itself.
   */
  private static String pointer(Error e) {
    String p = e.getInstanceLocation().toString();
    p = p.equals("/") ? "" : p;
    return "additionalProperties".equals(e.getKeyword()) && e.getProperty() != null
        ? p + "/" + e.getProperty().replace("~", "~0").replace("/", "~1") : p;
  }

  /** The schema error is where the diagnostic is, or inside it (a missing name of wrong type). */
  private static boolean at(Error e, Diagnostic d) {
    String p = pointer(e);
    return p.equals(d.pointer()) || p.startsWith(d.pointer() + "/");
  }

  private static List<Diagnostic> structural(LoadResult result) {
    return result.diagnostics().all().stream().filter(d -> STRUCTURAL.contains(d.code())
        // an index type is an enum; "unique" on a HASH index is a semantic rule
        || d.code() == INVALID_INDEX && d.pointer().endsWith("/type")
        // a missing name or id is reported at its array element: a required property
        || d.code() == INVALID_NAME && d.pointer().matches(".*/[0-9]+")).toList();
  }

  /** Every spec in the repository: the seed exports, test specs, IT and example projects. */
  static Stream<Path> repositorySpecs() throws IOException {
    Path root = Path.of("..");
    List<Path> roots = List.of(root.resolve("specs"),
        root.resolve("auth-spec-model/src/test/resources"),
        root.resolve("auth-spec-maven-plugin/src/test/resources"), root.resolve("it/src/it"),
        root.resolve("examples"));
    return roots.stream().filter(Files::isDirectory).flatMap(r -> {
      try {
        return Files.walk(r).filter(p -> p.toString().endsWith(".json"))
            .filter(p -> !p.toString().contains("/target/"))
            .filter(p -> !p.getFileName().toString().equals("auth-spec-migrations.json"))
            .sorted().toList().stream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositorySpecs")
  @DisplayName("every spec of the repository: schema errors exactly where the reader reports structural problems")
  void repositorySpecAgrees(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
    LoadResult result = SpecLoader.load(file.getFileName().toString(), text);
    List<Diagnostic> structural = structural(result);
    List<Error> errors = schemaErrors(text);

    if (structural.isEmpty()) {
      assertThat(errors).as("schema errors in %s", file).isEmpty();
    }
    for (Diagnostic d : structural) {
      assertThat(errors).as("%s: schema error at %s", d.format(), d.pointer())
          .anyMatch(e -> at(e, d));
    }
  }

  @Test
  @DisplayName("the seed specs are in the list, and the full one is schema-valid")
  void seedSpecsAreCovered() throws IOException {
    assertThat(repositorySpecs().map(p -> p.getFileName().toString()))
        .contains("auth-service-full.json", "minimal-field-reference.json");
    assertThat(schemaErrors(Files.readString(
        Path.of("../specs/auth-service-full.json")))).isEmpty();
    assertThat(schemaErrors(BaseSpec.TEXT)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.authspec.model.InvalidSpecTest#cases")
  @DisplayName("each structural case of the reader's table is a schema error at its pointer")
  void invalidCaseAgrees(InvalidSpecTest.Case c) {
    LoadResult result = SpecLoader.load("auth-spec.json", c.text());
    if (c.code() == JSON_SYNTAX || c.code() == EMPTY_FILE) {
      return; // not JSON: no schema applies
    }
    List<Error> errors = schemaErrors(c.text());
    for (Diagnostic d : structural(result)) {
      assertThat(errors).as("%s: schema error at %s among %s", d.format(), d.pointer(), errors)
          .anyMatch(e -> at(e, d));
    }
    if (structural(result).isEmpty() && result.diagnostics().all().stream()
        .allMatch(d -> d.code() == c.code())) {
      // Only a semantic problem: the schema has no say, and must not invent one.
      assertThat(errors).as("schema errors for a semantic case").isEmpty();
    }
  }

  /** Spellings the reader accepts for enum values; the schema must accept them too. */
  static Stream<String[]> acceptedSpellings() {
    return Stream.of(
        new String[] {"\"type\": \"BIGINT\", \"primaryKey\"", "\"type\": \" bigint \", \"primaryKey\""},
        new String[] {"\"type\": \"BIGINT\", \"primaryKey\"", "\"type\": \"BigInt\", \"primaryKey\""},
        new String[] {"\"onDelete\": \"CASCADE\"", "\"onDelete\": \"set_null\""},
        new String[] {"\"onDelete\": \"CASCADE\"", "\"onDelete\": \"No-Action\""},
        new String[] {"\"type\": \"Hash\"", "\"type\": \"hash\""},
        new String[] {"\"type\": \"Hash\"", "\"type\": \"sorted-set\""},
        new String[] {"\"type\": \"Hash\"", "\"type\": \"ZSET\""},
        new String[] {"\"ttl\": 3600,", "\"ttl\": 3600, \"expireStrategy\": \"on_write\","},
        new String[] {"\"ttl\": 3600,", "\"ttl\": 3600, \"expireStrategy\": \"Sliding\","},
        new String[] {"\"serialization\": \"json\"", "\"serialization\": \"JSON\""},
        new String[] {"\"compression\": \"none\"", "\"compression\": \"GZip\""},
        new String[] {"\"autoIncrement\": true }", "\"autoIncrement\": true, \"index\": { \"type\": \"brin\" } }"});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("acceptedSpellings")
  @DisplayName("a spelling the reader accepts (case, '_', '-', spaces) is schema-valid too")
  void acceptedSpellingsAgree(String find, String replace) {
    assertThat(BaseSpec.TEXT).contains(find);
    String text = BaseSpec.TEXT.replaceFirst(java.util.regex.Pattern.quote(find),
        java.util.regex.Matcher.quoteReplacement(replace));
    assertThat(structural(SpecLoader.load("auth-spec.json", text))).isEmpty();
    assertThat(schemaErrors(text)).isEmpty();
  }

  /** Enum values the reader refuses; each a schema error at the same pointer. */
  static Stream<String[]> refusedValues() {
    return Stream.of(
        new String[] {"\"type\": \"BIGINT\", \"primaryKey\"", "\"type\": \"LONG\", \"primaryKey\""},
        new String[] {"\"onDelete\": \"CASCADE\"", "\"onDelete\": \"DROP\""},
        new String[] {"\"type\": \"Hash\"", "\"type\": \"Stream\""},
        new String[] {"\"ttl\": 3600,", "\"ttl\": 3600, \"expireStrategy\": \"lazy\","},
        new String[] {"\"serialization\": \"json\"", "\"serialization\": \"xml\""},
        new String[] {"\"compression\": \"none\"", "\"compression\": \"zstd\""},
        new String[] {"\"autoIncrement\": true }", "\"autoIncrement\": true, \"index\": { \"type\": \"BTREEE\" } }"},
        new String[] {"\"ttl\": 3600,", "\"ttl\": \"1h\","},
        new String[] {"\"serviceType\": \"auth\"", "\"serviceType\": \"billing\""},
        new String[] {"\"model\": \"synchronous\"", "\"model\": \"reactive\""},
        new String[] {"\"database\": \"postgresql\"", "\"database\": \"mysql\""},
        new String[] {"\"package\": \"com.example.demo\"", "\"packageName\": \"com.example.demo\""});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refusedValues")
  @DisplayName("a value the reader refuses is a schema error at the reader's pointer")
  void refusedValuesAgree(String find, String replace) {
    assertThat(BaseSpec.TEXT).contains(find);
    String text = BaseSpec.TEXT.replaceFirst(java.util.regex.Pattern.quote(find),
        java.util.regex.Matcher.quoteReplacement(replace));
    List<Diagnostic> structural = structural(SpecLoader.load("auth-spec.json", text));
    assertThat(structural).as("the reader refuses it").isNotEmpty();
    List<Error> errors = schemaErrors(text);
    for (Diagnostic d : structural) {
      assertThat(errors).as("%s among %s", d.format(), errors)
          .anyMatch(e -> at(e, d));
    }
  }
}
