package it.authspec;

import com.example.authservice.service.Challenge;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.mfa.TotpService;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A consumer's RFC 6238 implementation of the generated TotpService (secrets in memory). */
final class RfcTotpService implements TotpService {
  private static final long STEP_SECONDS = 30;
  private final String algorithm;
  private final int digits;
  private final Map<Long, byte[]> secrets = new ConcurrentHashMap<>();

  RfcTotpService(String algorithm, int digits) {
    this.algorithm = algorithm;
    this.digits = digits;
  }

  /** For tests: enrol a known secret. */
  void use(long userId, byte[] secret) {
    secrets.put(userId, secret.clone());
  }

  @Override
  public Challenge enroll(long userId, RequestContext context) {
    byte[] secret = new byte[20];
    new SecureRandom().nextBytes(secret);
    secrets.put(userId, secret);
    String uri = "otpauth://totp/auth:" + userId + "?secret="
        + Base64.getEncoder().encodeToString(secret) + "&algorithm=" + algorithm;
    return new Challenge("totp-" + userId, uri, context.now().plusSeconds(600));
  }

  @Override
  public boolean confirmEnrollment(long userId, String code, RequestContext context) {
    return verify(userId, code, context);
  }

  @Override
  public boolean verify(long userId, String code, RequestContext context) {
    byte[] secret = secrets.get(userId);
    if (secret == null) {
      return false;
    }
    String expected = code(secret, context.now().getEpochSecond() / STEP_SECONDS);
    return MessageDigest.isEqual(expected.getBytes(), code.getBytes());
  }

  @Override
  public void disable(long userId, RequestContext context) {
    secrets.remove(userId);
  }

  /** RFC 6238 §4 / RFC 4226 §5.3: HMAC of the step counter, dynamic truncation. */
  String code(byte[] secret, long counter) {
    try {
      Mac mac = Mac.getInstance("Hmac" + algorithm);
      mac.init(new SecretKeySpec(secret, "Hmac" + algorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
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
