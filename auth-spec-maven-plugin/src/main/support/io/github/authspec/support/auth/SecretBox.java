package io.github.authspec.support.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be recoverable (TOTP seeds) with AES-256-GCM under a key the
 * application holds outside the database, so a database dump alone does not reveal them. The
 * stored text is {@code v1:<base64(12-byte nonce | ciphertext | tag)>}; the associated data binds
 * a ciphertext to its row (e.g. the user id), so one user's secret cannot be copied to another.
 */
public final class SecretBox {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random;

  /**
   * A box under a 32-byte key.
   *
   * @param key the AES-256 key (e.g. from a secrets manager)
   * @param random the nonce source
   */
  public SecretBox(byte[] key, SecureRandom random) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.random = random;
  }

  /**
   * Encrypts.
   *
   * @param plaintext the secret
   * @param context associated data that must match on opening (e.g. the user id)
   * @return the stored form
   */
  public String seal(byte[] plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, context);
    return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length
        + sealed.length).put(nonce).put(sealed).array());
  }

  /**
   * Decrypts.
   *
   * @param stored what {@link #seal} returned
   * @param context the associated data given to {@link #seal}
   * @return the secret
   * @throws IllegalArgumentException when the text was not sealed by this key and context
   */
  public byte[] open(String stored, String context) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
    byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return crypt(Cipher.DECRYPT_MODE, nonce, body, context);
  }

  private byte[] crypt(int mode, byte[] nonce, byte[] input, String context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("the sealed secret does not open with this key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[AES-256-GCM, key=***]";
  }
}
