package io.github.authspec.support.auth;

import java.time.Duration;
import java.util.List;

/**
 * How a step of a login ended, for a controller to map to a response. Every refusal is the one
 * {@link Refused} value, whatever the reason (unknown account, wrong password or code, locked,
 * suspended, deleted, unapproved, a used, expired or foreign challenge), so no answer tells them
 * apart; the reason goes to the login history only. No outcome's {@code toString} shows a
 * secret.
 */
public sealed interface LoginOutcome {
  /** The one refusal. */
  LoginOutcome REFUSED = new Refused();

  /**
   * The outcome's kind, for responses and metrics: {@code signed-in},
   * {@code second-factor-required}, {@code refused} and so on; never anything of the account.
   *
   * @return the kind
   */
  default String kind() {
    return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Every step done: the credentials the service issues.
   *
   * @param userId the account
   * @param session the session handle, or null when the service keeps no sessions
   * @param refreshToken the refresh token, or null when the service issues none
   * @param accessToken the access token (RFC 9068), or null when the service signs none
   */
  record SignedIn(Object userId, String session, String refreshToken,
      LoginSteps.Access accessToken) implements LoginOutcome {
    /**
     * Credentials without an access token.
     *
     * @param userId the account
     * @param session the session handle, or null
     * @param refreshToken the refresh token, or null
     */
    public SignedIn(Object userId, String session, String refreshToken) {
      this(userId, session, refreshToken, null);
    }

    @Override
    public String toString() {
      return "SignedIn[session=" + shown(session) + ", refreshToken=" + shown(refreshToken)
          + ", accessToken=" + shown(accessToken) + "]";
    }

    private static String shown(Object secret) {
      return secret == null ? "none" : "<redacted>";
    }
  }

  /**
   * The password was right; a code (TOTP or backup) completes the login.
   *
   * @param challenge what the client presents with the code
   */
  record SecondFactorRequired(String challenge) implements LoginOutcome {
    @Override
    public String toString() {
      return "SecondFactorRequired[challenge=<redacted>]";
    }
  }

  /**
   * The password was right, the account has no second factor and its grace period is over: a
   * TOTP seed was made for it, and a code from it completes the enrolment and the login.
   *
   * @param challenge what the client presents with the first code
   * @param uri the {@code otpauth://} URI of the seed, to show once as a QR code
   */
  record EnrolmentRequired(String challenge, String uri) implements LoginOutcome {
    @Override
    public String toString() {
      return "EnrolmentRequired[challenge=<redacted>, uri=<redacted>]";
    }
  }

  /**
   * Every factor was proved; the password must be changed before any credential is issued.
   *
   * @param challenge what the client presents with the current and the new password
   */
  record PasswordChangeRequired(String challenge) implements LoginOutcome {
    @Override
    public String toString() {
      return "PasswordChangeRequired[challenge=<redacted>]";
    }
  }

  /**
   * The new password breaks the policy; the challenge stays usable.
   *
   * @param violations the broken rules
   */
  record PasswordRejected(List<String> violations) implements LoginOutcome {
    /** Copies the rules. */
    public PasswordRejected {
      violations = List.copyOf(violations);
    }
  }

  /**
   * Too many requests from the address or for the account; nothing was tried.
   *
   * @param retryAfter when to try again
   */
  record Limited(Duration retryAfter) implements LoginOutcome {
  }

  /** The one refusal ({@link #REFUSED}). */
  record Refused() implements LoginOutcome {
  }
}
