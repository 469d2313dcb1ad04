package io.github.authspec.plugin.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.impl.AccountOperations;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of the support class {@code LoginApi} over one login flow: an
 * operation for each step the flow has (the second factor only with TOTP or backup codes, the
 * enrolment only with TOTP and an MFA grace period, the password change only with
 * force-password-change or password-expiration, the refresh only with a refresh-token store),
 * the JSON each takes and answers, and the RFC 9457 problems. Keys are sorted and lines
 * end in {@code \n}: the same flow gives the same bytes.
 */
final class LoginApiDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";
  private static final String SESSION_COOKIE = "__Host-session";

  private final ImplementationGenerator.Flow flow;
  private final boolean jwks;
  private final AccountOperations account;

  private LoginApiDocument(ImplementationGenerator.Flow flow, boolean jwks,
      AccountOperations account) {
    this.flow = flow;
    this.jwks = jwks;
    this.account = account;
  }

  /**
   * The document, as text.
   *
   * @param jwks the run signs tokens: the document lists the JWK set of their keys
   * @param account the account operations the run serves too
   */
  static String of(String title, ImplementationGenerator.Flow flow, boolean jwks,
      AccountOperations account) {
    return new LoginApiDocument(flow, jwks, account).write(title);
  }

  private String write(String title) {
    ObjectNode root = JSON.createObjectNode().put("openapi", "3.1.0");
    root.putObject("info").put("title", title + " login API").put("version", "1")
        .put("description", "The login flow over HTTP: JSON bodies only, every refusal the "
            + "same 401 problem, limits a 429 problem with Retry-After."
            + (flow.session() ? " The session travels in the " + SESSION_COOKIE + " cookie."
                : ""));
    ObjectNode schemas = LoginApiSchemas.of(flow, JSON);
    ObjectNode paths = root.putObject("paths");
    paths.set("/auth/login", step("login", "Signs in with an email address and a password.",
        "Credentials"));
    if (flow.secondFactor()) {
      paths.set("/auth/login/second-factor", step("secondFactor", "Answers the second-factor "
          + "challenge with a TOTP or backup code.", "SecondFactor"));
    }
    if (flow.enrolment()) {
      paths.set("/auth/login/enrolment", step("confirmEnrolment", "Completes the TOTP "
          + "enrolment a sign-in past its grace period made, with the first code.",
          "SecondFactor"));
    }
    if (flow.passwordChange()) {
      ObjectNode change = step("changePassword", "Changes the password a sign-in requires.",
          "PasswordChange");
      problem((ObjectNode) change.get("post").get("responses"), "422",
          "The new password breaks the password rules", "PasswordRejected");
      paths.set("/auth/login/password", change);
    }
    if (flow.refreshToken()) {
      paths.set("/auth/token", step("refresh", "Rotates a refresh token; the old one is spent.",
          "Token"));
    }
    paths.set("/auth/logout", logout());
    if (flow.refreshToken()) {
      paths.set("/auth/revoke", revoke());
    }
    AccountApiDocument.add(account, this, paths, new LoginApiSchemas(flow, schemas));
    paths.set("/auth/openapi.json", document());
    if (jwks) {
      paths.set("/.well-known/jwks.json", jwkSet());
    }
    ObjectNode components = root.putObject("components");
    components.set("schemas", schemas);
    CallerApiDocument.add(flow, paths, components);
    try {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(printer).writeValueAsString(sorted(root)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always writes", e);
    }
  }

  /** A step of the flow: POST, a JSON body, a sign-in result or a problem. */
  ObjectNode step(String id, String summary, String body) {
    ObjectNode item = JSON.createObjectNode();
    ObjectNode post = operation(item, id, summary);
    requestBody(post, body, true);
    ObjectNode responses = post.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "Signed in, or the next step");
    ok.putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/" + (body.equals("Token") ? "SignedIn" : "Result"));
    ObjectNode noStore = header(ok, "Cache-Control", "It carries a token, a challenge or a seed: "
        + "no cache may keep it", true);
    noStore.put("type", "string").put("const", "no-store");
    if (flow.session() && !body.equals("Token")) {
      header(ok, "Set-Cookie", "The session, when signed in: " + SESSION_COOKIE + " (Secure, "
          + "HttpOnly, SameSite=Strict, Path=/)", false).put("type", "string");
    }
    problem(responses, "401", "Refused, whatever the reason", "Refused");
    limited(responses, "Too many attempts");
    return errors(responses, item);
  }

  /** The 429 of a limit, with its {@code Retry-After}. */
  static void limited(ObjectNode responses, String description) {
    ObjectNode limited = problem(responses, "429", description, "Limited");
    header(limited, "Retry-After", "Seconds to wait before trying again", true)
        .put("type", "integer").put("minimum", 1);
  }

  private ObjectNode logout() {
    ObjectNode item = JSON.createObjectNode();
    ObjectNode post = operation(item, "logout", "Ends this sign-in (the session of the cookie "
        + "and the refresh token's family); answers the same whether or not they were live.");
    if (flow.session()) {
      post.putArray("parameters").addObject().put("name", SESSION_COOKIE).put("in", "cookie")
          .put("required", false).putObject("schema").put("type", "string");
    }
    requestBody(post, "Token", false);
    ObjectNode responses = post.putObject("responses");
    header(responses.putObject("204").put("description", "Signed out; the cookie cleared"),
        "Set-Cookie", "Clears " + SESSION_COOKIE, false).put("type", "string");
    return errors(responses, item);
  }

  private ObjectNode document() {
    ObjectNode item = JSON.createObjectNode();
    ObjectNode get = item.putObject("get").put("operationId", "openApiDocument")
        .put("summary", "This document.");
    get.putObject("responses").putObject("200").put("description", "The OpenAPI document")
        .putObject("content").putObject("application/json").putObject("schema")
        .put("type", "object");
    return item;
  }

  /** RFC 7009: a form, 200 whether or not the token was live, 400 without one. */
  private ObjectNode revoke() {
    ObjectNode item = JSON.createObjectNode();
    ObjectNode post = operation(item, "revoke", "Revokes a refresh token and its family "
        + "(RFC 7009); answers the same whether or not it was live.");
    ObjectNode form = post.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/x-www-form-urlencoded").putObject("schema")
        .put("type", "object");
    form.putArray("required").add("token");
    ObjectNode fields = form.putObject("properties");
    fields.putObject("token").put("type", "string");
    fields.putObject("token_type_hint").put("type", "string").putArray("enum")
        .add("refresh_token").add("access_token");
    ObjectNode responses = post.putObject("responses");
    responses.putObject("200").put("description", "Revoked, or nothing to revoke");
    ObjectNode invalid = responses.putObject("400").put("description", "No token")
        .putObject("content").putObject("application/json").putObject("schema")
        .put("type", "object").put("additionalProperties", false);
    invalid.putArray("required").add("error");
    invalid.putObject("properties").putObject("error").put("const", "invalid_request");
    problem(responses, "415", "The body is not a form", "Problem");
    return item;
  }

  /** The public keys of the tokens (RFC 7517): each with its type and kid, no private part. */
  private ObjectNode jwkSet() {
    ObjectNode item = JSON.createObjectNode();
    ObjectNode get = item.putObject("get").put("operationId", "jwks")
        .put("summary", "The public keys that verify this service's tokens.");
    ObjectNode set = get.putObject("responses").putObject("200")
        .put("description", "The JWK set, the next and previous keys included")
        .putObject("content").putObject("application/jwk-set+json").putObject("schema")
        .put("type", "object");
    set.putArray("required").add("keys");
    ObjectNode key = set.putObject("properties").putObject("keys").put("type", "array")
        .putObject("items").put("type", "object");
    key.putArray("required").add("kid").add("kty");
    ObjectNode fields = key.putObject("properties");
    fields.putObject("kid").put("type", "string");
    fields.putObject("kty").put("type", "string");
    // A private member (d, p, q, ...) must never be published.
    key.putObject("not").putArray("anyOf").addObject().putArray("required").add("d");
    return item;
  }

  static ObjectNode operation(ObjectNode item, String id, String summary) {
    return item.putObject("post").put("operationId", id).put("summary", summary);
  }

  static void requestBody(ObjectNode operation, String schema, boolean required) {
    operation.putObject("requestBody").put("required", required).putObject("content")
        .putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/" + schema);
  }

  /** The answers every operation shares: a malformed body, another media type, a fault. */
  static ObjectNode errors(ObjectNode responses, ObjectNode item) {
    problem(responses, "400", "The body is not the JSON object this operation takes", "Problem");
    problem(responses, "415", "The body is not application/json", "Problem");
    problem(responses, "500", "The server could not answer (no details)", "Problem");
    return item;
  }

  static ObjectNode problem(ObjectNode responses, String status, String description,
      String schema) {
    ObjectNode response = responses.putObject(status).put("description", description);
    response.putObject("content").putObject(PROBLEM).putObject("schema")
        .put("$ref", "#/components/schemas/" + schema);
    return response;
  }

  /** Adds a header to a response; its schema, for the caller to finish. */
  private static ObjectNode header(ObjectNode response, String name, String description,
      boolean required) {
    ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers")
        : response.putObject("headers");
    return headers.putObject(name).put("description", description).put("required", required)
        .putObject("schema");
  }


  /** {@code node} with every object's keys in order. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = JSON.createObjectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }
}
