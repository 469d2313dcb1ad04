package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argon2id against RFC 9106 §5.3, legacy bcrypt against jBCrypt's vectors, and the upgrade. */
class BouncyCastleHashingTest {
  @Test
  @DisplayName("RFC 9106 §5.3: Argon2id with secret and associated data")
  void rfc9106() {
    byte[] tag = Argon2id.derive(fill(32, 0x01), fill(16, 0x02), fill(8, 0x03), fill(12, 0x04),
        32, 3, 4, 32);
    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @ParameterizedTest(name = "bcrypt(\"{0}\")")
  @CsvSource({
      "'', $2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
      "a, $2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe",
      "abc, $2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
      "abcdefghijklmnopqrstuvwxyz, "
          + "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"})
  @DisplayName("jBCrypt vectors verify; a changed password does not")
  void bcrypt(String password, String hash) {
    Bcrypt bcrypt = new Bcrypt();
    assertThat(bcrypt.recognises(hash)).isTrue();
    assertThat(bcrypt.verify(password.toCharArray(), hash)).isTrue();
    assertThat(bcrypt.verify((password + "x").toCharArray(), hash)).isFalse();
    assertThat(bcrypt.current(hash)).isFalse();
  }

  @Test
  @DisplayName("Argon2id PHC round trip; a bcrypt hash logs in through the hasher and needs a rehash")
  void upgrade() {
    PasswordHasher hasher = new PasswordHasher(new SecureRandom(), new Argon2id(64, 1, 1),
        new Pbkdf2(1000), new Bcrypt());
    String h = hasher.hash("correct horse".toCharArray());
    assertThat(h).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$"
        + "[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("correct horse".toCharArray(), h)).isTrue();
    assertThat(hasher.verify("correct horsE".toCharArray(), h)).isFalse();
    assertThat(hasher.needsRehash(h)).isFalse();
    String legacy = "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";
    assertThat(hasher.verify("abc".toCharArray(), legacy)).isTrue();
    assertThat(hasher.needsRehash(legacy)).isTrue();
    assertThat(Argon2id.owasp().toString()).isEqualTo("Argon2id[m=19456 KiB, t=2, p=1]");
    assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA"))
        .isFalse();
  }

  private static byte[] fill(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
