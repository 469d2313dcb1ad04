package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access tokens whose signature and claims verified, so that a token presented again is not
 * verified cryptographically again. Keyed by the SHA-256 of the whole token (the heap holds no
 * token), each entry holds the verified claims, the key id that verified them and the token's
 * not-before; {@link AccessTokenVerifier} uses an entry only while its key is still in the ring
 * and the time lies within the token's validity, and still asks the deny-list on every request.
 * Bounded: past {@code capacity} entries the least recently used goes. Thread-safe.
 */
public final class VerifiedTokenCache {
  /** The default bound: a few thousand tokens, a few hundred bytes each. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final int capacity;
  private final Map<Key, Entry> entries;

  /**
   * What a verification established.
   *
   * @param claims the verified claims
   * @param kid the key that verified the signature
   * @param notBefore the token's {@code nbf} (or {@code iat}), in epoch seconds
   */
  record Entry(AccessToken claims, String kid, long notBefore) {
  }

  /** A SHA-256 digest, compared in constant time. */
  static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key d && MessageDigest.isEqual(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * A cache.
   *
   * @param capacity the most entries it holds (1 or more)
   */
  public VerifiedTokenCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be 1 or more");
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > VerifiedTokenCache.this.capacity;
      }
    };
  }

  /**
   * The number of entries held.
   *
   * @return it
   */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /**
   * The most entries held.
   *
   * @return it
   */
  public int capacity() {
    return capacity;
  }

  /** The key of a token: its SHA-256. */
  static Key key(String token) {
    try {
      return new Key(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }

  Entry get(Key key) {
    synchronized (entries) {
      return entries.get(key);
    }
  }

  void put(Key key, Entry entry) {
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  void remove(Key key) {
    synchronized (entries) {
      entries.remove(key);
    }
  }

  @Override
  public String toString() {
    return "VerifiedTokenCache[size=" + size() + ", capacity=" + capacity + "]";
  }
}
