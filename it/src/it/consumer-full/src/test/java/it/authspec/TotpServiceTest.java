package it.authspec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.service.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated TotpService is implementable: RFC 6238 Appendix B test vectors pass. */
class TotpServiceTest {
  private static final String SHA1 = "12345678901234567890";
  private static final String SHA256 = "12345678901234567890123456789012";
  private static final String SHA512 = "1234567890".repeat(6) + "1234";

  @ParameterizedTest(name = "T={0} {2} -> {1}")
  @CsvSource({
      "59, 94287082, SHA1", "59, 46119246, SHA256", "59, 90693936, SHA512",
      "1111111109, 07081804, SHA1", "1111111109, 68084774, SHA256", "1111111109, 25091201, SHA512",
      "1111111111, 14050471, SHA1", "1111111111, 67062674, SHA256", "1111111111, 99943326, SHA512",
      "1234567890, 89005924, SHA1", "1234567890, 91819424, SHA256", "1234567890, 93441116, SHA512",
      "2000000000, 69279037, SHA1", "2000000000, 90698825, SHA256", "2000000000, 38618901, SHA512",
      "20000000000, 65353130, SHA1", "20000000000, 77737706, SHA256", "20000000000, 47863826, SHA512"})
  void rfc6238Vectors(long time, String code, String algorithm) {
    RfcTotpService totp = new RfcTotpService(algorithm, 8);
    String secret = switch (algorithm) {
      case "SHA1" -> SHA1;
      case "SHA256" -> SHA256;
      default -> SHA512;
    };
    totp.use(7L, secret.getBytes(StandardCharsets.US_ASCII));
    RequestContext at = new RequestContext("127.0.0.1", "test", null, null,
        Instant.ofEpochSecond(time));

    assertTrue(totp.verify(7L, code, at));
    assertFalse(totp.verify(7L, "00000000".equals(code) ? "11111111" : "00000000", at));
    assertFalse(totp.verify(8L, code, at), "unknown user");
  }
}
