package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Proof Key for Code Exchange (RFC 7636). Only S256 is accepted unless {@code plain} is
 * explicitly allowed (RFC 9700 §2.1.1: S256 is the method that does not expose the verifier);
 * verifiers and challenges must be 43 to 128 characters of the unreserved alphabet (§4.1).
 */
public final class Pkce {
  /** The method names of RFC 7636 §4.2. */
  public enum Method {
    /** BASE64URL(SHA-256(ASCII(verifier))). */
    S256,
    /** The verifier itself; refused unless configured. */
    plain
  }

  /** The outcome of a check; only {@link #VALID} lets a code be redeemed. */
  public enum Result {
    /** The verifier matches the challenge. */
    VALID,
    /** The verifier is not 43 to 128 unreserved characters. */
    MALFORMED_VERIFIER,
    /** The method is unknown, or plain when plain is not allowed. */
    METHOD_NOT_ALLOWED,
    /** A verifier for a code issued without a challenge, or none for one with (RFC 9700 §4.8.2). */
    DOWNGRADE,
    /** No challenge was stored or no verifier sent: PKCE is required for every code. */
    MISSING,
    /** The verifier does not match. */
    MISMATCH
  }

  private final boolean allowPlain;

  /**
   * A checker.
   *
   * @param allowPlain whether {@code plain} is accepted (false unless clients cannot hash)
   */
  public Pkce(boolean allowPlain) {
    this.allowPlain = allowPlain;
  }

  /**
   * The S256 challenge of a verifier.
   *
   * @param verifier the verifier
   * @return BASE64URL(SHA-256(ASCII(verifier)))
   */
  public static String s256(String verifier) {
    return Secrets.base64Url(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Whether a string is a well-formed verifier or challenge: 43 to 128 of
   * {@code [A-Za-z0-9-._~]}.
   *
   * @param value the value
   * @return whether it is well formed
   */
  public static boolean wellFormed(String value) {
    if (value == null || value.length() < 43 || value.length() > 128) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a method may be used for a new authorization request.
   *
   * @param method the {@code code_challenge_method} (absent means plain, RFC 7636 §4.3)
   * @return the method, if it is allowed
   */
  public Optional<Method> allowed(Optional<String> method) {
    String m = method.orElse("plain");
    if (m.equals("S256")) {
      return Optional.of(Method.S256);
    }
    return m.equals("plain") && allowPlain ? Optional.of(Method.plain) : Optional.empty();
  }

  /**
   * Whether a verifier matches a challenge, each as a request carries it (null when absent).
   *
   * @param verifier the {@code code_verifier}
   * @param challenge the {@code code_challenge}
   * @param method the {@code code_challenge_method}
   * @return whether {@link #verify} finds it VALID
   */
  public boolean isValid(String verifier, String challenge, String method) {
    return verify(Optional.ofNullable(verifier), Optional.ofNullable(challenge),
        Optional.ofNullable(method)) == Result.VALID;
  }

  /**
   * Checks a verifier against the challenge stored with the code.
   *
   * @param verifier the {@code code_verifier} presented, if any
   * @param challenge the stored challenge, if the code was issued with one
   * @param method the stored method
   * @return the result
   */
  public Result verify(Optional<String> verifier, Optional<String> challenge,
      Optional<String> method) {
    if (challenge.isEmpty()) {
      return verifier.isPresent() ? Result.DOWNGRADE : Result.MISSING;
    }
    if (verifier.isEmpty()) {
      return Result.MISSING;
    }
    if (!wellFormed(verifier.get())) {
      return Result.MALFORMED_VERIFIER;
    }
    Optional<Method> m = allowed(method);
    if (m.isEmpty()) {
      return Result.METHOD_NOT_ALLOWED;
    }
    String expected = m.get() == Method.S256 ? s256(verifier.get()) : verifier.get();
    return Secrets.constantTimeEquals(expected, challenge.get()) ? Result.VALID : Result.MISMATCH;
  }
}
