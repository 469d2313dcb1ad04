package io.github.authspec.support.auth;

import java.util.List;

/**
 * A credential operation refused for a stated reason ({@code password-policy}, {@code
 * email-taken}, {@code invalid-email}, {@code invalid-credentials}, {@code concurrent-change}).
 * The message names the reason and the rules broken, never the password. Nothing was written.
 */
public final class CredentialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The password breaks the policy; {@link #violations()} says how. */
  public static final String POLICY = "password-policy";
  /** Another account has this email address. */
  public static final String EMAIL_TAKEN = "email-taken";
  /** The email address is not one. */
  public static final String INVALID_EMAIL = "invalid-email";
  /** The current password (or the account) did not verify. */
  public static final String INVALID_CREDENTIALS = "invalid-credentials";
  /** The password changed meanwhile; try again. */
  public static final String CONCURRENT_CHANGE = "concurrent-change";

  private final String reason;
  private final List<String> violations;

  /**
   * A refusal.
   *
   * @param reason one of the constants
   * @param violations the policy rules broken, or none
   */
  public CredentialException(String reason, List<String> violations) {
    super(violations.isEmpty() ? reason : reason + ": " + String.join("; ", violations), null,
        false, false);
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  /**
   * Why.
   *
   * @return one of the constants
   */
  public String reason() {
    return reason;
  }

  /**
   * The policy rules broken.
   *
   * @return the rules, for the user
   */
  public List<String> violations() {
    return violations;
  }
}
