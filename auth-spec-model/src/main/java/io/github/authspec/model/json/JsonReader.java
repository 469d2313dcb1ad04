package io.github.authspec.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Position;
import io.github.authspec.model.diagnostics.Reporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON text into a Jackson tree while recording where every value starts. Jackson's own
 * tree reader keeps no locations and silently keeps the last of two equal keys; this one reports
 * both problems.
 */
public final class JsonReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private final Reporter reporter;
  /** Per object node, its members' (key) positions; per array node, its elements'. */
  private final Map<JsonNode, Map<String, Position>> members = new IdentityHashMap<>();
  private final Map<JsonNode, List<Position>> elements = new IdentityHashMap<>();
  private final JsonNodeFactory nodes = new JsonNodeFactory(true);

  private JsonReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The UTF-8 byte-order mark some Windows editors write; RFC 8259 §8.1 lets a parser ignore it. */
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * Parses {@code text}; on a syntax error reports it and returns empty. A leading byte-order
   * mark is dropped before parsing, so columns on line 1 count as an editor shows them.
   */
  public static Optional<LocatedJson> read(String source, Reporter reporter) {
    String text = !source.isEmpty() && source.charAt(0) == BYTE_ORDER_MARK
        ? source.substring(1) : source;
    if (text.isBlank()) {
      reporter.report(Code.EMPTY_FILE, "", "the spec file is empty",
          "export the design again from the designer");
      return Optional.empty();
    }
    JsonReader reader = new JsonReader(reporter);
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      Position rootPosition = position(parser.currentTokenLocation());
      JsonNode root = reader.value(parser, first, Path.ROOT);
      if (parser.nextToken() != null) {
        reporter.reportAt(Code.JSON_SYNTAX, position(parser.currentTokenLocation()), "",
            "unexpected content after the end of the top-level value",
            "remove everything after the closing brace");
        return Optional.empty();
      }
      SourceMap map = new SourceMap(root, rootPosition, reader.members, reader.elements);
      reporter.useSourceMap(map);
      if (!root.isObject()) {
        reporter.report(Code.ROOT_NOT_OBJECT, "",
            "the top level is " + JsonTypes.describe(root) + ", not an object",
            "a spec starts with '{' and holds leftPanel, midPanel, diagram and externalServices");
        return Optional.empty();
      }
      return Optional.of(new LocatedJson(root, map));
    } catch (JsonProcessingException e) {
      reporter.reportAt(Code.JSON_SYNTAX, position(e.getLocation()), "", e.getOriginalMessage(),
          "fix the JSON syntax at this position (a missing comma, quote or bracket is usual)");
      return Optional.empty();
    } catch (IOException e) {
      reporter.report(Code.UNREADABLE_FILE, "", String.valueOf(e.getMessage()), "");
      return Optional.empty();
    }
  }

  /** The value at the parser; its position is recorded by the caller (a member's is its key's). */
  private JsonNode value(JsonParser parser, JsonToken token, Path path) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser, path);
      case START_ARRAY -> array(parser, path);
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new IllegalStateException("unexpected token " + token);
    };
  }

  private ObjectNode object(JsonParser parser, Path path) throws IOException {
    ObjectNode node = nodes.objectNode();
    Map<String, Position> keys = new HashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String name = parser.currentName();
      Position keyPosition = position(parser.currentTokenLocation());
      if (keys.putIfAbsent(name, keyPosition) != null) {
        reporter.reportAt(Code.DUPLICATE_KEY, keyPosition, path.pointer() + "/"
                + SourceMap.escape(name),
            "the key '" + name + "' appears twice in this object; the last one would win",
            "delete one of the two");
      }
      JsonToken valueToken = parser.nextToken();
      node.set(name, value(parser, valueToken,
          valueToken.isStructStart() ? new Path(path, name, -1) : null));
    }
    members.put(node, keys);
    return node;
  }

  private ArrayNode array(JsonParser parser, Path path) throws IOException {
    ArrayNode node = nodes.arrayNode();
    List<Position> positions = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      positions.add(position(parser.currentTokenLocation()));
      node.add(value(parser, t, t.isStructStart() ? new Path(path, null, positions.size() - 1)
          : null));
    }
    elements.put(node, positions);
    return node;
  }

  /**
   * Where a container is, as a chain to the root: its JSON pointer is only built for the rare
   * diagnostic that needs it (a duplicate key), not for every value read.
   */
  private record Path(Path parent, String name, int index) {
    static final Path ROOT = new Path(null, null, -1);

    String pointer() {
      return parent == null ? "" : parent.pointer() + "/"
          + (name != null ? SourceMap.escape(name) : String.valueOf(index));
    }
  }

  private static Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Position.UNKNOWN;
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
