package io.github.authspec.support.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The issuer's keys, all pinned to one algorithm (RFC 8725 §3.1): one active key that signs,
 * optionally a next key already published (so caches fetch it before it signs), and previous
 * keys kept for verification until the last token they signed has expired. Rotation swaps an
 * immutable snapshot atomically, so a verifier never sees a half-rotated ring.
 */
public final class KeyRing {
  /** A key's place in the ring. */
  public enum State {
    /** Signs new tokens, and verifies. */
    ACTIVE,
    /** Published and verifies; signs after the next rotation. */
    NEXT,
    /** Verifies tokens it signed until its {@code verifyUntil}. */
    PREVIOUS
  }

  /**
   * One key and its state.
   *
   * @param key the key
   * @param state its state
   * @param verifyUntil for a previous key, when it stops verifying; otherwise null
   */
  public record Entry(SigningKey key, State state, Instant verifyUntil) {
  }

  private final JwsAlgorithm algorithm;
  private final Clock clock;
  private final AtomicReference<List<Entry>> entries;

  /**
   * A ring with one active key.
   *
   * @param active the signing key (must hold a private key)
   * @param clock the clock that decides when previous keys lapse
   */
  public KeyRing(SigningKey active, Clock clock) {
    if (!active.canSign()) {
      throw new IllegalArgumentException("the active key " + active.kid() + " has no private key");
    }
    this.algorithm = active.algorithm();
    this.clock = clock;
    this.entries = new AtomicReference<>(List.of(new Entry(active, State.ACTIVE, null)));
  }

  /**
   * The one algorithm every key of the ring uses; verification accepts no other.
   *
   * @return the algorithm
   */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * The active key.
   *
   * @return the key that signs
   */
  public SigningKey active() {
    return entries.get().stream().filter(e -> e.state() == State.ACTIVE).findFirst()
        .orElseThrow().key();
  }

  /**
   * Publishes the key that will sign after the next {@link #rotate}.
   *
   * @param next the key (with its private key)
   */
  public void publishNext(SigningKey next) {
    check(next);
    entries.updateAndGet(list -> {
      List<Entry> out = new ArrayList<>();
      for (Entry e : list) {
        if (e.state() != State.NEXT && !e.key().kid().equals(next.kid())) {
          out.add(e);
        }
      }
      out.add(new Entry(next, State.NEXT, null));
      return List.copyOf(out);
    });
  }

  /**
   * Makes {@code next} the signing key. The previous active key keeps verifying for
   * {@code keepPrevious} (the longest token lifetime plus the clock skew), then lapses.
   *
   * @param next the new signing key
   * @param keepPrevious how long the old key still verifies
   */
  public void rotate(SigningKey next, Duration keepPrevious) {
    check(next);
    Instant until = clock.instant().plus(keepPrevious);
    entries.updateAndGet(list -> {
      List<Entry> out = new ArrayList<>();
      out.add(new Entry(next, State.ACTIVE, null));
      for (Entry e : list) {
        if (e.key().kid().equals(next.kid())) {
          continue;
        }
        out.add(e.state() == State.ACTIVE ? new Entry(e.key(), State.PREVIOUS, until) : e);
      }
      return List.copyOf(out);
    });
  }

  /**
   * Rotates to the published next key.
   *
   * @param keepPrevious how long the old key still verifies
   * @return the new active key's id
   * @throws IllegalStateException when no next key is published
   */
  public String rotateToNext(Duration keepPrevious) {
    SigningKey next = entries.get().stream().filter(e -> e.state() == State.NEXT).findFirst()
        .orElseThrow(() -> new IllegalStateException("no next key is published")).key();
    rotate(next, keepPrevious);
    return next.kid();
  }

  /**
   * Drops a previous key at once (it was compromised, or its tokens are all gone).
   *
   * @param kid the key id
   */
  public void retire(String kid) {
    entries.updateAndGet(list -> List.copyOf(list.stream()
        .filter(e -> e.state() == State.ACTIVE || !e.key().kid().equals(kid)).toList()));
  }

  /**
   * The key that verifies a token with this {@code kid} now, if any.
   *
   * @param kid the token's key id
   * @return the key
   */
  public Optional<SigningKey> verificationKey(String kid) {
    Instant now = clock.instant();
    return live(now).stream().filter(e -> e.key().kid().equals(kid)).map(Entry::key).findFirst();
  }

  /**
   * The keys published now (active, next, previous not yet lapsed).
   *
   * @return the entries
   */
  public List<Entry> published() {
    return live(clock.instant());
  }

  /**
   * The JWK set document (RFC 7517 §5) of the published public keys.
   *
   * @return its JSON
   */
  public String jwks() {
    List<Object> keys = new ArrayList<>();
    for (Entry e : published()) {
      keys.add(e.key().publicJwk());
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("keys", keys);
    return Json.write(doc);
  }

  private List<Entry> live(Instant now) {
    return entries.get().stream()
        .filter(e -> e.verifyUntil() == null || now.isBefore(e.verifyUntil())).toList();
  }

  private void check(SigningKey key) {
    if (key.algorithm() != algorithm) {
      throw new IllegalArgumentException("the ring is pinned to " + algorithm + ", not "
          + key.algorithm());
    }
    if (!key.canSign()) {
      throw new IllegalArgumentException("key " + key.kid() + " has no private key");
    }
  }

  @Override
  public String toString() {
    return "KeyRing[" + algorithm + ", " + entries.get().stream()
        .map(e -> e.key().kid() + ":" + e.state()).toList() + "]";
  }
}
