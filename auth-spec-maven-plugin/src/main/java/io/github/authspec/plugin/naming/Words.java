package io.github.authspec.plugin.naming;

import io.github.authspec.model.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Case conversions and English singulars for generated names. Pure functions; {@link Naming}
 * decides which name each generated element gets.
 */
public final class Words {
  /** Words whose plural and singular are alike, or that read wrongly when cut. */
  private static final Set<String> INVARIANT = Set.of(
      "data", "metadata", "history", "series", "species", "news", "status", "sms", "gdpr",
      "tos", "info", "analytics", "config", "branding", "access");

  private Words() {}

  /** Splits snake_case, kebab-case, dotted and camelCase text into lower-case words. */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(current, words);
        continue;
      }
      boolean boundary = Character.isUpperCase(c) && current.length() > 0
          && (Character.isLowerCase(text.charAt(i - 1)) || Character.isDigit(text.charAt(i - 1))
              || (i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))));
      if (boundary) {
        flush(current, words);
      }
      current.append(Character.toLowerCase(c));
    }
    flush(current, words);
    return words;
  }

  private static void flush(StringBuilder current, List<String> words) {
    if (current.length() > 0) {
      words.add(current.toString());
      current.setLength(0);
    }
  }

  /** {@code password_history} → {@code PasswordHistory}; a leading digit gets a leading '_'. */
  public static String upperCamel(String text) {
    StringBuilder out = new StringBuilder();
    for (String w : split(text)) {
      out.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    return javaSafeStart(out.toString());
  }

  /** {@code failed_login_attempts} → {@code failedLoginAttempts}; keywords get a trailing '_'. */
  public static String lowerCamel(String text) {
    String upper = upperCamel(text);
    if (upper.isEmpty()) {
      return "_";
    }
    String lower = upper.startsWith("_") ? upper
        : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    return Identifiers.isJavaKeyword(lower) ? lower + "_" : lower;
  }

  /** {@code created_at} → {@code CREATED_AT}. */
  public static String constant(String text) {
    return javaSafeStart(String.join("_", split(text)).toUpperCase(Locale.ROOT));
  }

  /** {@code oauth2-server} → {@code oauth2server}: a valid, keyword-free package segment. */
  public static String packageSegment(String text) {
    String joined = String.join("", split(text));
    joined = javaSafeStart(joined);
    return Identifiers.isJavaKeyword(joined) ? joined + "_" : joined;
  }

  /** The singular of a snake_case table name: only the last word changes. */
  public static String singularSnake(String snake) {
    List<String> words = split(snake);
    if (words.isEmpty()) {
      return snake;
    }
    int last = words.size() - 1;
    words.set(last, singular(words.get(last)));
    return String.join("_", words);
  }

  /** English singular of one lower-case word, by suffix rules; unknown shapes stay as they are. */
  public static String singular(String word) {
    if (INVARIANT.contains(word) || word.length() < 3) {
      return word;
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches")
        || word.endsWith("xes") || word.endsWith("zes") || word.endsWith("uses")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
      return word;
    }
    if (word.endsWith("s")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static String javaSafeStart(String name) {
    return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }
}
