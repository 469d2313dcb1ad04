package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Rotation of the access-token signing keys of a {@link KeyRing}: {@link #rotate} makes the
 * published next key (from the application's key store) active, or a fresh in-memory key of the
 * pinned algorithm when none is published; the previous key keeps verifying for the overlap
 * (token lifetime plus skew), then lapses. No key material is stored or written anywhere.
 */
public final class KeyRotation {
  /** The one purpose rotated here. */
  public static final String PURPOSE = "signing";

  private final KeyRing keys;
  private final Duration overlap;
  private final SecureRandom random;

  /**
   * Rotation of a ring.
   *
   * @param keys the ring the token classes sign and verify with
   * @param overlap how long a replaced key keeps verifying
   *     ({@link AccessTokenSettings#keyOverlap()})
   * @param random randomness for fresh keys
   */
  public KeyRotation(KeyRing keys, Duration overlap, SecureRandom random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.overlap = Objects.requireNonNull(overlap, "overlap");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Rotates the signing key.
   *
   * @param purpose must be {@value #PURPOSE}
   * @return the id of the new active key
   * @throws IllegalArgumentException for another purpose
   */
  public String rotate(String purpose) {
    if (!PURPOSE.equals(purpose)) {
      throw new IllegalArgumentException(
          "only the signing keys rotate here: purpose must be \"signing\"");
    }
    if (keys.published().stream().anyMatch(e -> e.state() == KeyRing.State.NEXT)) {
      return keys.rotateToNext(overlap);
    }
    SigningKey next = SigningKey.generate(keys.algorithm(), random);
    keys.rotate(next, overlap);
    return next.kid();
  }

  /**
   * The ids of the published keys.
   *
   * @return every key of the ring's JWK set, in its order
   */
  public List<String> publishedKeyIds() {
    return keys.published().stream().map(e -> e.key().kid()).toList();
  }

  /**
   * Retires a key that no longer signs.
   *
   * @param keyId the key's id
   * @throws IllegalArgumentException for the active key (rotate first)
   */
  public void retire(String keyId) {
    if (keys.active().kid().equals(keyId)) {
      throw new IllegalArgumentException("the active key signs: rotate before retiring it");
    }
    keys.retire(keyId);
  }
}
