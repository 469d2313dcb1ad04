package io.github.authspec.model;

import io.github.authspec.model.KeyPattern.Literal;
import io.github.authspec.model.KeyPattern.Placeholder;
import io.github.authspec.model.KeyPattern.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses Redis key patterns: literal text with {@code {name}} placeholders. Braces must balance
 * and not nest, names are {@code [A-Za-z][A-Za-z0-9_]*} and unique within a pattern, and two
 * placeholders need literal text between them, or a key could not be parsed back.
 */
public final class KeyPatterns {
  private KeyPatterns() {}

  /** Thrown with a message a user can act on. */
  public static final class PatternException extends Exception {
    private static final long serialVersionUID = 1L;

    PatternException(String message) {
      super(message);
    }
  }

  public static KeyPattern parse(String text) throws PatternException {
    if (text.isEmpty()) {
      throw new PatternException("the pattern is empty");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new PatternException("the pattern contains white space");
    }
    List<Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = text.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) {
        throw new PatternException("'}' at offset " + close + " closes no '{'");
      }
      if (open < 0) {
        segments.add(new Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        String literal = text.substring(i, open);
        if (!segments.isEmpty() && literal.chars().allMatch(KeyPatterns::isValueChar)) {
          throw new PatternException("the text '" + literal + "' between two placeholders "
              + "needs a delimiter such as ':', or a key could not be split back");
        }
        segments.add(new Literal(literal));
      } else if (!segments.isEmpty()) {
        throw new PatternException("two placeholders at offset " + open
            + " have no text between them, so a key could not be split back");
      }
      if (close < 0) {
        throw new PatternException("'{' at offset " + open + " is never closed");
      }
      String name = text.substring(open + 1, close);
      if (name.indexOf('{') >= 0) {
        throw new PatternException("placeholders cannot nest (offset " + open + ")");
      }
      if (!Identifiers.JAVA_LIKE.matcher(name).matches()) {
        throw new PatternException("placeholder '{" + name + "}' is not a name like {userId}");
      }
      if (!names.add(name)) {
        throw new PatternException("placeholder '{" + name + "}' appears twice");
      }
      segments.add(new Placeholder(name));
      i = close + 1;
    }
    return new KeyPattern(text, segments);
  }

  /** Characters a placeholder value keeps unencoded in a key (see generated KeySpec.encode). */
  private static boolean isValueChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '.' || c == '_' || c == '-';
  }
}
