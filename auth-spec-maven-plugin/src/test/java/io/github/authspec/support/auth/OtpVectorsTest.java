package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published vectors: RFC 4226 Appendix D, RFC 6238 Appendix B, RFC 4648 §10. */
class OtpVectorsTest {
  private static final byte[] SEED20 = ascii("12345678901234567890");
  private static final byte[] SEED32 = ascii("12345678901234567890123456789012");
  private static final byte[] SEED64 = ascii(
      "1234567890123456789012345678901234567890123456789012345678901234");

  @ParameterizedTest(name = "HOTP count {0} = {1}")
  @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676",
      "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
  @DisplayName("RFC 4226 Appendix D")
  void hotp(long counter, String code) {
    assertThat(new Otp(Otp.Algorithm.SHA1, 6, 30).hotp(SEED20, counter)).isEqualTo(code);
  }

  @ParameterizedTest(name = "TOTP {1} at {0} = {2}")
  @CsvSource({
      "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
      "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774",
      "1111111109, SHA512, 25091201",
      "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674",
      "1111111111, SHA512, 99943326",
      "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424",
      "1234567890, SHA512, 93441116",
      "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825",
      "2000000000, SHA512, 38618901",
      "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706",
      "20000000000, SHA512, 47863826"})
  @DisplayName("RFC 6238 Appendix B, with the 20/32/64-byte seeds of the errata")
  void totp(long time, Otp.Algorithm algorithm, String code) {
    byte[] seed = switch (algorithm) {
      case SHA1 -> SEED20;
      case SHA256 -> SEED32;
      case SHA512 -> SEED64;
    };
    assertThat(seed).hasSize(algorithm.seedBytes());
    assertThat(new Otp(algorithm, 8, 30).totp(seed, Instant.ofEpochSecond(time)))
        .isEqualTo(code);
  }

  @Test
  @DisplayName("a code matches within one step either side, and reports the step it matched")
  void window() {
    Otp otp = new Otp(Otp.Algorithm.SHA1, 8, 30);
    Instant now = Instant.ofEpochSecond(1111111109);
    long step = otp.step(now);
    assertThat(otp.matchStep(SEED20, "07081804", now, 1)).hasValue(step);
    assertThat(otp.matchStep(SEED20, otp.hotp(SEED20, step - 1), now, 1)).hasValue(step - 1);
    assertThat(otp.matchStep(SEED20, otp.hotp(SEED20, step + 1), now, 1)).hasValue(step + 1);
    assertThat(otp.matchStep(SEED20, otp.hotp(SEED20, step + 2), now, 1)).isEmpty();
    assertThat(otp.matchStep(SEED20, otp.hotp(SEED20, step - 2), now, 1)).isEmpty();
    assertThat(otp.matchStep(SEED20, "0708180", now, 1)).isEmpty();
    assertThat(otp.matchStep(SEED20, "0708180x", now, 1)).isEmpty();
    assertThat(Otp.standard().matchCounter(SEED20, "520489", 3, 10)).hasValue(9);
    assertThat(Otp.standard().matchCounter(SEED20, "520489", 0, 8)).isEmpty();
    assertThat(otp.stepStart(step)).isEqualTo(Instant.ofEpochSecond(step * 30));
  }

  @ParameterizedTest(name = "BASE32({0}) = {1}")
  @CsvSource({"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=",
      "fooba, MZXW6YTB", "foobar, MZXW6YTBOI======"})
  @DisplayName("RFC 4648 §10 Base32 vectors, both ways")
  void base32(String plain, String encoded) {
    assertThat(Base32.encodePadded(ascii(plain))).isEqualTo(encoded);
    assertThat(Base32.decode(encoded)).isEqualTo(ascii(plain));
    assertThat(Base32.decode(encoded.toLowerCase(java.util.Locale.ROOT))).isEqualTo(ascii(plain));
  }

  @Test
  @DisplayName("the Key URI format's example secret; a character outside the alphabet is refused")
  void keyUri() {
    byte[] hello = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xDE, (byte) 0xAD, (byte) 0xBE,
        (byte) 0xEF};
    assertThat(Base32.encode(hello)).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(Otp.standard().uri("ACME Co", "john@example.com", hello)).isEqualTo(
        "otpauth://totp/ACME%20Co:john%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co"
            + "&algorithm=SHA1&digits=6&period=30");
    assertThatThrownBy(() -> Base32.decode("MZ1W")).hasMessage("not Base32 at position 2");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
