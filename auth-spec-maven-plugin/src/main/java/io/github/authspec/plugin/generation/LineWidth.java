package io.github.authspec.plugin.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps generated Java within {@value #LIMIT} columns where JavaPoet does not: it wraps code at
 * {@code $W} only, never inside comment text or a string literal, and SQL constants and Javadoc
 * from the spec are long. Comment lines are re-flowed at spaces; code lines are broken where
 * Java allows whitespace (after a comma, before a {@code +} or {@code implements}), or a long string literal is cut
 * at a space into {@code "..." + "..."} (one compile-time constant still). Only such edits, so
 * the meaning of the code never changes; a line that allows none stays as it is.
 */
final class LineWidth {
  static final int LIMIT = 100;
  private static final int CONTINUATION = 4;

  private LineWidth() {}

  /** {@code source} with long comment and string-literal lines wrapped. */
  static String wrap(String source) {
    if (!hasLongLine(source)) {
      return source; // most files: nothing to do, nothing copied
    }
    // Lines are copied as ranges; only a long line outside <pre> becomes a String of its own.
    StringBuilder out = new StringBuilder(source.length() + 256);
    boolean pre = false;
    int open = source.indexOf("<pre>");
    int close = source.indexOf("</pre>");
    for (int start = 0; ; ) {
      int end = source.indexOf('\n', start);
      int stop = end < 0 ? source.length() : end;
      if (open >= 0 && open < stop) {
        pre = true;
        open = source.indexOf("<pre>", stop);
      }
      if (pre || stop - start <= LIMIT) {
        out.append(source, start, stop);
      } else {
        out.append(String.join("\n", wrapLine(source.substring(start, stop))));
      }
      if (close >= 0 && close < stop) {
        pre = false;
        close = source.indexOf("</pre>", stop);
      }
      if (end < 0) {
        return out.toString();
      }
      out.append('\n');
      start = end + 1;
    }
  }

  private static boolean hasLongLine(String source) {
    int start = 0;
    for (int end = source.indexOf('\n'); ; end = source.indexOf('\n', start)) {
      if ((end < 0 ? source.length() : end) - start > LIMIT) {
        return true;
      }
      if (end < 0) {
        return false;
      }
      start = end + 1;
    }
  }

  private static List<String> wrapLine(String line) {
    int indent = indentOf(line);
    String rest = line.substring(indent);
    if (rest.startsWith("* ") || rest.startsWith("// ")) {
      return comment(line, indent + rest.indexOf(' ') + 1);
    }
    return rest.startsWith("/*") || rest.startsWith("*") ? List.of(line) : code(line, indent);
  }

  /** A comment line re-flowed at spaces, each piece under the same prefix. */
  private static List<String> comment(String line, int textStart) {
    String prefix = line.substring(0, textStart);
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(prefix);
    for (String word : line.substring(textStart).split(" ")) {
      if (current.length() > prefix.length()
          && current.length() + 1 + word.length() > LIMIT) {
        lines.add(current.toString());
        current = new StringBuilder(prefix);
      }
      if (current.length() > prefix.length()) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  /**
   * A code line broken where whitespace may go: after a {@code ", "} or {@code " = "}, before a {@code " + "},
   * {@code implements}, {@code extends} or {@code throws} outside literals, or, failing those, inside a literal at a space. The latest break that fits
   * wins; the rest is continued four columns deeper and broken again.
   */
  private static List<String> code(String line, int indent) {
    int start = indentOf(line);
    int breakAt = -1;
    int resume = -1;
    boolean inLiteral = false;
    for (int i = start; i < line.length() && i < LIMIT; i++) {
      char ch = line.charAt(i);
      if (ch == '\'') {
        i = skipQuoted(line, i, '\'');
      } else if (ch == '"') {
        int close = skipQuoted(line, i, '"');
        // The literal is where to cut when it crosses the limit, or when what follows it (a
        // closing ");") cannot be broken.
        boolean tailFixed = line.indexOf(", ", close) < 0 && line.indexOf(" + ", close) < 0
            && line.indexOf('"', close + 1) < 0;
        if (close >= LIMIT - 1 || tailFixed) {
          int cut = splittable(line, i) ? literalCut(line, i, close) : -1;
          if (cut > breakAt) {
            breakAt = cut;
            resume = cut;
            inLiteral = true;
          }
          break;
        }
        i = close;
      } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break;
      } else if (ch == ',' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        breakAt = i + 1;
        resume = i + 2;
      } else if (ch == ' ' && i > start && line.startsWith(" = ", i)) {
        breakAt = i + 2;
        resume = i + 3;
      } else if (ch == ' ' && i > start && (line.startsWith(" + ", i)
          || line.startsWith(" implements ", i) || line.startsWith(" extends ", i)
          || line.startsWith(" throws ", i))) {
        breakAt = i;
        resume = i + 1;
      }
    }
    if (breakAt <= start || resume >= line.length()) {
      return List.of(line);
    }
    List<String> lines = new ArrayList<>();
    String continued = " ".repeat(indent + CONTINUATION);
    String next;
    if (inLiteral) {
      lines.add(line.substring(0, breakAt) + "\"");
      next = continued + "+ \"" + line.substring(resume);
    } else {
      lines.add(line.substring(0, breakAt).stripTrailing());
      next = continued + line.substring(resume);
    }
    lines.addAll(next.length() > LIMIT && next.length() < line.length()
        ? code(next, indent) : List.of(next));
    return lines;
  }

  /**
   * Where to cut the literal opening at {@code open}: after its last space that fits, else after
   * its last dot (a class name), or -1. Never inside an escape.
   */
  private static int literalCut(String line, int open, int close) {
    int space = -1;
    int dot = -1;
    for (int k = open + 1; k < close && k < LIMIT - 1; k++) {
      char ch = line.charAt(k);
      if (ch == '\\') {
        k++;
      } else if (k + 1 < close && k > open + 1) {
        space = ch == ' ' ? k + 1 : space;
        dot = ch == '.' ? k + 1 : dot;
      }
    }
    return space > 0 ? space : dot;
  }

  /**
   * Whether {@code "a" + "b"} in place of the literal at {@code open} means the same: not when
   * a member is selected on it ({@code "a b".length()}) or a cast applies to it alone.
   */
  private static boolean splittable(String line, int open) {
    int close = skipQuoted(line, open, '"');
    String after = line.substring(close + 1).stripLeading();
    String before = line.substring(0, open).stripTrailing();
    return !after.startsWith(".") && !before.endsWith(")");
  }

  /** The index of the quote that closes the one at {@code open}. */
  private static int skipQuoted(String line, int open, char quote) {
    for (int i = open + 1; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == quote) {
        return i;
      }
    }
    return line.length() - 1;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
