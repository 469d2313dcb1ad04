package io.github.authspec.plugin.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.impl.AccountOperations;

/**
 * The account operations' part of the login API's document (the support class
 * {@code AccountApi}): registration, e-mail verification, password reset, magic links, the
 * confirmation of an address change and the acceptance of an invitation, each only when the
 * run implements its feature. Accepted requests answer 202 with one body whatever happened
 * behind them; a refused token is the one 401 problem; every operation spends the flow's rate
 * limit (429).
 */
final class AccountApiDocument {
  private final ObjectNode paths;
  private final LoginApiSchemas schemas;

  private AccountApiDocument(ObjectNode paths, LoginApiSchemas schemas) {
    this.paths = paths;
    this.schemas = schemas;
  }

  /**
   * Adds the operations and their schemas.
   *
   * @param login writes the magic link's completion as the login step it continues
   */
  static void add(AccountOperations account, LoginApiDocument login, ObjectNode paths,
      LoginApiSchemas schemas) {
    if (!account.any()) {
      return;
    }
    AccountApiDocument doc = new AccountApiDocument(paths, schemas);
    ObjectNode accepted = schemas.closed("Accepted");
    LoginApiSchemas.constant(accepted, "status", "accepted");
    schemas.body("Mailed", "token");
    if (account.registration().isPresent() || account.recovery().isPresent()
        || account.invitations().isPresent()) {
      schemas.passwordRejected();
    }
    if (account.registration().isPresent()) {
      schemas.body("Registering", "email", "password");
      doc.accepting("/auth/register", "register", "Registers an account"
          + (account.verification().isPresent() ? " and mails its verification" : "")
          + "; accepted with the same answer whether or not the address was taken (a taken "
          + "address is not told).", "Registering", true, "the address is not one "
          + "(invalid-email)");
    }
    if (account.verification().isPresent()) {
      doc.token("/auth/email/verify", "verifyEmail", "Verifies an address with the mailed "
          + "token.", "Mailed", false);
    }
    if (account.recovery().isPresent() || account.invitations().isPresent()) {
      schemas.body("NewPassword", "token", "newPassword");
    }
    if (account.invitations().isPresent()) {
      doc.token("/auth/invitations/accept", "acceptInvitation", "Creates the invited account "
          + "with its password, using up the mailed invitation (an address taken meanwhile is "
          + "the refusal too).", "NewPassword", true);
    }
    if (account.recovery().isPresent()) {
      schemas.body("Address", "email");
      doc.accepting("/auth/password/reset", "startReset", "Mails a password reset; accepted "
          + "whether or not an account has the address.", "Address", false, null);
      doc.token("/auth/password/reset/confirm", "reset", "Sets a new password with the mailed "
          + "token; every session and refresh token of the account ends.", "NewPassword", true);
    }
    if (account.magicLinks().isPresent()) {
      schemas.body("LinkRequest", "email", "redirectTo");
      doc.accepting("/auth/magic-link", "sendMagicLink", "Mails a sign-in link leading to "
          + "redirectTo, which must be on the application's allow-list (exact match, else "
          + "400); accepted whether or not an account has the address.", "LinkRequest", false,
          "the redirect is not on the allow-list (redirect-not-allowed)");
      paths.set("/auth/magic-link/complete", login.step("completeMagicLink", "Signs in with "
          + "a magic link's token: one factor, so the login flow continues as after the "
          + "password (a second factor, a password change, ...).", "Mailed"));
    }
    if (account.emailChange().isPresent()) {
      doc.token("/auth/email/change/confirm", "confirmEmailChange", "Confirms an address "
          + "change with the token mailed to the new address.", "Mailed", false);
    }
  }

  /** 202 with the one body whatever happened; {@code invalid}, the operation's own 400. */
  private void accepting(String path, String id, String summary, String body,
      boolean password, String invalid) {
    ObjectNode item = paths.objectNode();
    ObjectNode responses = request(item, id, summary, body, password);
    responses.putObject("202").put("description", "Accepted (the same whatever happened)")
        .putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/Accepted");
    paths.set(path, LoginApiDocument.errors(responses, item));
    if (invalid != null) {
      ((ObjectNode) responses.get("400")).put("description", "The body is not the JSON "
          + "object this operation takes, or " + invalid);
    }
  }

  /** 204, or the one refusal for any unknown, used or expired token. */
  private void token(String path, String id, String summary, String body, boolean password) {
    ObjectNode item = paths.objectNode();
    ObjectNode responses = request(item, id, summary, body, password);
    responses.putObject("204").put("description", "Done");
    LoginApiDocument.problem(responses, "401", "The token is refused (unknown, used or "
        + "expired: one answer)", "Refused");
    paths.set(path, LoginApiDocument.errors(responses, item));
  }

  /** The operation, its body, the limit and, when it sets a password, the rules' 422. */
  private static ObjectNode request(ObjectNode item, String id, String summary, String body,
      boolean password) {
    ObjectNode post = LoginApiDocument.operation(item, id, summary);
    LoginApiDocument.requestBody(post, body, true);
    ObjectNode responses = post.putObject("responses");
    LoginApiDocument.limited(responses, "Too many requests from this address (the login "
        + "flow's limit)");
    if (password) {
      LoginApiDocument.problem(responses, "422", "The password breaks the password rules",
          "PasswordRejected");
    }
    return responses;
  }
}
