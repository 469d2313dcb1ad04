package io.github.authspec.support.token;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One key of a {@link KeyRing}: its id, the algorithm it is pinned to, its public key and, for a
 * key that signs, its private key. Keys come from the application at run time (a
 * {@link KeyStore} or a JWK); none is ever written into generated source. {@link #toString()}
 * shows only the id and algorithm.
 */
public final class SigningKey {
  private final String kid;
  private final JwsAlgorithm algorithm;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  private SigningKey(String kid, JwsAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {
    this.kid = Objects.requireNonNull(kid, "kid");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.privateKey = privateKey;
  }

  /**
   * A key pair whose id is its RFC 7638 thumbprint.
   *
   * @param algorithm the algorithm
   * @param pair the keys
   * @return the key
   */
  public static SigningKey of(JwsAlgorithm algorithm, KeyPair pair) {
    return new SigningKey(Jwk.thumbprint(Jwk.publicMembers(algorithm, pair.getPublic())), algorithm,
        pair.getPublic(), pair.getPrivate());
  }

  /**
   * A verification-only key (a previous key whose private half is gone, or another issuer's).
   *
   * @param algorithm the algorithm
   * @param publicKey the public key
   * @return the key, its id the RFC 7638 thumbprint
   */
  public static SigningKey verifyOnly(JwsAlgorithm algorithm, PublicKey publicKey) {
    return new SigningKey(Jwk.thumbprint(Jwk.publicMembers(algorithm, publicKey)), algorithm,
        publicKey, null);
  }

  /**
   * A fresh key pair, for tests and development; production keys come from a key store.
   *
   * @param algorithm the algorithm
   * @param random the randomness
   * @return the key
   */
  public static SigningKey generate(JwsAlgorithm algorithm, SecureRandom random) {
    try {
      KeyPairGenerator g;
      switch (algorithm) {
        case EdDSA -> {
          g = KeyPairGenerator.getInstance("Ed25519");
          g.initialize(255, random);
        }
        case ES256, ES512 -> {
          g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec(algorithm == JwsAlgorithm.ES256 ? "secp256r1"
              : "secp521r1"), random);
        }
        default -> {
          g = KeyPairGenerator.getInstance("RSA");
          g.initialize(3072, random);
        }
      }
      return of(algorithm, g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
    }
  }

  /**
   * A key from a JWK (RFC 7517); with {@code d} it can sign. Its id is the JWK's {@code kid},
   * or the thumbprint when it has none.
   *
   * @param algorithm the algorithm the key must be for
   * @param jwk the members
   * @return the key
   */
  public static SigningKey fromJwk(JwsAlgorithm algorithm, Map<String, ?> jwk) {
    PublicKey pub = Jwk.publicKey(algorithm, jwk);
    PrivateKey priv = jwk.containsKey("d") ? Jwk.privateKey(algorithm, jwk) : null;
    Object kid = jwk.get("kid");
    return new SigningKey(kid instanceof String s ? s : Jwk.thumbprint(jwk), algorithm, pub, priv);
  }

  /**
   * A private key and its certificate from a key store (PKCS#12 or a KMS-backed store).
   *
   * @param store the loaded store
   * @param alias the entry
   * @param password the entry's password
   * @param algorithm the algorithm the key is for
   * @return the key, its id the thumbprint of its public key
   * @throws IllegalArgumentException when the entry is missing or not a private key
   */
  public static SigningKey fromKeyStore(KeyStore store, String alias, char[] password,
      JwsAlgorithm algorithm) {
    try {
      Key key = store.getKey(alias, password);
      Certificate cert = store.getCertificate(alias);
      if (!(key instanceof PrivateKey priv) || cert == null) {
        throw new IllegalArgumentException("key store entry " + alias + " is not a private key with a certificate");
      }
      return of(algorithm, new KeyPair(cert.getPublicKey(), priv));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read key store entry " + alias + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The key id ({@code kid}).
   *
   * @return the id
   */
  public String kid() {
    return kid;
  }

  /**
   * The algorithm the key is pinned to.
   *
   * @return the algorithm
   */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The public key.
   *
   * @return the key
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Whether this key holds a private key and so can sign.
   *
   * @return whether it can sign
   */
  public boolean canSign() {
    return privateKey != null;
  }

  Optional<PrivateKey> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  /**
   * The public JWK of this key with kid, use and alg.
   *
   * @return the members
   */
  public Map<String, Object> publicJwk() {
    Map<String, Object> m = Jwk.publicMembers(algorithm, publicKey);
    m.put("kid", kid);
    m.put("use", "sig");
    m.put("alg", algorithm.name());
    return m;
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", alg=" + algorithm + (canSign() ? ", signing" : "") + "]";
  }
}
