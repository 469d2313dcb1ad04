package io.github.authspec.support.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The encoder hands the stored hashes to its {@code Hashing} and wipes what it copied. */
class PhcPasswordEncoderTest {
  /** Records what it was given; "hashes" by reversing, enough to see the delegation. */
  private static final class Recording implements PhcPasswordEncoder.Hashing {
    final List<char[]> seen = new ArrayList<>();
    final List<String> seenText = new ArrayList<>();
    int calls;

    @Override
    public String hash(char[] password) {
      return "$test$" + record(password);
    }

    @Override
    public boolean verify(char[] password, String stored) {
      return stored.equals("$test$" + record(password));
    }

    @Override
    public boolean needsRehash(String stored) {
      calls++;
      return stored.startsWith("$old$");
    }

    private String record(char[] password) {
      calls++;
      seen.add(password);
      String text = new StringBuilder(new String(password)).reverse().toString();
      seenText.add(text);
      return text;
    }
  }

  @Test
  @DisplayName("encode and matches go through the hashing, and the copied characters are "
      + "wiped afterwards")
  void delegatesAndWipes() {
    Recording hashing = new Recording();
    PhcPasswordEncoder encoder = new PhcPasswordEncoder(hashing);
    String stored = encoder.encode(new StringBuilder("s3cret"));
    assertThat(stored).isEqualTo("$test$terc3s");
    assertThat(encoder.matches("s3cret", stored)).isTrue();
    assertThat(encoder.matches("s3creT", stored)).isFalse();
    assertThat(hashing.seenText).containsExactly("terc3s", "terc3s", "Terc3s");
    assertThat(hashing.seen).allSatisfy(chars -> assertThat(new String(chars))
        .isEqualTo("\0".repeat(6)));
  }

  @Test
  @DisplayName("a missing or empty stored hash never matches and is never handed on")
  void emptyHashes() {
    Recording hashing = new Recording();
    PhcPasswordEncoder encoder = new PhcPasswordEncoder(hashing);
    assertThat(encoder.matches("x", null)).isFalse();
    assertThat(encoder.matches("x", "")).isFalse();
    assertThat(encoder.matches(null, "$test$x")).isFalse();
    assertThat(encoder.upgradeEncoding(null)).isFalse();
    assertThat(encoder.upgradeEncoding("")).isFalse();
    assertThat(hashing.calls).isZero();
    assertThatNullPointerException().isThrownBy(() -> encoder.encode(null));
  }

  @Test
  @DisplayName("upgradeEncoding answers the hashing's re-hash decision")
  void upgrade() {
    PhcPasswordEncoder encoder = new PhcPasswordEncoder(new Recording());
    assertThat(encoder.upgradeEncoding("$old$abc")).isTrue();
    assertThat(encoder.upgradeEncoding("$test$abc")).isFalse();
  }
}
