package io.github.authspec.model.json;

import io.github.authspec.model.diagnostics.Position;
import java.util.Map;

/**
 * Where each JSON value starts in the file, by JSON pointer. For an object member the position is
 * that of its key, which is where a reader looks first.
 */
public final class SourceMap {
  private final Map<String, Position> positions;

  /** Takes over {@code positions}, which the caller no longer changes (no copy: ~10^5 entries). */
  SourceMap(Map<String, Position> positions) {
    this.positions = positions;
  }

  /** The position of the value at {@code pointer}, or of its nearest located ancestor. */
  public Position locate(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.UNKNOWN;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Escapes one reference token for a JSON pointer (RFC 6901). */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
