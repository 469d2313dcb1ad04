package io.github.authspec.support.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON this package needs: JOSE headers, JWT claims and JWK sets. Objects become
 * insertion-ordered maps, arrays lists, numbers {@link Long} (fractions and exponents are
 * refused: JWT dates here are whole seconds), and {@code null} a map entry with a null value.
 * Duplicate member names, nesting deeper than {@link #MAX_DEPTH} and trailing text are
 * refused (RFC 7515 §5.2, RFC 8725 §3.x), and so is what RFC 8259 does not allow but a JDK
 * number parser would take: a Unicode escape is exactly four ASCII hex digits (no sign), a
 * number ASCII digits without a leading zero. Error messages give a position, never the input.
 */
public final class Json {
  /** Deepest nesting accepted: a JWK set is {"keys":[{...}]}. */
  public static final int MAX_DEPTH = 4;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses a JSON object.
   *
   * @param text the JSON text
   * @return its members, in order
   * @throws IllegalArgumentException when the text is not a JSON object this reader accepts
   */
  public static Map<String, Object> parseObject(String text) {
    Json json = new Json(text);
    json.skipSpace();
    if (!json.peek('{')) {
      throw json.error("expected an object");
    }
    Map<String, Object> result = json.object(1);
    json.skipSpace();
    if (json.pos != text.length()) {
      throw json.error("trailing text");
    }
    return result;
  }

  /**
   * Writes a map of strings, numbers, booleans, lists and maps as compact JSON, in the map's
   * order.
   *
   * @param members the members
   * @return the JSON text
   */
  public static String write(Map<String, ?> members) {
    StringBuilder out = new StringBuilder();
    writeValue(out, members);
    return out.toString();
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, (String) e.getKey());
        out.append(':');
        writeValue(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Map<String, Object> object(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek('}')) {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipSpace();
      if (!peek('"')) {
        throw error("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      Object value = value(depth);
      if (members.containsKey(name)) {
        throw error("duplicate member name");
      }
      members.put(name, value);
      skipSpace();
      if (peek(',')) {
        pos++;
      } else if (peek('}')) {
        pos++;
        return Collections.unmodifiableMap(members);
      } else {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek(']')) {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      items.add(value(depth));
      skipSpace();
      if (peek(',')) {
        pos++;
      } else if (peek(']')) {
        pos++;
        return Collections.unmodifiableList(items);
      } else {
        throw error("expected ',' or ']'");
      }
    }
  }

  private Object value(int depth) {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    if (c == '{') {
      return object(depth + 1);
    } else if (c == '[') {
      return array(depth + 1);
    } else if (c == '"') {
      return string();
    } else if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    } else if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    } else if (text.startsWith("null", pos)) {
      pos += 4;
      return null;
    } else if (c == '-' || c >= '0' && c <= '9') {
      return number();
    }
    throw error("unexpected character");
  }

  private Long number() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    int first = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0) {
      throw error("only whole numbers are accepted");
    }
    String digits = text.substring(start, pos);
    int count = pos - first;
    if (count == 0 || count > 19 || count > 1 && text.charAt(first) == '0') {
      throw error("bad number");
    }
    try {
      return Long.valueOf(digits);
    } catch (NumberFormatException e) {
      throw error("bad number");
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      } else if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            int unit = 0;
            for (int i = 0; i < 4; i++) {
              int digit = pos < text.length() ? hex(text.charAt(pos)) : -1;
              if (digit < 0) {
                throw error("bad escape");
              }
              unit = unit << 4 | digit;
              pos++;
            }
            out.append((char) unit);
          }
          default -> throw error("bad escape");
        }
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  /** The value of an ASCII hex digit, or -1: not Integer.parseInt, which takes a sign. */
  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
  }
}
