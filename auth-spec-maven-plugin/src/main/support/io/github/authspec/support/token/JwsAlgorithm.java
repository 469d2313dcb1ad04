package io.github.authspec.support.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/**
 * The JWS algorithms a key set can be pinned to (RFC 7518 §3, RFC 8037). ECDSA uses the JDK's
 * IEEE P1363 form, which is JOSE's R‖S (RFC 7518 §3.4), not DER; R and S are checked to lie in
 * [1, n-1] here as well, so a JDK with CVE-2022-21449 still refuses "psychic" signatures.
 */
public enum JwsAlgorithm {
  /** Ed25519 (RFC 8037): the default, deterministic, fast, no parameters to get wrong. */
  EdDSA("Ed25519", "OKP", "Ed25519", 64),
  /** ECDSA on P-256 with SHA-256. */
  ES256("SHA256withECDSAinP1363Format", "EC", "P-256", 64),
  /** ECDSA on P-521 with SHA-512 (verification of others' tokens, RFC 7520 §4.3). */
  ES512("SHA512withECDSAinP1363Format", "EC", "P-521", 132),
  /** RSASSA-PKCS1-v1_5 with SHA-256; keys of at least 2048 bits. */
  RS256("SHA256withRSA", "RSA", null, 0);

  private final String jcaName;
  private final String keyType;
  private final String curve;
  private final int signatureLength;

  JwsAlgorithm(String jcaName, String keyType, String curve, int signatureLength) {
    this.jcaName = jcaName;
    this.keyType = keyType;
    this.curve = curve;
    this.signatureLength = signatureLength;
  }

  /**
   * The JWK {@code kty} of this algorithm's keys.
   *
   * @return OKP, EC or RSA
   */
  public String keyType() {
    return keyType;
  }

  /**
   * The JWK {@code crv} of this algorithm's keys.
   *
   * @return the curve, empty for RSA
   */
  public Optional<String> curve() {
    return Optional.ofNullable(curve);
  }

  /**
   * The algorithm of a JOSE {@code alg} value, exactly as registered.
   *
   * @param alg the header value
   * @return the algorithm, empty for anything else (including "none" and HMAC)
   */
  public static Optional<JwsAlgorithm> of(String alg) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(alg)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  byte[] sign(PrivateKey key, byte[] input) {
    try {
      Signature s = Signature.getInstance(jcaName);
      s.initSign(key);
      s.update(input);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + name() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  boolean verify(PublicKey key, byte[] input, byte[] signature) {
    if (!wellFormed(key, signature)) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(jcaName);
      s.initVerify(key);
      s.update(input);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Length, all-zero and ECDSA range checks before the JDK sees the signature. */
  private boolean wellFormed(PublicKey key, byte[] signature) {
    int expected = signatureLength;
    if (this == RS256) {
      if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < 2048) {
        return false;
      }
      expected = (rsa.getModulus().bitLength() + 7) / 8;
    }
    if (signature.length != expected) {
      return false;
    }
    boolean allZero = true;
    for (byte b : signature) {
      allZero &= b == 0;
    }
    if (allZero) {
      return false;
    }
    if (keyType.equals("EC")) {
      if (!(key instanceof ECPublicKey ec)) {
        return false;
      }
      ECParameterSpec params = ec.getParams();
      BigInteger n = params.getOrder();
      int half = signature.length / 2;
      BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, half));
      BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, half, signature.length));
      return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
    }
    return true;
  }
}
