package io.github.authspec.plugin.impl;

import static io.github.authspec.model.SqlType.BIGINT;
import static io.github.authspec.model.SqlType.BOOLEAN;
import static io.github.authspec.model.SqlType.TIMESTAMP;
import static io.github.authspec.plugin.impl.Role.ID;
import static io.github.authspec.plugin.impl.Role.COUNT;
import static io.github.authspec.plugin.impl.Role.STRING;

import io.github.authspec.model.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles of the account, password, MFA and abuse features, one factory per feature taking
 * its id from {@link Features}, in binding order, with their naming conventions. They are the
 * documented convention (docs/implementations.md): a spec that names its columns this way
 * binds without configuration.
 */
final class FeatureRoles {
  private FeatureRoles() {}

  static List<Role> emailPasswordLogin(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "email", "the sign-in email address", List.of("email", "email_address"),
            STRING),
        account(f, "passwordHash", "the password's PHC hash string",
            List.of("password_hash", "hashed_password", "password"), STRING),
        account(f, "hashAlgorithm", "the hash algorithm's name",
            List.of("hash_algorithm", "password_algorithm"), STRING).asOptional(),
        account(f, "passwordChangedAt", "when the password was last set",
            List.of("password_changed_at"), TIMESTAMP).asOptional());
  }

  static List<Role> passwordPolicies(String f) {
    List<String> policy = List.of("password_policies", "password_policy");
    return List.of(
        in(f, "minLength", "the minimum length", "policy", policy, List.of("min_length"), COUNT)
            .asOptional(),
        in(f, "maxLength", "the maximum length", "policy", policy, List.of("max_length"), COUNT)
            .asOptional(),
        in(f, "requireUppercase", "an upper-case letter rule", "policy", policy,
            List.of("require_uppercase"), BOOLEAN).asOptional(),
        in(f, "requireLowercase", "a lower-case letter rule", "policy", policy,
            List.of("require_lowercase"), BOOLEAN).asOptional(),
        in(f, "requireDigits", "a digit rule", "policy", policy,
            List.of("require_digits", "require_digit"), BOOLEAN).asOptional(),
        in(f, "requireSpecial", "a special-character rule", "policy", policy,
            List.of("require_special", "require_symbols"), BOOLEAN).asOptional());
  }

  static List<Role> passwordBlacklist(String f) {
    List<String> blocklist = List.of("blacklisted_passwords", "password_blacklist",
        "password_blocklist", "blocked_passwords");
    return List.of(
        in(f, "hash", "the SHA-1 hex of a blocked password (the Pwned Passwords format)",
            "blocklist", blocklist, List.of("password_hash", "hash", "sha1"), STRING),
        in(f, "source", "where the entry came from", "blocklist", blocklist,
            List.of("source"), STRING).asOptional());
  }

  static List<Role> passwordHistory(String f) {
    List<String> history = List.of("password_history", "password_histories");
    return List.of(
        in(f, "hash", "an earlier password's hash", "history", history,
            List.of("password_hash", "hash"), STRING),
        in(f, "user", "the owner's id", "history", history, List.of("user_id"), ID),
        in(f, "createdAt", "when it was set", "history", history,
            List.of("created_at", "changed_at"), TIMESTAMP));
  }

  static List<Role> passwordExpiration(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "expiresAt", "when the password expires", List.of("password_expires_at"),
            TIMESTAMP),
        account(f, "changedAt", "when the password was last set",
            List.of("password_changed_at"), TIMESTAMP).asOptional());
  }

  static List<Role> forcePasswordChange(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "required", "the must-change flag", List.of("force_password_change",
            "must_change_password", "password_change_required"), BOOLEAN));
  }

  static List<Role> accountLockout(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "failures", "the consecutive failed-attempt counter",
            List.of("failed_login_attempts", "failed_attempts", "failed_login_count"), COUNT),
        account(f, "lockedUntil", "the end of the current lock",
            List.of("lockout_until", "locked_until", "account_locked_until"), TIMESTAMP),
        account(f, "lockedAt", "when the lock began", List.of("locked_at"), TIMESTAMP)
            .asOptional());
  }

  static List<Role> failedLoginTracking(String f) {
    return attempts(f, "attempts", List.of("login_history", "login_attempts", "failed_logins"),
        false);
  }

  /** The columns of a sign-in attempt, with the user agent for a history users read. */
  private static List<Role> attempts(String f, String group, List<String> tables,
      boolean userAgent) {
    List<Role> roles = new ArrayList<>(List.of(
        in(f, "user", "the account's id", group, tables, List.of("user_id"), ID),
        in(f, "success", "whether the attempt succeeded", group, tables,
            List.of("success", "succeeded", "successful"), BOOLEAN),
        in(f, "at", "when it happened", group, tables,
            List.of("created_at", "attempted_at", "occurred_at"), TIMESTAMP),
        in(f, "ip", "the client address", group, tables, List.of("ip_address", "ip"), STRING)
            .asOptional()));
    if (userAgent) {
      roles.add(in(f, "userAgent", "the user agent", group, tables, List.of("user_agent"),
          STRING).asOptional());
    }
    roles.add(in(f, "failureCode", "the reason code of a failure", group, tables,
        List.of("failure_code", "failure_reason"), STRING).asOptional());
    return List.copyOf(roles);
  }

  static List<Role> bruteForceDetection(String f) {
    return List.of(
        Role.keys(f, "ipCounter", "a failure counter per client address", "brute_force:ip:",
            "bruteforce:ip:"),
        Role.keys(f, "userCounter", "a failure counter per account", "brute_force:user:",
            "bruteforce:user:").asOptional());
  }

  static List<Role> rateLimiting(String f) {
    return List.of(Role.keys(f, "counter",
        "a rate-limit bucket with one placeholder, e.g. rate_limit:ip:{ip}",
        "rate_limit:", "ratelimit:", "rate-limit:"));
  }

  static List<Role> totp(String f) {
    List<String> totp = List.of("totp_secrets", "user_totp");
    return List.of(
        in(f, "secret", "the encrypted seed (and a pending one while re-enrolling)", "factor", totp,
            List.of("secret", "secret_encrypted", "totp_secret", "seed"), STRING),
        in(f, "user", "the owner's id", "factor", totp, List.of("user_id"), ID),
        in(f, "lastUsed", "the last accepted time step (BIGINT step, or TIMESTAMP of its start)",
            "factor", totp, List.of("last_used_step", "last_step", "last_used_at"), BIGINT,
            TIMESTAMP),
        in(f, "enabled", "whether enrolment was confirmed", "factor", totp,
            List.of("enabled", "confirmed", "active"), BOOLEAN),
        in(f, "confirmedAt", "when enrolment was confirmed", "factor", totp,
            List.of("confirmed_at"), TIMESTAMP).asOptional());
  }

  static List<Role> backupCodes(String f) {
    List<String> codes = List.of("backup_codes", "recovery_codes", "mfa_backup_codes");
    return List.of(
        in(f, "hash", "the keyed hash of a code", "codes", codes, List.of("code_hash", "hash"),
            STRING),
        in(f, "user", "the owner's id", "codes", codes, List.of("user_id"), ID),
        in(f, "used", "whether the code was used", "codes", codes, List.of("used", "is_used"),
            BOOLEAN),
        in(f, "usedAt", "when it was used", "codes", codes, List.of("used_at"), TIMESTAMP)
            .asOptional());
  }

  static List<Role> hardwareTokens(String f) {
    List<String> tokens = List.of("hardware_tokens", "otp_tokens", "hotp_tokens");
    return List.of(
        in(f, "serial", "the token's serial number", "tokens", tokens,
            List.of("serial_number", "serial"), STRING),
        in(f, "user", "the owner's id", "tokens", tokens, List.of("user_id"), ID),
        in(f, "counter", "the next expected HOTP counter", "tokens", tokens,
            List.of("counter", "moving_factor"), COUNT),
        in(f, "type", "the token's kind (written as hotp)", "tokens", tokens,
            List.of("token_type", "type"), STRING).asOptional(),
        in(f, "lastUsedAt", "when a code last verified", "tokens", tokens,
            List.of("last_used_at"), TIMESTAMP).asOptional(),
        in(f, "revokedAt", "when the token was revoked", "tokens", tokens,
            List.of("revoked_at"), TIMESTAMP).asOptional());
  }

  static List<Role> mfaGracePeriod(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "graceUntil", "the end of the user's grace period",
            List.of("mfa_grace_until"), TIMESTAMP),
        account(f, "createdAt", "when the account was created", List.of("created_at"),
            TIMESTAMP).asOptional());
  }

  static List<Role> accountSuspension(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "suspendedAt", "when the suspension began", List.of("suspended_at"),
            TIMESTAMP),
        account(f, "suspendedUntil", "when the suspension lapses", List.of("suspended_until"),
            TIMESTAMP).asOptional(),
        account(f, "reason", "why it was suspended", List.of("suspension_reason"), STRING)
            .asOptional());
  }

  static List<Role> accountDeletion(String f) {
    return List.of(
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "deletedAt", "when deletion was requested", List.of("deleted_at"),
            TIMESTAMP),
        account(f, "reason", "why it is deleted", List.of("deletion_reason"), STRING)
            .asOptional());
  }

  /** The history's sign-ins, whose address and agent tell a new place from a known one. */
  static List<Role> loginNotifications(String f) {
    List<String> history = List.of("login_history", "login_attempts", "sign_ins");
    return List.of(
        in(f, "user", "the account's id", "history", history, List.of("user_id"), ID),
        in(f, "success", "whether the attempt succeeded", "history", history,
            List.of("success", "succeeded", "successful"), BOOLEAN),
        in(f, "at", "when it happened", "history", history,
            List.of("created_at", "attempted_at", "occurred_at"), TIMESTAMP),
        in(f, "ip", "the client address", "history", history, List.of("ip_address", "ip"),
            STRING),
        in(f, "userAgent", "the user agent", "history", history, List.of("user_agent"), STRING));
  }

  static List<Role> loginHistory(String f) {
    return attempts(f, "history", List.of("login_history", "login_attempts", "sign_ins"), true);
  }

  private static Role account(String feature, String name, String purpose, List<String> names,
      SqlType... types) {
    return Role.column(feature, name, purpose, "account", Role.ACCOUNT_TABLES, names, types);
  }

  private static Role in(String feature, String name, String purpose, String group,
      List<String> tables, List<String> names, SqlType... types) {
    return Role.column(feature, name, purpose, group, tables, new ArrayList<>(names), types);
  }
}
