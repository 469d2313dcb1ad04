package io.github.authspec.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key codec that keeps a placeholder value from forging another key. */
class KeySpecTest {
  private static final String[] SEGMENTS = {"acl:", null, ":", null};

  @ParameterizedTest(name = "\"{0}\" round-trips")
  @ValueSource(strings = {"", "plain-._", "a:b", "{tag}", "100%", "a b", "é", "😀", "%41", "*"})
  void roundTrip(String value) {
    String encoded = KeySpec.encode(value);

    assertThat(encoded).matches("[A-Za-z0-9._%-]*");
    assertThat(KeySpec.decode(encoded)).contains(value);
  }

  @Test
  @DisplayName("separators, braces and the escape itself are encoded; UTF-8 bytes in upper hex")
  void encodes() {
    assertThat(KeySpec.encode("a:b")).isEqualTo("a%3Ab");
    assertThat(KeySpec.encode("{x}")).isEqualTo("%7Bx%7D");
    assertThat(KeySpec.encode("%")).isEqualTo("%25");
    assertThat(KeySpec.encode("é")).isEqualTo("%C3%A9");
  }

  // Only what encode writes: upper-case ASCII hex, no plain character escaped, whole UTF-8.
  @ParameterizedTest(name = "\"{0}\" is no encoding")
  @ValueSource(strings = {"%", "%4", "%zz", "a:b", "{", " ", "%2b", "%41", "%C3", "%C3%28",
      "%\u0663\u0661", "%\uff13\uff11", "%+3"})
  void rejectsMalformed(String encoded) {
    assertThat(KeySpec.decode(encoded)).isEmpty();
  }

  @Test
  @DisplayName("match splits a key into encoded values, with prefix and hash tag")
  void match() {
    assertThat(KeySpec.match("auth:acl:42:res%3A1", "auth:", SEGMENTS, false))
        .contains(List.of("42", "res%3A1"));
    assertThat(KeySpec.match("acl:{42}:x", "", SEGMENTS, true)).contains(List.of("42", "x"));
    assertThat(KeySpec.match("acl::", "", SEGMENTS, false)).contains(List.of("", ""));
  }

  @Test
  @DisplayName("keys of other patterns, prefixes or tagging do not match")
  void noMatch() {
    assertThat(KeySpec.match("acl:42:x", "auth:", SEGMENTS, false)).isEmpty();
    assertThat(KeySpec.match("acm:42:x", "", SEGMENTS, false)).isEmpty();
    assertThat(KeySpec.match("acl:42:x:extra", "", SEGMENTS, false)).isEmpty();
    assertThat(KeySpec.match("acl:42:x", "", SEGMENTS, true)).isEmpty();
    assertThat(KeySpec.match("acl:{42:x", "", SEGMENTS, true)).isEqualTo(Optional.empty());
  }
}
