package it.authspec;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The consumer's own RFC 6238 code calculator, an authenticator app's view: an oracle written
 * from the RFC, independent of the generated code, and itself checked by the Appendix B vectors.
 */
final class Rfc6238 {
  private Rfc6238() {}

  /** RFC 4226 §5.3: HMAC of the 30 s step counter, dynamic truncation to {@code digits}. */
  static String code(String algorithm, byte[] secret, long epochSecond, int digits) {
    try {
      Mac mac = Mac.getInstance("Hmac" + algorithm);
      mac.init(new SecretKeySpec(secret, "Hmac" + algorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSecond / 30).array());
      int offset = hash[hash.length - 1] & 0xf;
      int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
          | (hash[offset + 2] & 0xff) << 8 | (hash[offset + 3] & 0xff);
      String otp = Integer.toString(binary % (int) Math.pow(10, digits));
      return "0".repeat(digits - otp.length()) + otp;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
