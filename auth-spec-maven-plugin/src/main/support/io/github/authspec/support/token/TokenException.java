package io.github.authspec.support.token;

/**
 * A token, code or key was refused. The message names the reason only: it never quotes the
 * token, a claim value or a key.
 */
public final class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** Not three base64url parts of JSON, too long, or a claim of the wrong type. */
    MALFORMED("the token is malformed"),
    /** The header's alg is not the pinned algorithm ("none", HMAC, another curve). */
    ALGORITHM("the token's algorithm is not the one this issuer uses"),
    /** The header has members other than alg, typ and kid (crit, jku, jwk, x5u, ...). */
    HEADER("the token's header has members this verifier does not accept"),
    /** The header's typ is not at+jwt (RFC 9068 §2.1). */
    TYPE("the token is not an access token (typ at+jwt)"),
    /** No published key has the token's kid. */
    UNKNOWN_KEY("the token's key id is not a published key"),
    /** The signature does not verify. */
    SIGNATURE("the token's signature does not verify"),
    /** The iss claim is not this issuer. */
    ISSUER("the token's issuer is not this issuer"),
    /** The aud claim does not name this audience. */
    AUDIENCE("the token is not meant for this audience"),
    /** Past exp plus the allowed skew. */
    EXPIRED("the token has expired"),
    /** Before nbf (or iat) minus the allowed skew. */
    NOT_YET_VALID("the token is not valid yet"),
    /** A required claim is missing. */
    MISSING_CLAIM("the token lacks a required claim"),
    /** Its jti or its grant is on the deny-list. */
    REVOKED("the token has been revoked");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /**
     * The fixed message of this reason.
     *
     * @return the message
     */
    public String message() {
      return message;
    }
  }

  private final Reason reason;

  /**
   * A refusal.
   *
   * @param reason why
   */
  public TokenException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  /**
   * Why the token was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
