package io.github.authspec.plugin.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.impl.ImplementationGenerator;

/**
 * The signed-in caller's operations in the login API's document (the support class
 * {@code CallerApi}): its sessions (with a session store), the end of one, and logout
 * everywhere, each with a security requirement of the credentials the flow issues (a bearer
 * access token with {@code jwt-tokens}, the session cookie with a session store) and the 401
 * problem with {@code WWW-Authenticate: Bearer} of RFC 6750.
 */
final class CallerApiDocument {
  private static final String PROBLEM = "application/problem+json";
  private static final String SCHEMAS = "#/components/schemas/";

  private final ImplementationGenerator.Flow flow;
  private final ObjectNode paths;

  private CallerApiDocument(ImplementationGenerator.Flow flow, ObjectNode paths) {
    this.flow = flow;
    this.paths = paths;
  }

  /**
   * Adds the operations to {@code paths} and their schemes and schemas to {@code components}.
   *
   * @param flow the flow
   * @param paths the document's paths
   * @param components the document's components (its schemas already in)
   */
  static void add(ImplementationGenerator.Flow flow, ObjectNode paths, ObjectNode components) {
    if (!flow.session() && !flow.accessToken()) {
      return;
    }
    ObjectNode schemes = components.putObject("securitySchemes");
    if (flow.accessToken()) {
      schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
          .put("bearerFormat", "JWT").put("description", "An access token of /auth/login or "
              + "/auth/token (RFC 9068), in Authorization: Bearer (RFC 6750)");
    }
    if (flow.session()) {
      schemes.putObject("session").put("type", "apiKey").put("in", "cookie")
          .put("name", "__Host-session").put("description", "The session cookie of a sign-in;"
              + " a POST it authenticates must be typed application/json");
    }
    new CallerApiDocument(flow, paths).write((ObjectNode) components.get("schemas"));
  }

  private void write(ObjectNode schemas) {
    if (flow.session()) {
      ObjectNode list = schemas.putObject("Sessions").put("type", "object")
          .put("additionalProperties", false);
      list.putArray("required").add("sessions");
      ObjectNode one = list.putObject("properties").putObject("sessions").put("type", "array")
          .putObject("items").put("type", "object").put("additionalProperties", false);
      ArrayNode required = one.putArray("required");
      ObjectNode fields = one.putObject("properties");
      for (String time : new String[] {"createdAt", "lastActiveAt", "expiresAt"}) {
        required.add(time);
        fields.putObject(time).put("type", "string").put("format", "date-time");
      }
      required.add("id").add("current");
      fields.putObject("id").put("type", "string");
      fields.putObject("current").put("type", "boolean")
          .put("description", "Whether it is the session of this request's cookie");
      ObjectNode get = operation(paths.putObject("/auth/sessions"), "get", "sessions",
          "The caller's live sessions, oldest first (ids and times, never handles).");
      ((ObjectNode) get.get("responses")).putObject("200").put("description", "The sessions")
          .putObject("content").putObject("application/json").putObject("schema")
          .put("$ref", SCHEMAS + "Sessions");
      ObjectNode end = operation(paths.putObject("/auth/sessions/{id}"), "delete", "endSession",
          "Ends one of the caller's sessions; another account's answers as an unknown id.");
      end.putArray("parameters").addObject().put("name", "id").put("in", "path")
          .put("required", true).putObject("schema").put("type", "string");
      ObjectNode responses = (ObjectNode) end.get("responses");
      responses.putObject("204").put("description", "Ended");
      problem(responses, "404", "No live session of the caller with this id");
    }
    if (flow.passwordChange()) {
      password();
    }
    ObjectNode everywhere = operation(paths.putObject("/auth/logout-everywhere"), "post",
        "logoutEverywhere", "Ends every session and refresh-token family of the caller. With "
            + "the deny-list (token-blacklist), their access tokens are refused from now on; "
            + "without it they stay valid until they expire.");
    ObjectNode done = ((ObjectNode) everywhere.get("responses")).putObject("204")
        .put("description", "Logged out everywhere; the cookie cleared");
    done.putObject("headers").putObject("Set-Cookie").put("description", "Clears the session "
        + "cookie").put("required", true).putObject("schema").put("type", "string");
  }

  /**
   * The password change while signed in: a new sign-in's answer; a wrong current password is
   * the login API's refusal, a 401 without a challenge (the caller is signed in).
   */
  private void password() {
    ObjectNode change = operation(paths.putObject("/auth/password"), "post", "newPassword",
        "Changes the caller's password; every other session and refresh family ends, and the "
            + "caller is signed in anew.");
    ObjectNode body = change.putObject("requestBody").put("required", true)
        .putObject("content").putObject("application/json").putObject("schema")
        .put("type", "object");
    body.putArray("required").add("currentPassword").add("newPassword");
    ObjectNode fields = body.putObject("properties");
    fields.putObject("currentPassword").put("type", "string");
    fields.putObject("newPassword").put("type", "string");
    ObjectNode responses = (ObjectNode) change.get("responses");
    ObjectNode ok = responses.putObject("200").put("description", "Signed in anew");
    ok.putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", SCHEMAS + "SignedIn");
    ObjectNode headers = ok.putObject("headers");
    headers.putObject("Cache-Control").put("required", true).put("description", "no-store")
        .putObject("schema").put("type", "string").put("const", "no-store");
    if (flow.session()) {
      headers.putObject("Set-Cookie").put("required", false).put("description", "The new "
          + "session").putObject("schema").put("type", "string");
    }
    ((ObjectNode) responses.get("401").get("headers").get("WWW-Authenticate"))
        .put("required", false);
    ((ObjectNode) responses.get("401")).put("description", "No signed-in caller, or a wrong "
        + "current password (the login API's one refusal)");
    problem(responses, "422", "The new password breaks the password rules")
        .withObject("/content/application~1problem+json/schema")
        .put("$ref", SCHEMAS + "PasswordRejected");
    problem(responses, "400", "The body is not the JSON object this operation takes");
    problem(responses, "415", "The body is not application/json");
  }

  /** An operation for a signed-in caller: its security and its 401 and 500 problems. */
  private ObjectNode operation(ObjectNode item, String method, String id, String summary) {
    ObjectNode op = item.putObject(method).put("operationId", id).put("summary", summary);
    ArrayNode security = op.putArray("security");
    if (flow.accessToken()) {
      security.addObject().putArray("bearer");
    }
    if (flow.session()) {
      security.addObject().putArray("session");
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode refused = problem(responses, "401", "No signed-in caller (no credential, or a "
        + "refused one)");
    refused.putObject("headers").putObject("WWW-Authenticate").put("description", "Bearer, "
        + "with error=\"invalid_token\" when a presented token was refused (RFC 6750 §3)")
        .put("required", true).putObject("schema").put("type", "string")
        .put("pattern", "^Bearer");
    problem(responses, "500", "The server could not answer (no details)");
    return op;
  }

  private static ObjectNode problem(ObjectNode responses, String status, String description) {
    ObjectNode response = responses.putObject(status).put("description", description);
    response.putObject("content").putObject(PROBLEM).putObject("schema")
        .put("$ref", SCHEMAS + "Problem");
    return response;
  }
}
