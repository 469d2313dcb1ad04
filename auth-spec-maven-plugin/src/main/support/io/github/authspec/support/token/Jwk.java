package io.github.authspec.support.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037 §2) for the algorithms of
 * {@link JwsAlgorithm}: public keys to JWK members and back, private keys from a JWK the user
 * supplies at run time, and RFC 7638 thumbprints, which serve as key ids. A private key is
 * never written out.
 */
public final class Jwk {
  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
  private static final byte[] ED25519_SPKI = hex("302a300506032b6570032100");
  /** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), followed by the 32-byte seed. */
  private static final byte[] ED25519_PKCS8 = hex("302e020100300506032b657004220420");

  private Jwk() {
  }

  /**
   * The public members of a key: kty, crv/x/y or n/e (no kid, use or alg).
   *
   * @param algorithm the algorithm the key is for
   * @param key the public key
   * @return the members in a stable order
   */
  public static Map<String, Object> publicMembers(JwsAlgorithm algorithm, PublicKey key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kty", algorithm.keyType());
    switch (algorithm.keyType()) {
      case "OKP" -> {
        byte[] spki = key.getEncoded();
        m.put("crv", "Ed25519");
        m.put("x", Secrets.base64Url(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
      }
      case "EC" -> {
        ECPublicKey ec = (ECPublicKey) key;
        int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        m.put("crv", algorithm.curve().orElseThrow());
        m.put("x", Secrets.base64Url(unsigned(ec.getW().getAffineX(), size)));
        m.put("y", Secrets.base64Url(unsigned(ec.getW().getAffineY(), size)));
      }
      default -> {
        RSAPublicKey rsa = (RSAPublicKey) key;
        m.put("n", Secrets.base64Url(unsigned(rsa.getModulus(), 0)));
        m.put("e", Secrets.base64Url(unsigned(rsa.getPublicExponent(), 0)));
      }
    }
    return m;
  }

  /**
   * The RFC 7638 thumbprint: base64url(SHA-256) of the required members, sorted, no spaces.
   *
   * @param jwk a JWK's members (others than the required ones are ignored)
   * @return the thumbprint
   */
  public static String thumbprint(Map<String, ?> jwk) {
    String kty = string(jwk, "kty");
    String[] required = switch (kty) {
      case "EC" -> new String[] {"crv", "kty", "x", "y"};
      case "RSA" -> new String[] {"e", "kty", "n"};
      case "OKP" -> new String[] {"crv", "kty", "x"};
      default -> throw new IllegalArgumentException("JWK: unsupported kty " + kty);
    };
    Map<String, Object> canonical = new TreeMap<>();
    for (String name : required) {
      canonical.put(name, string(jwk, name));
    }
    byte[] json = Json.write(canonical).getBytes(StandardCharsets.UTF_8);
    return Secrets.base64Url(Secrets.sha256(json));
  }

  /**
   * The public key of a JWK.
   *
   * @param algorithm the algorithm the key must be for
   * @param jwk the members
   * @return the key
   * @throws IllegalArgumentException when the JWK does not fit the algorithm
   */
  public static PublicKey publicKey(JwsAlgorithm algorithm, Map<String, ?> jwk) {
    checkType(algorithm, jwk);
    try {
      return switch (algorithm.keyType()) {
        case "OKP" -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
            concat(ED25519_SPKI, bytes(jwk, "x", 32))));
        case "EC" -> KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
            new ECPoint(big(jwk, "x"), big(jwk, "y")), params(algorithm)));
        default -> KeyFactory.getInstance("RSA").generatePublic(
            new RSAPublicKeySpec(big(jwk, "n"), big(jwk, "e")));
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("JWK: not a valid " + algorithm + " public key", e);
    }
  }

  /**
   * The private key of a JWK that carries one ({@code d}, and for RSA the CRT members).
   *
   * @param algorithm the algorithm the key must be for
   * @param jwk the members
   * @return the key
   * @throws IllegalArgumentException when the JWK has no usable private part
   */
  public static PrivateKey privateKey(JwsAlgorithm algorithm, Map<String, ?> jwk) {
    checkType(algorithm, jwk);
    try {
      return switch (algorithm.keyType()) {
        case "OKP" -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
            concat(ED25519_PKCS8, bytes(jwk, "d", 32))));
        case "EC" -> KeyFactory.getInstance("EC").generatePrivate(
            new ECPrivateKeySpec(big(jwk, "d"), params(algorithm)));
        default -> KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
            big(jwk, "n"), big(jwk, "e"), big(jwk, "d"), big(jwk, "p"), big(jwk, "q"),
            big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi")));
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("JWK: not a valid " + algorithm + " private key", e);
    }
  }

  static ECParameterSpec params(JwsAlgorithm algorithm) throws GeneralSecurityException {
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec(algorithm == JwsAlgorithm.ES256 ? "secp256r1" : "secp521r1"));
    return p.getParameterSpec(ECParameterSpec.class);
  }

  private static void checkType(JwsAlgorithm algorithm, Map<String, ?> jwk) {
    if (!algorithm.keyType().equals(jwk.get("kty"))
        || algorithm.curve().isPresent() && !algorithm.curve().get().equals(jwk.get("crv"))) {
      throw new IllegalArgumentException("JWK: kty/crv do not fit " + algorithm);
    }
    Object alg = jwk.get("alg");
    if (alg != null && !algorithm.name().equals(alg)) {
      throw new IllegalArgumentException("JWK: its alg is not " + algorithm);
    }
  }

  private static String string(Map<String, ?> jwk, String name) {
    if (!(jwk.get(name) instanceof String s)) {
      throw new IllegalArgumentException("JWK: member " + name + " missing or not a string");
    }
    return s;
  }

  private static byte[] bytes(Map<String, ?> jwk, String name, int length) {
    byte[] b = Secrets.fromBase64Url(string(jwk, name));
    if (b.length != length) {
      throw new IllegalArgumentException("JWK: member " + name + " must be " + length + " bytes");
    }
    return b;
  }

  private static BigInteger big(Map<String, ?> jwk, String name) {
    return new BigInteger(1, Secrets.fromBase64Url(string(jwk, name)));
  }

  /** Big-endian unsigned bytes, left-padded to {@code size} (0: minimal). */
  private static byte[] unsigned(BigInteger value, int size) {
    byte[] b = value.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = Arrays.copyOfRange(b, 1, b.length);
    }
    if (size > b.length) {
      byte[] padded = new byte[size];
      System.arraycopy(b, 0, padded, size - b.length, b.length);
      return padded;
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
