package io.github.authspec.plugin.types;

import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.naming.Words;
import java.util.List;
import java.util.Set;

/**
 * Which columns hold secrets, so generated {@code toString()} never prints them. The one rule:
 * a text column is secret when a word of its name is one of {@link #SECRET_WORDS}, or it is a
 * {@code code} ({@code code}, {@code *_code}) other than a plain classifier such as
 * {@code country_code}; unless its last word says it describes a secret rather than holding one
 * ({@code hash_algorithm}, {@code token_type}, {@code password_changed_at}, ...).
 */
public final class Secrets {
  public static final Set<String> SECRET_WORDS =
      Set.of("password", "hash", "secret", "token", "otp", "seed", "salt", "private", "pin");
  /** Words that make a {@code *_code} column a classifier, not a secret. */
  private static final Set<String> CLASSIFIER_CODES = Set.of(
      "country", "failure", "error", "status", "language", "currency", "postal", "zip",
      "region", "response", "area", "locale");
  /** Last words that describe a secret without holding it. */
  private static final Set<String> DESCRIPTIVE = Set.of(
      "algorithm", "type", "method", "at", "until", "expires", "change", "id", "version",
      "count", "length", "prefix", "hint", "rotated", "challenge", "attempts", "enabled");

  private Secrets() {}

  public static boolean isSecret(Column column) {
    if (column.type() != SqlType.VARCHAR && column.type() != SqlType.TEXT) {
      return false;
    }
    List<String> words = Words.split(column.name());
    if (words.isEmpty() || DESCRIPTIVE.contains(words.get(words.size() - 1))) {
      return false;
    }
    if (words.stream().anyMatch(SECRET_WORDS::contains)) {
      return true;
    }
    int code = words.lastIndexOf("code");
    return code == words.size() - 1 && (code == 0 || !CLASSIFIER_CODES.contains(words.get(code - 1)));
  }
}
