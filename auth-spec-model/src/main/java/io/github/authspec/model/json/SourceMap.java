package io.github.authspec.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authspec.model.diagnostics.Position;
import java.util.List;
import java.util.Map;

/**
 * Where each JSON value starts in the file. For an object member the position is that of its
 * key, which is where a reader looks first. Positions are kept per container node (members by
 * name, elements by index), not by JSON pointer: reading builds no pointer text, and a pointer
 * is resolved by walking the tree only when a diagnostic needs its place.
 */
public final class SourceMap {
  private final JsonNode root;
  private final Position rootPosition;
  private final Map<JsonNode, Map<String, Position>> members;
  private final Map<JsonNode, List<Position>> elements;

  /** Takes over the reader's maps, keyed by node identity, which it no longer changes. */
  SourceMap(JsonNode root, Position rootPosition, Map<JsonNode, Map<String, Position>> members,
      Map<JsonNode, List<Position>> elements) {
    this.root = root;
    this.rootPosition = rootPosition;
    this.members = members;
    this.elements = elements;
  }

  /** The position of the value at {@code pointer}, or of its nearest located ancestor. */
  public Position locate(String pointer) {
    Position found = rootPosition;
    JsonNode node = root;
    for (int at = 0; at < pointer.length() && pointer.charAt(at) == '/'; ) {
      int next = pointer.indexOf('/', at + 1);
      String token = unescape(pointer.substring(at + 1, next < 0 ? pointer.length() : next));
      // A located member or element always has its node: both come from the same read.
      Position position = null;
      if (node.isObject()) {
        Map<String, Position> keys = members.get(node);
        position = keys == null ? null : keys.get(token);
        node = node.get(token);
      } else if (node.isArray()) {
        List<Position> positions = elements.get(node);
        int index = index(token);
        if (positions != null && index >= 0 && index < positions.size()) {
          position = positions.get(index);
          node = node.get(index);
        }
      }
      if (position == null) {
        return found;
      }
      found = position;
      if (next < 0) {
        break;
      }
      at = next;
    }
    return found;
  }

  private static int index(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  /** Escapes one reference token for a JSON pointer (RFC 6901). */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String token) {
    return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
  }
}
