package io.github.authspec.support.token;

import io.github.authspec.support.token.TokenException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies access tokens of one issuer (RFC 8725, RFC 9068 §4): the header may hold only alg,
 * typ and kid; alg must be the ring's pinned algorithm (so "none", HMAC key confusion and other
 * curves are refused before any key is touched); typ must be at+jwt; the key is looked up by kid
 * in the issuer's own ring, never from the token; then signature, iss, aud, exp, nbf and iat
 * (with the configured skew), and the deny-list.
 *
 * <p>A token that verified is remembered in a bounded {@link VerifiedTokenCache} (by its SHA-256,
 * never the token itself): presented again while its key is in the ring and before its
 * {@code exp}, it is not verified cryptographically again. The deny-list is asked on every call,
 * cached or not, so a token revoked a moment ago is refused at once.
 */
public final class AccessTokenVerifier {
  private static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");

  private final KeyRing keys;
  private final AccessTokenSettings settings;
  private final Clock clock;
  private final RevocationCheck revocations;
  private final VerifiedTokenCache cache;

  /**
   * Whether a token id or grant has been revoked before the token expired.
   */
  @FunctionalInterface
  public interface RevocationCheck {
    /** Nothing is ever revoked. */
    RevocationCheck NONE = (jti, grantId) -> false;

    /**
     * Whether the token is denied.
     *
     * @param jti the token id
     * @param grantId the token's refresh-token family, if any
     * @return whether it is revoked
     */
    boolean isRevoked(String jti, Optional<String> grantId);
  }

  /**
   * A verifier that remembers up to {@link VerifiedTokenCache#DEFAULT_CAPACITY} verified tokens.
   *
   * @param keys the issuer's key ring
   * @param settings issuer, audience, skew
   * @param clock the clock
   * @param revocations the deny-list ({@link RevocationCheck#NONE} for none)
   */
  public AccessTokenVerifier(KeyRing keys, AccessTokenSettings settings, Clock clock,
      RevocationCheck revocations) {
    this(keys, settings, clock, revocations,
        Optional.of(new VerifiedTokenCache(VerifiedTokenCache.DEFAULT_CAPACITY)));
  }

  /**
   * The same verifier over another cache of verified tokens.
   *
   * @param cache the verified tokens to remember, or empty to verify every token in full
   * @return the verifier
   */
  public AccessTokenVerifier withCache(Optional<VerifiedTokenCache> cache) {
    return new AccessTokenVerifier(keys, settings, clock, revocations, cache);
  }

  private AccessTokenVerifier(KeyRing keys, AccessTokenSettings settings, Clock clock,
      RevocationCheck revocations, Optional<VerifiedTokenCache> cache) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    this.revocations = revocations;
    this.cache = cache.orElse(null);
  }

  /**
   * The user of a token that verifies now.
   *
   * @param token the compact JWS
   * @param idType the type of the users' ids ({@code Long}, {@code Integer}, {@code Short},
   *     {@code UUID} or {@code String})
   * @param <T> that type
   * @return its subject as a user id; empty when the token is refused or the subject is no id
   */
  public <T> Optional<T> userId(String token, Class<T> idType) {
    try {
      return Optional.of(parseUserId(verify(token).subject(), idType));
    } catch (TokenException | IllegalArgumentException e) {
      // refused (the reason is in e), or a subject that is not a user id
      return Optional.empty();
    }
  }

  /**
   * The scopes of a token that verifies now.
   *
   * @param token the compact JWS
   * @return its scope claim; empty for a token that does not verify
   */
  public Set<String> scopesOf(String token) {
    try {
      return verify(token).scopes();
    } catch (TokenException e) {
      return Set.of();
    }
  }

  /**
   * A subject ({@code sub}) as a user id.
   *
   * @param subject the subject
   * @param idType {@code Long}, {@code Integer}, {@code Short}, {@code UUID} or {@code String}
   * @param <T> that type
   * @return the id
   * @throws IllegalArgumentException when the subject is not such an id, or for another type
   */
  public static <T> T parseUserId(String subject, Class<T> idType) {
    Object id;
    if (idType == Long.class) {
      id = Long.valueOf(subject);
    } else if (idType == Integer.class) {
      id = Integer.valueOf(subject);
    } else if (idType == Short.class) {
      id = Short.valueOf(subject);
    } else if (idType == UUID.class) {
      id = UUID.fromString(subject);
    } else if (idType == String.class) {
      id = subject;
    } else {
      throw new IllegalArgumentException("no user id of type " + idType.getName());
    }
    return idType.cast(id);
  }

  /**
   * Verifies a token.
   *
   * @param token the compact JWS
   * @return its claims
   * @throws TokenException with the first reason it fails
   */
  public AccessToken verify(String token) {
    VerifiedTokenCache.Key key = cache == null ? null : VerifiedTokenCache.key(token);
    VerifiedTokenCache.Entry entry = key == null ? null : cached(key);
    boolean fresh = entry == null;
    if (fresh) {
      entry = verifyInFull(token);
    }
    AccessToken access = entry.claims();
    if (revocations.isRevoked(access.jti(), access.grantId())) {
      throw new TokenException(Reason.REVOKED);
    }
    if (fresh && key != null) {
      cache.put(key, entry);
    }
    return access;
  }

  /**
   * The cached verification of a token, if its key is still in the ring and now lies within
   * its validity: strictly before {@code exp} (the skew after it is left to a full verification,
   * which refuses once it is over) and no earlier than its not-before less the skew.
   */
  private VerifiedTokenCache.Entry cached(VerifiedTokenCache.Key key) {
    VerifiedTokenCache.Entry entry = cache.get(key);
    if (entry == null) {
      return null;
    }
    long now = clock.instant().getEpochSecond();
    if (now >= entry.claims().expiresAt().getEpochSecond()) {
      cache.remove(key);
      return null;
    }
    boolean usable = entry.notBefore() <= now + settings.skew().getSeconds()
        && keys.verificationKey(entry.kid()).isPresent();
    return usable ? entry : null;
  }

  private VerifiedTokenCache.Entry verifyInFull(String token) {
    Jws.Parsed jws = Jws.parse(token);
    Map<String, Object> header = jws.header();
    if (!keys.algorithm().name().equals(header.get("alg"))) {
      throw new TokenException(Reason.ALGORITHM);
    }
    if (!HEADER_MEMBERS.containsAll(header.keySet())) {
      throw new TokenException(Reason.HEADER);
    }
    if (!(header.get("typ") instanceof String typ)
        || !Set.of("at+jwt", "application/at+jwt").contains(typ.toLowerCase(Locale.ROOT))) {
      throw new TokenException(Reason.TYPE);
    }
    if (!(header.get("kid") instanceof String kid)) {
      throw new TokenException(Reason.UNKNOWN_KEY);
    }
    SigningKey key = keys.verificationKey(kid)
        .orElseThrow(() -> new TokenException(Reason.UNKNOWN_KEY));
    Jws.verify(jws, key);
    Map<String, Object> claims;
    try {
      claims = Json.parseObject(Jws.utf8(jws.payload()));
    } catch (IllegalArgumentException e) {
      throw new TokenException(Reason.MALFORMED);
    }
    return checkClaims(claims, kid);
  }

  private VerifiedTokenCache.Entry checkClaims(Map<String, Object> claims, String kid) {
    String iss = string(claims, "iss");
    if (!settings.issuer().equals(iss)) {
      throw new TokenException(Reason.ISSUER);
    }
    List<String> aud = audience(claims.get("aud"));
    if (!aud.contains(settings.audience())) {
      throw new TokenException(Reason.AUDIENCE);
    }
    Instant now = clock.instant();
    long skew = settings.skew().getSeconds();
    long exp = number(claims, "exp");
    long iat = number(claims, "iat");
    if (now.getEpochSecond() - skew >= exp) {
      throw new TokenException(Reason.EXPIRED);
    }
    Object nbf = claims.get("nbf");
    if (nbf != null && !(nbf instanceof Long)) {
      throw new TokenException(Reason.MALFORMED);
    }
    long notBefore = nbf == null ? iat : Math.max(iat, (Long) nbf);
    if (notBefore > now.getEpochSecond() + skew) {
      throw new TokenException(Reason.NOT_YET_VALID);
    }
    String sub = string(claims, "sub");
    String jti = string(claims, "jti");
    Optional<String> clientId = optionalString(claims, "client_id");
    Optional<String> grantId = optionalString(claims, "fid");
    Set<String> scopes = new LinkedHashSet<>();
    optionalString(claims, "scope").ifPresent(s -> Arrays.stream(s.split(" "))
        .filter(x -> !x.isEmpty()).forEach(scopes::add));
    return new VerifiedTokenCache.Entry(new AccessToken(sub, iss, List.copyOf(aud), clientId,
        Set.copyOf(scopes), jti, grantId, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp)),
        kid, notBefore);
  }

  private static List<String> audience(Object aud) {
    if (aud instanceof String s) {
      return List.of(s);
    }
    if (aud instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw new TokenException(Reason.MALFORMED);
        }
        out.add(s);
      }
      return out;
    }
    throw new TokenException(aud == null ? Reason.MISSING_CLAIM : Reason.MALFORMED);
  }

  private static String string(Map<String, Object> claims, String name) {
    Object v = claims.get(name);
    if (v == null) {
      throw new TokenException(Reason.MISSING_CLAIM);
    }
    if (!(v instanceof String s)) {
      throw new TokenException(Reason.MALFORMED);
    }
    return s;
  }

  private static Optional<String> optionalString(Map<String, Object> claims, String name) {
    return claims.get(name) == null ? Optional.empty() : Optional.of(string(claims, name));
  }

  private static long number(Map<String, Object> claims, String name) {
    Object v = claims.get(name);
    if (v == null) {
      throw new TokenException(Reason.MISSING_CLAIM);
    }
    if (!(v instanceof Long l)) {
      throw new TokenException(Reason.MALFORMED);
    }
    return l;
  }
}
