package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a response against the generated OpenAPI document: its status is one the operation
 * documents, its media type one that status's content names, its body valid under that
 * content's schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, by a real validator) and
 * its required headers present and valid.
 */
final class OpenApiResponses {
  static final ObjectMapper JSON = new ObjectMapper();
  private final String text;
  private final JsonNode document;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  OpenApiResponses(String text) {
    this.text = text;
    this.document = JSON.readTree(text);
  }

  JsonNode document() {
    return document;
  }

  /** Fails unless {@code response} to {@code method path} is what the document says. */
  void check(String method, String path, HttpResponse<String> response) {
    String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    assertFalse(document.at(operation).isMissingNode(), "not documented: " + method + " " + path);
    String status = operation + "/responses/" + response.statusCode();
    JsonNode documented = document.at(status);
    assertFalse(documented.isMissingNode(), method + " " + path + " answered an undocumented "
        + response.statusCode() + ": " + response.body());
    JsonNode headers = documented.path("headers");
    for (String name : headers.propertyNames()) {
      List<String> values = response.headers().allValues(name);
      if (headers.get(name).path("required").asBoolean()) {
        assertFalse(values.isEmpty(), status + ": header " + name + " missing");
      }
      for (String value : values) {
        String instance = headers.get(name).at("/schema/type").asString().equals("integer")
            ? value : JSON.writeValueAsString(value);
        assertValid(status + "/headers/" + escape(name) + "/schema", instance, name);
      }
    }
    JsonNode content = documented.path("content");
    if (content.isMissingNode()) {
      assertTrue(response.body().isEmpty(), status + " has no body: " + response.body());
      return;
    }
    String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    assertTrue(content.has(type), status + " documents " + content.propertyNames()
        + ", not " + type);
    assertValid(status + "/content/" + escape(type) + "/schema", response.body(),
        method + " " + path);
  }

  /**
   * Validates {@code instance} against the schema at {@code pointer}: the document itself, with
   * a root {@code $ref} to it, so references to its components resolve as in the document.
   */
  private void assertValid(String pointer, String instance, String what) {
    Schema schema = registry.getSchema("{\"$ref\":" + JSON.writeValueAsString("#" + pointer)
        + "," + text.strip().substring(1), InputFormat.JSON);
    List<Error> errors = schema.validate(instance, InputFormat.JSON);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList(),
        what + ": " + instance);
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
