package io.github.authspec.support.token;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;

/**
 * JWS compact serialization (RFC 7515 §3.1, §5): signing input, signing and the signature check
 * against one pinned algorithm. Claims checks live in {@link AccessTokenVerifier}.
 */
public final class Jws {
  /** Longest compact JWS accepted (RFC 8725 §3.x: bound the work an attacker can cause). */
  public static final int MAX_LENGTH = 8192;

  /**
   * A compact JWS split into its parts.
   *
   * @param header the protected header's members
   * @param payload the payload bytes
   * @param signingInput ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
   * @param signature the signature bytes
   */
  public record Parsed(Map<String, Object> header, byte[] payload, byte[] signingInput,
      byte[] signature) {
    @Override
    public String toString() {
      return "Jws.Parsed[header=" + header.keySet() + "]";
    }
  }

  private Jws() {
  }

  /**
   * Signs: BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature).
   *
   * @param headerJson the protected header, as its exact JSON bytes
   * @param payload the payload bytes
   * @param algorithm the algorithm
   * @param key the private key
   * @return the compact JWS
   */
  public static String sign(byte[] headerJson, byte[] payload, JwsAlgorithm algorithm,
      PrivateKey key) {
    String input = Secrets.base64Url(headerJson) + "." + Secrets.base64Url(payload);
    byte[] sig = algorithm.sign(key, input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Secrets.base64Url(sig);
  }

  /**
   * Splits a compact JWS; it does not verify anything but the form.
   *
   * @param compact the token
   * @return its parts
   * @throws TokenException MALFORMED when it is not three base64url parts with a JSON header
   */
  public static Parsed parse(String compact) {
    if (compact == null || compact.length() > MAX_LENGTH) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first <= 0 || second < 0 || compact.indexOf('.', second + 1) >= 0
        || second == compact.length() - 1) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    try {
      byte[] header = Secrets.fromBase64Url(compact.substring(0, first));
      byte[] payload = Secrets.fromBase64Url(compact.substring(first + 1, second));
      byte[] signature = Secrets.fromBase64Url(compact.substring(second + 1));
      Map<String, Object> members = Json.parseObject(utf8(header));
      return new Parsed(members, payload,
          compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
    } catch (IllegalArgumentException e) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
  }

  /**
   * Decodes UTF-8, refusing malformed bytes: the JDK's String constructor would read them as
   * U+FFFD, so two different headers or payloads could read alike (RFC 7515 §5.2, RFC 8259 §8.1).
   *
   * @param bytes the bytes
   * @return the text
   * @throws IllegalArgumentException when the bytes are not UTF-8
   */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }

  /**
   * Checks the header's alg against the pinned algorithm, then the signature with the key.
   *
   * @param jws the parsed token
   * @param key the verification key (its algorithm is the pinned one)
   * @throws TokenException ALGORITHM or SIGNATURE
   */
  public static void verify(Parsed jws, SigningKey key) {
    if (!key.algorithm().name().equals(jws.header().get("alg"))) {
      throw new TokenException(TokenException.Reason.ALGORITHM);
    }
    if (!key.algorithm().verify(key.publicKey(), jws.signingInput(), jws.signature())) {
      throw new TokenException(TokenException.Reason.SIGNATURE);
    }
  }
}
