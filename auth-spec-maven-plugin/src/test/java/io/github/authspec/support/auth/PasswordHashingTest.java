package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PBKDF2 against RFC 6070 and RFC 7914 §11; the PHC hasher; the password policy table. */
class PasswordHashingTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest(name = "RFC 6070: {0}/{1}, c={2}")
  @CsvSource({
      "password, salt, 1, 20, 0c60c80f961f0e71f3a9b524af6012062fe037a6",
      "password, salt, 2, 20, ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
      "password, salt, 4096, 20, 4b007901b765489abead49d926f721d065a429c1",
      "passwordPASSWORDpassword, saltSALTsaltSALTsaltSALTsaltSALTsalt, 4096, 25, "
          + "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"})
  @DisplayName("RFC 6070 PBKDF2-HMAC-SHA1 (c = 16,777,216 is left out: minutes of CPU)")
  void rfc6070(String password, String salt, int iterations, int length, String hex) {
    assertThat(HexFormat.of().formatHex(Pbkdf2.derive("HmacSHA1", password.toCharArray(),
        salt.getBytes(StandardCharsets.US_ASCII), iterations, length))).isEqualTo(hex);
  }

  @Test
  @DisplayName("RFC 6070 with NUL characters in password and salt")
  void rfc6070Nul() {
    assertThat(HexFormat.of().formatHex(Pbkdf2.derive("HmacSHA1", "pass\0word".toCharArray(),
        "sa\0lt".getBytes(StandardCharsets.US_ASCII), 4096, 16)))
        .isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
  }

  @ParameterizedTest(name = "RFC 7914 §11: {0}/{1}, c={2}")
  @CsvSource({
      "passwd, salt, 1, 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
      "Password, NaCl, 80000, 4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"})
  @DisplayName("RFC 7914 §11 PBKDF2-HMAC-SHA256, 64-byte keys")
  void rfc7914(String password, String salt, int iterations, String hex) {
    assertThat(HexFormat.of().formatHex(Pbkdf2.derive("HmacSHA256", password.toCharArray(),
        salt.getBytes(StandardCharsets.US_ASCII), iterations, 64))).isEqualTo(hex);
  }

  @Test
  @DisplayName("PHC strings: salted, verified, outdated parameters flagged for rehash")
  void phc() {
    PasswordHasher fast = new PasswordHasher(RANDOM, new Pbkdf2(1000));
    String a = fast.hash("correct horse".toCharArray());
    String b = fast.hash("correct horse".toCharArray());
    assertThat(a).matches("\\$pbkdf2-sha256\\$i=1000,l=32\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
        .isNotEqualTo(b);
    assertThat(fast.verify("correct horse".toCharArray(), a)).isTrue();
    assertThat(fast.verify("correct horsE".toCharArray(), a)).isFalse();
    assertThat(fast.needsRehash(a)).isFalse();
    assertThat(new PasswordHasher(RANDOM, new Pbkdf2(2000)).needsRehash(a)).isTrue();
    assertThat(new PasswordHasher(RANDOM, new Pbkdf2(2000)).verify("correct horse"
        .toCharArray(), a)).as("older parameters still verify").isTrue();
    for (String bad : List.of("", "$pbkdf2-sha256$", "$pbkdf2-sha256$i=x$a$b",
        "$pbkdf2-sha256$i=1000,l=32$@@$@@", "$2a$10$abc", "plain")) {
      assertThat(fast.verify("x".toCharArray(), bad)).as(bad).isFalse();
    }
    assertThat(fast.verify("x".toCharArray(), null)).isFalse();
    assertThat(fast.needsRehash("$2a$10$whatever")).isTrue();
    assertThat(fast.toString()).doesNotContain(a);
  }

  @Test
  @DisplayName("NFKC: a ligature and its letters are one password; never more than 1024 chars")
  void normalisationAndLimits() {
    PasswordHasher fast = new PasswordHasher(RANDOM, new Pbkdf2(1000));
    String h = fast.hash("ﬁne".toCharArray());
    assertThat(fast.verify("fine".toCharArray(), h)).isTrue();
    assertThatThrownBy(() -> fast.hash(new char[1025]))
        .hasMessage("a password must have 1 to 1024 characters");
    assertThatThrownBy(() -> fast.hash(new char[0])).isInstanceOf(IllegalArgumentException.class);
    assertThat(fast.verify(new char[1 << 20], h)).isFalse();
  }

  @Test
  @DisplayName("malformed UTF-16 (a lone surrogate) is refused: never hashed, never equal to '?'")
  void loneSurrogates() {
    PasswordHasher fast = new PasswordHasher(RANDOM, new Pbkdf2(1000));
    for (String bad : List.of("a\uD800b", "a\uDC00b", "ab\uD800", "\uDC00\uD83D", "\uDE00ab")) {
      assertThatThrownBy(() -> fast.hash(bad.toCharArray())).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a password must be well-formed UTF-16 (no unpaired surrogate)");
    }
    String question = fast.hash("a?b".toCharArray());
    assertThat(fast.verify("a?b".toCharArray(), question)).isTrue();
    assertThat(fast.verify("a\uD800b".toCharArray(), question)).isFalse();
    assertThat(fast.verify("a\uFFFDb".toCharArray(), fast.hash("a\uFFFDb".toCharArray())))
        .as("U+FFFD itself is a character").isTrue();
    String emoji = fast.hash("a\uD83D\uDE00b".toCharArray());
    assertThat(fast.verify("a\uD83D\uDE00b".toCharArray(), emoji)).as("a surrogate pair").isTrue();
    assertThat(fast.verify("a\uD83Db".toCharArray(), emoji)).isFalse();
    assertThat(PasswordPolicy.nist(false).violations(("fifteen chars!!" + "\uD800").toCharArray(),
        null, List.of())).containsExactly("only whole Unicode characters");
    assertThat(PasswordPolicy.nist(false).violations("\uD83D\uDE00".repeat(15).toCharArray(),
        null, List.of())).isEmpty();
  }

  @Test
  @DisplayName("policy table: NIST lengths, composition only when asked, blocklist, context")
  void policy() {
    PasswordPolicy single = PasswordPolicy.nist(false);
    PasswordPolicy multi = PasswordPolicy.nist(true);
    assertThat(single.violations("fourteen chars".toCharArray(), null, List.of()))
        .containsExactly("at least 15 characters");
    assertThat(single.violations("fifteen chars!!".toCharArray(), null, List.of())).isEmpty();
    assertThat(multi.violations("eight ch".toCharArray(), null, List.of())).isEmpty();
    assertThat(multi.violations("seven c".toCharArray(), null, List.of()))
        .containsExactly("at least 8 characters");
    assertThat(single.violations("alllowercase letters".toCharArray(), null, List.of()))
        .as("no composition rules by default").isEmpty();
    assertThat(single.violations("😀".repeat(15).toCharArray(), null, List.of()))
        .as("code points, not UTF-16 units").isEmpty();
    assertThat(single.violations("😀".repeat(14).toCharArray(), null, List.of())).hasSize(1);
    assertThat(single.violations(new char[1025], null, List.of()))
        .containsExactly("at most 1024 characters");
    assertThat(single.violations("a".repeat(1024).toCharArray(), null, List.of())).isEmpty();
    PasswordPolicy composed = new PasswordPolicy(8, 64, true, true, true, true);
    assertThat(composed.maxLength()).as("a maximum below 64 is raised").isEqualTo(64);
    assertThat(composed.violations("abcdefgh".toCharArray(), null, List.of()))
        .containsExactly("an upper-case letter", "a digit",
            "a character that is neither a letter nor a digit");
    assertThat(composed.violations("a".repeat(65).toCharArray(), null, List.of()))
        .contains("at most 64 characters");
    String breached = "password123456789";
    assertThat(single.violations(breached.toCharArray(),
        n -> PasswordPolicy.blocklistHash(n).equals(PasswordPolicy.blocklistHash(breached)),
        List.of())).containsExactly("not a known breached or common password");
    assertThat(single.violations("my name is ada lovelace".toCharArray(), null,
        List.of("lovelace"))).containsExactly("not a word of the service or the account");
    assertThat(PasswordPolicy.blocklistHash("password"))
        .isEqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
  }
}
