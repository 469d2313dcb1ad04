package io.github.authspec.model.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Names JSON value types the way a user reads them in a message. */
public final class JsonTypes {
  private JsonTypes() {}

  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
