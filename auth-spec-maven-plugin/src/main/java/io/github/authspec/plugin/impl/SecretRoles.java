package io.github.authspec.plugin.impl;

import static io.github.authspec.model.SqlType.BOOLEAN;
import static io.github.authspec.model.SqlType.TIMESTAMP;
import static io.github.authspec.plugin.impl.Role.ID;
import static io.github.authspec.plugin.impl.Role.KEY;
import static io.github.authspec.plugin.impl.Role.COUNT;
import static io.github.authspec.plugin.impl.Role.STRING;

import io.github.authspec.model.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles of the single-use-secret features, beside {@link TokenRoles}: group
 * {@code secrets} is the feature's own table ({@code magic_links}, {@code invitations}, ...),
 * group {@code account} the owner's {@code users} row, looked for only there (the feature's table
 * may have an {@code email} of its own). Email and phone verification keep their secret in the
 * user's row (a slot: no expiry column, so the time window is bound into the digest).
 */
final class SecretRoles {
  private SecretRoles() {}

  static List<Role> magicLinks(String f) {
    List<String> t = List.of("magic_links", "magic_link_tokens");
    return roles(secret(f, t, "token", "token_hash"), own(f, t, "user", "the user's id",
            List.of("user_id"), ID), expires(f, t), used(f, t, "used_at"),
        account(f, "email", "the user's email address", List.of("email", "email_address"),
            STRING),
        account(f, "id", "the account's id", List.of("id"), ID));
  }

  static List<Role> emailVerification(String f) {
    return List.of(
        slotted(f, "id", "the account's id", List.of("id"), ID),
        slotted(f, "email", "the address to verify", List.of("email", "email_address"), STRING),
        slotted(f, "secret", "the digest of the pending verification token",
            List.of("email_verification_token", "email_verification_token_hash"), STRING),
        slotted(f, "verified", "whether the address is verified", List.of("email_verified"),
            BOOLEAN));
  }

  static List<Role> phoneVerification(String f) {
    return List.of(
        slotted(f, "id", "the account's id", List.of("id"), ID),
        slotted(f, "phone", "the number to verify", List.of("phone", "phone_number"), STRING),
        slotted(f, "secret", "the MAC of the pending verification code",
            List.of("phone_verification_code", "phone_verification_code_hash"), STRING),
        slotted(f, "verified", "whether the number is verified", List.of("phone_verified"),
            BOOLEAN));
  }

  static List<Role> accountRecovery(String f) {
    List<String> t = List.of("recovery_requests", "password_resets", "password_reset_tokens");
    return roles(secret(f, t, "token", "token_hash"), own(f, t, "user", "the user's id",
            List.of("user_id"), ID), expires(f, t), used(f, t, "completed_at", "used_at"),
        own(f, t, "method", "how the recovery was asked for", List.of("recovery_method"),
            STRING).asOptional(),
        account(f, "passwordHash", "the password's PHC hash string",
            List.of("password_hash", "hashed_password"), STRING),
        account(f, "email", "the user's email address", List.of("email", "email_address"),
            STRING),
        account(f, "id", "the account's id", List.of("id"), ID));
  }

  static List<Role> inviteOnlyRegistration(String f) {
    List<String> t = List.of("invitations", "invites");
    return roles(secret(f, t, "token", "token_hash"),
        own(f, t, "id", "the invitation's id", List.of("id"), KEY),
        own(f, t, "email", "the invited address", List.of("email"), STRING),
        own(f, t, "invitedBy", "who invited", List.of("invited_by"), ID), expires(f, t),
        used(f, t, "used_at", "accepted_at"),
        own(f, t, "usedBy", "the account created from it", List.of("used_by"), ID).asOptional(),
        account(f, "passwordHash", "the password's PHC hash string",
            List.of("password_hash", "hashed_password"), STRING),
        account(f, "email", "the account's email address", List.of("email", "email_address"),
            STRING),
        account(f, "id", "the account's id", List.of("id"), ID));
  }

  static List<Role> tenantInviteCodes(String f) {
    List<String> t = List.of("tenant_invites", "tenant_invite_codes");
    return roles(secret(f, t, "code", "code_hash"),
        own(f, t, "tenant", "the tenant joined", List.of("tenant_id"), ID),
        own(f, t, "createdBy", "who created the code", List.of("created_by"), ID).asOptional(),
        expires(f, t),
        own(f, t, "maxUses", "how often it may be redeemed", List.of("max_uses"), COUNT),
        own(f, t, "usedCount", "how often it was redeemed", List.of("used_count", "uses"), COUNT),
        account(f, "tenant", "the user's tenant", List.of("tenant_id"), ID),
        account(f, "id", "the account's id", List.of("id"), ID));
  }

  static List<Role> emailChangeWorkflow(String f) {
    return change(f, "email", "token", "address", List.of("email", "email_address"));
  }

  static List<Role> phoneChangeWorkflow(String f) {
    return change(f, "phone", "code", "number", List.of("phone", "phone_number"));
  }

  /** Email or phone change: a request row with the new value, applied to the account. */
  private static List<Role> change(String f, String what, String secret, String noun,
      List<String> accountNames) {
    List<String> t = List.of(what + "_change_requests", what + "_changes");
    String title = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    return roles(secret(f, t, secret, secret + "_hash"), own(f, t, "user", "the user's id",
            List.of("user_id"), ID),
        own(f, t, "new" + title, "the new " + noun, List.of("new_" + what), STRING),
        expires(f, t), used(f, t, "confirmed_at", "used_at"),
        account(f, what, "the account's " + noun, accountNames, STRING),
        account(f, "id", "the account's id", List.of("id"), ID),
        account(f, "verified", "whether the " + noun + " is verified",
            List.of(what + "_verified"), BOOLEAN).asOptional());
  }

  private static List<Role> roles(Role... roles) {
    return new ArrayList<>(List.of(roles));
  }

  private static Role secret(String f, List<String> t, String... names) {
    return own(f, t, "secret", "the digest of the secret", List.of(names), STRING);
  }

  private static Role expires(String f, List<String> t) {
    return own(f, t, "expiresAt", "the expiry", List.of("expires_at"), TIMESTAMP);
  }

  private static Role used(String f, List<String> t, String... names) {
    return own(f, t, "usedAt", "when it was used", List.of(names), TIMESTAMP);
  }

  private static Role own(String f, List<String> t, String name, String purpose,
      List<String> names, SqlType... types) {
    return Role.column(f, name, purpose, "secrets", t, names, types);
  }

  /** A role of the owner's row; named {@code account.<name>} in the binding. */
  private static Role account(String f, String name, String purpose, List<String> names,
      SqlType... types) {
    return Role.column(f, "account." + name, purpose, "account", Role.ACCOUNT_TABLES, names, types)
        .inOwnerTable();
  }

  private static Role slotted(String f, String name, String purpose, List<String> names,
      SqlType... types) {
    return Role.column(f, name, purpose, "account", Role.ACCOUNT_TABLES, names, types);
  }
}
