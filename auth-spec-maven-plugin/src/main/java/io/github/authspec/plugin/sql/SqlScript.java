package io.github.authspec.plugin.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements, each with the line it starts on, so that one
 * statement jOOQ cannot read costs only that statement and is reported at its own line.
 * Understands what PostgreSQL scripts put around semicolons: quotes, quoted names, dollar
 * quoting ({@code $$ ... $$}, {@code $tag$ ... $tag$}), line and block comments.
 */
final class SqlScript {
  private SqlScript() {}

  /** One statement without its ';', and its 1-based first line in the file. */
  record Statement(int line, String sql) {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      int end = i + 1;
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        line += count(script, i, end);
        i = end;
        continue; // comments are not part of any statement
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(script, i, end);
        i = end;
        continue;
      } else if (c == '\'' || c == '"') {
        end = closing(script, i + 1, c);
      } else if (c == '$') {
        int tagEnd = script.indexOf('$', i + 1);
        if (tagEnd > 0 && script.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
          String tag = script.substring(i, tagEnd + 1);
          int close = script.indexOf(tag, tagEnd + 1);
          end = close < 0 ? n : close + tag.length();
        }
      } else if (c == ';') {
        add(out, current, startLine);
        current.setLength(0);
        startLine = -1;
        i++;
        continue;
      }
      if (startLine < 0 && !Character.isWhitespace(c)) {
        startLine = line;
      }
      current.append(script, i, end);
      line += count(script, i, end);
      i = end;
    }
    add(out, current, startLine);
    return out;
  }

  private static void add(List<Statement> out, StringBuilder sql, int line) {
    String s = sql.toString().strip();
    if (!s.isEmpty()) {
      out.add(new Statement(line, s));
    }
  }

  /** The index after the quote closing at or after {@code from} ({@code ''} escapes one). */
  private static int closing(String s, int from, char quote) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
