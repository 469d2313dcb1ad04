package io.github.authspec.support.spring;

import io.github.authspec.support.token.KeyRing;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys that verify this service's tokens, as a JWK set (RFC 7517) at
 * {@code GET /.well-known/jwks.json}: every key the ring publishes, the next one ahead of a
 * rotation and the previous ones until their tokens expire, so a verifier that caches it for
 * the five minutes it allows never meets an unknown {@code kid}. Public keys only; open like the
 * login. Abstract, as {@link LoginApi} is, so only a bean of a subclass serves it.
 */
@RestController
public abstract class JwksDocument {
  /** RFC 7517 §8.5. */
  static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

  private final KeyRing keys;

  /**
   * The document of a ring.
   *
   * @param keys the service's signing keys
   */
  protected JwksDocument(KeyRing keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * The published keys, read at each request so a rotation shows at once.
   *
   * @return the JWK set
   */
  @GetMapping(path = "/.well-known/jwks.json")
  public ResponseEntity<String> jwks() {
    return ResponseEntity.ok().contentType(JWK_SET)
        .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
        .body(keys.jwks());
  }

  @Override
  public String toString() {
    return "JwksDocument";
  }
}
