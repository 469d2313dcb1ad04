package io.github.authspec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.KeyPattern.Literal;
import io.github.authspec.model.KeyPattern.Placeholder;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Position;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.diagnostics.Severity;
import io.github.authspec.model.json.JsonReader;
import io.github.authspec.model.json.LocatedJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small pieces validation is built from, each on its own. */
class ModelPiecesTest {

  @Test
  @DisplayName("a key pattern splits into literals and placeholders in order")
  void keyPatternSegments() throws Exception {
    KeyPattern p = KeyPatterns.parse("acl:{userId}:{resource}");
    assertThat(p.segments()).containsExactly(new Literal("acl:"), new Placeholder("userId"),
        new Literal(":"), new Placeholder("resource"));
    assertThat(p.placeholders()).extracting(Placeholder::name)
        .containsExactly("userId", "resource");
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"", "a b", "x:{id", "x:id}", "x:{{id}}", "x:{a}{b}", "x:{1a}",
      "x:{a}:{a}", "x:{}"})
  @DisplayName("malformed key patterns are refused with a message")
  void badKeyPatterns(String text) {
    assertThatThrownBy(() -> KeyPatterns.parse(text))
        .isInstanceOf(KeyPatterns.PatternException.class).message().isNotBlank();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"users, true", "_tmp, true", "user_2fa, true", "Users, false", "2fa, false",
      "user-id, false", "'', false"})
  @DisplayName("SQL names are lower snake case")
  void sqlNames(String name, boolean ok) {
    assertThat(Identifiers.isSqlName(name)).isEqualTo(ok);
  }

  @Test
  @DisplayName("SQL names are at most 63 bytes, counted in UTF-8")
  void sqlNameLength() {
    assertThat(Identifiers.isSqlName("a".repeat(63))).isTrue();
    assertThat(Identifiers.isSqlName("a".repeat(64))).isFalse();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"com.example.auth, true", "a, true", "com.ex_ample.$x, true", "com..auth, false",
      ".com, false", "com., false", "com.class, false", "com.1x, false", "com.my-app, false",
      "'', false"})
  @DisplayName("Java packages are dotted identifiers without keywords")
  void javaPackages(String name, boolean ok) {
    assertThat(Identifiers.isJavaPackage(name)).isEqualTo(ok);
  }

  @Test
  @DisplayName("the JSON reader locates every value by pointer: members at their key")
  void jsonPositions() {
    Reporter reporter = new Reporter("f.json");
    String text = "{\n  \"a\": {\n    \"b\": [1,\n      {\"c\": true}]\n  }\n}\n";
    LocatedJson json = JsonReader.read(text, reporter).orElseThrow();
    assertThat(json.sourceMap().locate("/a")).isEqualTo(new Position(2, 3));
    assertThat(json.sourceMap().locate("/a/b")).isEqualTo(new Position(3, 5));
    assertThat(json.sourceMap().locate("/a/b/0")).isEqualTo(new Position(3, 11));
    assertThat(json.sourceMap().locate("/a/b/1/c")).isEqualTo(new Position(4, 8));
    assertThat(json.sourceMap().locate("/a/b/1/nothing")).isEqualTo(new Position(4, 7));
    assertThat(reporter.diagnostics().all()).isEmpty();
  }

  @Test
  @DisplayName("a pointer resolves through escaped names and stops at the last value that exists")
  void jsonPointerWalk() {
    Reporter reporter = new Reporter("f.json");
    String text = "{\n  \"a/b~c\": [\n    7\n  ],\n  \"d\": 1,\n  \"d\": {\"e\": 2}\n}\n";
    LocatedJson json = JsonReader.read(text, reporter).orElseThrow();
    assertThat(json.sourceMap().locate("/a~1b~0c")).isEqualTo(new Position(2, 3));
    assertThat(json.sourceMap().locate("/a~1b~0c/0")).isEqualTo(new Position(3, 5));
    assertThat(json.sourceMap().locate("/a~1b~0c/1")).isEqualTo(new Position(2, 3));
    assertThat(json.sourceMap().locate("/a~1b~0c/x")).isEqualTo(new Position(2, 3));
    assertThat(json.sourceMap().locate("/a~1b~0c/0/deeper")).isEqualTo(new Position(3, 5));
    assertThat(json.sourceMap().locate("/nothing")).isEqualTo(new Position(1, 1));
    // A repeated key: the member is where it first appears; its value is the last one.
    assertThat(json.sourceMap().locate("/d")).isEqualTo(new Position(5, 3));
    assertThat(json.sourceMap().locate("/d/e")).isEqualTo(new Position(6, 9));
    assertThat(reporter.diagnostics().all()).singleElement()
        .satisfies(d -> assertThat(d.pointer()).isEqualTo("/d"));
  }

  @Test
  @DisplayName("a syntax error is located at the offending character")
  void jsonSyntaxPosition() {
    Reporter reporter = new Reporter("f.json");
    assertThat(JsonReader.read("{\n  \"a\": 1,\n  \"b\" 2\n}", reporter)).isEmpty();
    Diagnostic d = reporter.diagnostics().all().get(0);
    assertThat(d.code()).isEqualTo(Code.JSON_SYNTAX);
    assertThat(d.position()).isEqualTo(new Position(3, 7));
  }

  @Test
  @DisplayName("a diagnostic formats like javac, with its hint on an indented line")
  void diagnosticFormat() {
    Diagnostic d = new Diagnostic(Code.FK_UNKNOWN_TABLE, Severity.ERROR, "auth-spec.json",
        new Position(63, 17), "/x/table", "no such table", "define it");
    assertThat(d.format()).isEqualTo(
        "auth-spec.json:63:17: error: [AS040] no such table (at /x/table)\n    hint: define it");
    Diagnostic root = new Diagnostic(Code.EMPTY_FILE, Severity.ERROR, "a.json", Position.UNKNOWN,
        "", "empty", "");
    assertThat(root.format()).isEqualTo("a.json: error: [AS002] empty (at /)");
  }

  @Test
  @DisplayName("did-you-mean picks the closest candidate within a small distance, or none")
  void suggestions() {
    assertThat(Suggest.closest("VARCHR", java.util.List.of("VARCHAR", "TEXT"))).contains("VARCHAR");
    assertThat(Suggest.closest("blob", java.util.List.of("VARCHAR", "TEXT"))).isEmpty();
  }
}
