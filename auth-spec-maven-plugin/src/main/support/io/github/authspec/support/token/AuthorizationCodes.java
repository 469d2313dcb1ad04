package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * OAuth authorization codes with PKCE (RFC 6749 §4.1, RFC 7636, RFC 9700 §2.1.1, §4.8.2): every
 * code needs an S256 challenge (plain only when configured), lives 60 seconds by default, is
 * stored as its SHA-256, and is consumed exactly once through {@link SingleUseSecrets}. The code
 * is consumed before the verifier is checked, so a wrong verifier burns it: no guessing.
 */
public final class AuthorizationCodes {
  /** Default code lifetime: 60 seconds. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

  /**
   * Where codes live.
   *
   * @param table the table
   * @param code the code's digest
   * @param clientId the client
   * @param userId the user
   * @param redirectUri the redirect URI the code was issued for
   * @param scope the granted scope
   * @param challenge the PKCE challenge
   * @param challengeMethod the PKCE method
   * @param expiresAt expiry
   * @param usedAt the single-use marker
   */
  public record Table(String table, String code, String clientId, String userId,
      String redirectUri, String scope, String challenge, String challengeMethod,
      String expiresAt, String usedAt) {
    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code oauth_authorization_codes}
     */
    public static Table conventional() {
      return new Table("oauth_authorization_codes", "code", "client_id", "user_id",
          "redirect_uri", "scope", "code_challenge", "code_challenge_method", "expires_at",
          "used_at");
    }
  }

  /** What a redemption did. */
  public enum Outcome {
    /** The code was valid and is now spent. */
    GRANTED,
    /** Unknown, expired or already used (a concurrent redeemer won). */
    INVALID_CODE,
    /** Issued to another client. */
    CLIENT_MISMATCH,
    /** Issued for another redirect URI. */
    REDIRECT_MISMATCH,
    /** The PKCE check failed; see the PKCE result. */
    PKCE_FAILED
  }

  /**
   * The result of a redemption.
   *
   * @param outcome what happened
   * @param userId the user, for {@link Outcome#GRANTED}
   * @param scope the granted scope, for {@link Outcome#GRANTED}
   * @param pkce the PKCE result, when it was checked
   */
  public record Redemption(Outcome outcome, Optional<Object> userId, Optional<String> scope,
      Optional<Pkce.Result> pkce) {
  }

  private final Table table;
  private final SingleUseSecrets codes;
  private final Pkce pkce;
  private final Duration ttl;

  /**
   * A store with the default lifetime, S256 only.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   */
  public AuthorizationCodes(DataSource dataSource, Table table, Clock clock, SecureRandom random) {
    this(dataSource, table, clock, random, DEFAULT_TTL, new Pkce(false));
  }

  /**
   * A store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   * @param ttl code lifetime (at most 10 minutes, RFC 6749 §4.1.2)
   * @param pkce the PKCE policy
   */
  public AuthorizationCodes(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration ttl, Pkce pkce) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("code lifetime must be between 0 and 10 minutes");
    }
    this.table = table;
    this.pkce = pkce;
    this.ttl = ttl;
    this.codes = new SingleUseSecrets(dataSource, SingleUseSecrets.Table.singleUse(table.table(),
        table.code(), table.expiresAt(), table.usedAt(), List.of(table.clientId(), table.userId(),
            table.redirectUri(), table.scope(), table.challenge(), table.challengeMethod())),
        clock, random);
  }

  /**
   * Issues a code for an authorization the user approved.
   *
   * @param clientId the client
   * @param userId the user
   * @param redirectUri the redirect URI of the request
   * @param scope the granted scope
   * @param challenge the request's code_challenge
   * @param method the request's code_challenge_method (absent means plain)
   * @return the code to send in the redirect
   * @throws IllegalArgumentException when the challenge is malformed or the method refused
   */
  public SingleUseSecrets.Issued issue(String clientId, Object userId, String redirectUri,
      String scope, String challenge, Optional<String> method) {
    Optional<Pkce.Method> m = pkce.allowed(method);
    if (m.isEmpty()) {
      throw new IllegalArgumentException("code_challenge_method not allowed (only S256)");
    }
    if (!Pkce.wellFormed(challenge)) {
      throw new IllegalArgumentException("code_challenge must be 43 to 128 unreserved characters");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(table.clientId(), clientId);
    row.put(table.userId(), userId);
    row.put(table.redirectUri(), redirectUri);
    row.put(table.scope(), scope);
    row.put(table.challenge(), challenge);
    row.put(table.challengeMethod(), m.get().name());
    return codes.issue(ttl, row);
  }

  /**
   * Redeems a code at the token endpoint: consumes it (once), then checks client, redirect URI
   * and the PKCE verifier.
   *
   * @param code the presented code
   * @param clientId the authenticated client
   * @param redirectUri the token request's redirect_uri
   * @param verifier the code_verifier
   * @return the result
   */
  public Redemption redeem(String code, String clientId, String redirectUri,
      Optional<String> verifier) {
    Optional<Map<String, Object>> row = codes.consume(code);
    if (row.isEmpty()) {
      return new Redemption(Outcome.INVALID_CODE, Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    Map<String, Object> r = row.get();
    if (!clientId.equals(r.get(table.clientId()))) {
      return new Redemption(Outcome.CLIENT_MISMATCH, Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    if (!redirectUri.equals(r.get(table.redirectUri()))) {
      return new Redemption(Outcome.REDIRECT_MISMATCH, Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    Pkce.Result result = pkce.verify(verifier,
        Optional.ofNullable((String) r.get(table.challenge())),
        Optional.ofNullable((String) r.get(table.challengeMethod())));
    if (result != Pkce.Result.VALID) {
      return new Redemption(Outcome.PKCE_FAILED, Optional.empty(), Optional.empty(),
          Optional.of(result));
    }
    return new Redemption(Outcome.GRANTED, Optional.ofNullable(r.get(table.userId())),
        Optional.ofNullable((String) r.get(table.scope())), Optional.of(result));
  }
}
