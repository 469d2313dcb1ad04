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
  @DisplayName("a missing or empty stored hash (an account without a password) never matches, "
      + "is never handed on, and costs one verification against a dummy hash, as a wrong "
      + "password does")
  void emptyHashes() {
    Recording hashing = new Recording();
    PhcPasswordEncoder encoder = new PhcPasswordEncoder(hashing);
    String stored = encoder.encode("s3cret");
    List<String> verified = new ArrayList<>();
    PhcPasswordEncoder counting = new PhcPasswordEncoder(new PhcPasswordEncoder.Hashing() {
      @Override
      public String hash(char[] password) {
        return hashing.hash(password);
      }

      @Override
      public boolean verify(char[] password, String hash) {
        verified.add(hash);
        return hashing.verify(password, hash);
      }

      @Override
      public boolean needsRehash(String hash) {
        return hashing.needsRehash(hash);
      }
    });
    for (String empty : java.util.Arrays.asList(null, "")) {
      verified.clear();
      assertThat(counting.matches("x", empty)).isFalse();
      assertThat(verified).as("hash " + empty).hasSize(1).noneMatch(h -> h == null || h.isEmpty());
    }
    verified.clear();
    assertThat(counting.matches(null, stored)).isFalse();
    assertThat(verified).as("no password").hasSize(1);
    verified.clear();
    assertThat(counting.matches("wrong", stored)).isFalse();
    assertThat(verified).as("a wrong password").containsExactly(stored);
    assertThat(encoder.upgradeEncoding(null)).isFalse();
    assertThat(encoder.upgradeEncoding("")).isFalse();
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
