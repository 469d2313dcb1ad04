package io.github.authspec.plugin.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes the migration state file's records as JSON, byte for byte what Jackson's default pretty
 * printer writes for them (components in declaration order, nulls left out), which is how the
 * file has always looked and how {@link MigrationState#readSummary} reads it. Jackson still reads
 * the file; writing it without Jackson's data binding spares every build that writes a migration
 * the binder's cold start (~0.2 s of CPU). {@code StateJsonTest} holds the two writers equal.
 */
final class StateJson {
  private static final String INDENT = "  ";

  private StateJson() {}

  static String write(Record value) {
    StringBuilder out = new StringBuilder(1 << 16);
    value(out, value, 0);
    return out.toString();
  }

  private static void value(StringBuilder out, Object value, int depth) {
    if (value instanceof Record r) {
      record(out, r, depth);
    } else if (value instanceof List<?> list) {
      list(out, list, depth);
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
  }

  private static void record(StringBuilder out, Record r, int depth) {
    boolean first = true;
    out.append('{');
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = component(r, c);
      if (v == null) {
        continue;
      }
      out.append(first ? "\n" : ",\n");
      first = false;
      out.append(INDENT.repeat(depth + 1));
      string(out, c.getName());
      out.append(" : ");
      value(out, v, depth + 1);
    }
    if (first) {
      out.append(' ');
    } else {
      out.append('\n').append(INDENT.repeat(depth));
    }
    out.append('}');
  }

  private static void list(StringBuilder out, List<?> list, int depth) {
    out.append("[ ");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      value(out, list.get(i), depth);
    }
    out.append(list.isEmpty() ? "]" : " ]");
  }

  /** Jackson's escaping: quote, backslash and control characters; everything else as is. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04X", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
    }
  }
}
