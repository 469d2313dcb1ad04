package io.github.authspec.plugin.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas of the login API's document ({@code components.schemas}): the request bodies of
 * the flow's steps, the sign-in results it can answer, and the RFC 9457 problems of its own
 * types. Answers are closed objects (no field beyond those listed); request bodies are open,
 * as the API ignores unknown fields.
 */
final class LoginApiSchemas {
  private static final String TYPES = "urn:auth-spec:problem:";
  private final ImplementationGenerator.Flow flow;
  private final ObjectNode schemas;

  private LoginApiSchemas(ImplementationGenerator.Flow flow, ObjectMapper json) {
    this(flow, json.createObjectNode());
  }

  /** Adds to {@code schemas} (the account operations' schemas beside the flow's). */
  LoginApiSchemas(ImplementationGenerator.Flow flow, ObjectNode schemas) {
    this.flow = flow;
    this.schemas = schemas;
  }

  /** The schemas of {@code flow}'s operations. */
  static ObjectNode of(ImplementationGenerator.Flow flow, ObjectMapper json) {
    return new LoginApiSchemas(flow, json).write();
  }

  private ObjectNode write() {
    body("Credentials", "email", "password");
    body("Token", "refreshToken");
    if (flow.secondFactor()) {
      body("SecondFactor", "challenge", "code");
    }
    if (flow.passwordChange()) {
      body("PasswordChange", "challenge", "currentPassword", "newPassword");
    }
    ObjectNode signedIn = closed("SignedIn");
    constant(signedIn, "status", "signed-in");
    if (flow.refreshToken()) {
      string(signedIn, "refreshToken");
    }
    if (flow.accessToken()) {
      string(signedIn, "accessToken");
      constant(signedIn, "tokenType", "Bearer");
      ((ArrayNode) signedIn.get("required")).add("expiresIn");
      ((ObjectNode) signedIn.get("properties")).putObject("expiresIn").put("type", "integer")
          .put("minimum", 1).put("description", "Seconds the access token is valid");
    }
    List<String> next = new ArrayList<>();
    if (flow.secondFactor()) {
      next.add("second-factor-required");
    }
    if (flow.passwordChange()) {
      next.add("password-change-required");
    }
    ArrayNode results = schemas.putObject("Result").putArray("oneOf");
    results.addObject().put("$ref", "#/components/schemas/SignedIn");
    if (!next.isEmpty()) {
      ObjectNode step = closed("NextStep");
      ObjectNode status = string(step, "status");
      next.forEach(status.putArray("enum")::add);
      string(step, "challenge");
      results.addObject().put("$ref", "#/components/schemas/NextStep");
    }
    if (flow.enrolment()) {
      ObjectNode enrol = closed("Enrolment");
      constant(enrol, "status", "enrolment-required");
      string(enrol, "challenge");
      string(enrol, "otpauthUri");
      results.addObject().put("$ref", "#/components/schemas/Enrolment");
    }
    // RFC 9457: an absent type means about:blank, which Spring 7 leaves out.
    ObjectNode problem = schemas.putObject("Problem").put("type", "object");
    problem.putArray("required").add("status").add("title");
    ObjectNode fields = problem.putObject("properties");
    fields.putObject("type").put("type", "string").put("format", "uri-reference");
    fields.putObject("title").put("type", "string");
    fields.putObject("status").put("type", "integer");
    fields.putObject("detail").put("type", "string");
    fields.putObject("instance").put("type", "string");
    typed("Refused", "refused", 401);
    typed("Limited", "limited", 429);
    if (flow.passwordChange()) {
      passwordRejected();
    }
    return schemas;
  }

  /** The 422 of a new password against the rules, with the rules it breaks. */
  void passwordRejected() {
    ObjectNode rejected = typed("PasswordRejected", "password-rejected", 422);
    ((ArrayNode) rejected.get("required")).add("violations");
    ((ObjectNode) rejected.get("properties")).putObject("violations").put("type", "array")
        .putObject("items").put("type", "string");
  }

  /** A request body: an object of required strings (unknown fields are ignored). */
  void body(String name, String... required) {
    ObjectNode type = schemas.putObject(name).put("type", "object");
    ArrayNode list = type.putArray("required");
    ObjectNode properties = type.putObject("properties");
    for (String field : required) {
      list.add(field);
      properties.putObject(field).put("type", "string");
    }
  }

  /** A response object with no field beyond those listed, every one required. */
  ObjectNode closed(String name) {
    ObjectNode type = schemas.putObject(name).put("type", "object")
        .put("additionalProperties", false);
    type.putArray("required");
    type.putObject("properties");
    return type;
  }

  private static ObjectNode string(ObjectNode object, String field) {
    ((ArrayNode) object.get("required")).add(field);
    return ((ObjectNode) object.get("properties")).putObject(field).put("type", "string");
  }

  static void constant(ObjectNode object, String field, String value) {
    string(object, field).put("const", value);
  }

  /** A problem of one of the API's types, with its status. */
  ObjectNode typed(String name, String type, int status) {
    ObjectNode problem = schemas.putObject(name);
    ArrayNode all = problem.putArray("allOf");
    all.addObject().put("$ref", "#/components/schemas/Problem");
    ObjectNode own = all.addObject();
    own.putArray("required").add("type");
    ObjectNode fields = own.putObject("properties");
    fields.putObject("type").put("const", TYPES + type);
    fields.putObject("status").put("const", status);
    return own;
  }
}
