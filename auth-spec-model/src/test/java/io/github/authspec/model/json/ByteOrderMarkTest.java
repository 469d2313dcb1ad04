package io.github.authspec.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.LoadResult;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Reporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 8259 §8.1: a parser may ignore a leading UTF-8 byte-order mark; the reader does. */
class ByteOrderMarkTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static byte[] withBom(byte[] body) {
    byte[] out = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, out, 0, BOM.length);
    System.arraycopy(body, 0, out, BOM.length, body.length);
    return out;
  }

  @Test
  @DisplayName("the full seed spec with a byte-order mark loads like the one without")
  void fullSpecWithBomLoads() throws Exception {
    byte[] plain = Files.readAllBytes(Path.of("../specs/auth-service-full.json"));

    LoadResult without = SpecLoader.load("auth-spec.json", plain);
    LoadResult with = SpecLoader.load("auth-spec.json", withBom(plain));

    assertThat(with.spec()).isPresent();
    assertThat(with.diagnostics().format()).isEqualTo(without.diagnostics().format());
    assertThat(with.diagnostics().all()).noneMatch(d -> d.code() == Code.JSON_SYNTAX);
  }

  @Test
  @DisplayName("after a byte-order mark, a problem on line 1 keeps the column an editor shows")
  void columnsOnLineOneIgnoreTheMark() {
    String text = "{\"leftPanel\": 5}";
    byte[] bytes = withBom(text.getBytes(StandardCharsets.UTF_8));

    Diagnostic d = SpecLoader.load("auth-spec.json", bytes).diagnostics().all().stream()
        .filter(x -> x.pointer().equals("/leftPanel")).findFirst().orElseThrow();

    assertThat(d.code()).isEqualTo(Code.WRONG_TYPE);
    assertThat(d.position().line()).isEqualTo(1);
    assertThat(d.position().column()).isEqualTo(text.indexOf("\"leftPanel\"") + 1);
  }

  @Test
  @DisplayName("a syntax error after a byte-order mark is located without counting the mark")
  void syntaxErrorAfterBom() {
    Reporter reporter = new Reporter("auth-spec.json");
    assertThat(JsonReader.read("\uFEFF{\"a\": tru}", reporter)).isEmpty();
    Diagnostic d = reporter.diagnostics().all().get(0);
    assertThat(d.code()).isEqualTo(Code.JSON_SYNTAX);
    assertThat(d.position().line()).isEqualTo(1);
    assertThat(d.position().column()).isEqualTo("{\"a\": ".length() + 1);
    assertThat(d.message()).doesNotContain("65279");
  }

  @Test
  @DisplayName("a byte-order mark alone is an empty file, and one inside the text is still refused")
  void bomAloneIsEmptyAndInsideIsAnError() {
    Reporter alone = new Reporter("auth-spec.json");
    JsonReader.read("\uFEFF", alone);
    assertThat(alone.diagnostics().all()).extracting(Diagnostic::code)
        .containsExactly(Code.EMPTY_FILE);

    Reporter inside = new Reporter("auth-spec.json");
    JsonReader.read("{}\uFEFF", inside);
    assertThat(inside.diagnostics().all()).extracting(Diagnostic::code)
        .containsExactly(Code.JSON_SYNTAX);
  }
}
