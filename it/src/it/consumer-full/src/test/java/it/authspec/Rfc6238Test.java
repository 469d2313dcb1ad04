package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test's oracle reproduces RFC 6238 Appendix B, so the codes it gives the generated
 * TotpService are right. */
class Rfc6238Test {
  @ParameterizedTest(name = "T={0} {2} -> {1}")
  @CsvSource({
      "59, 94287082, SHA1", "59, 46119246, SHA256", "59, 90693936, SHA512",
      "1111111109, 07081804, SHA1", "1111111109, 68084774, SHA256", "1111111109, 25091201, SHA512",
      "1111111111, 14050471, SHA1", "1111111111, 67062674, SHA256", "1111111111, 99943326, SHA512",
      "1234567890, 89005924, SHA1", "1234567890, 91819424, SHA256", "1234567890, 93441116, SHA512",
      "2000000000, 69279037, SHA1", "2000000000, 90698825, SHA256", "2000000000, 38618901, SHA512",
      "20000000000, 65353130, SHA1", "20000000000, 77737706, SHA256", "20000000000, 47863826, SHA512"})
  void appendixB(long time, String code, String algorithm) {
    String seed = switch (algorithm) {
      case "SHA1" -> "12345678901234567890";
      case "SHA256" -> "12345678901234567890123456789012";
      default -> "1234567890".repeat(6) + "1234";
    };
    assertEquals(code, Rfc6238.code(algorithm, seed.getBytes(StandardCharsets.US_ASCII), time, 8));
  }
}
