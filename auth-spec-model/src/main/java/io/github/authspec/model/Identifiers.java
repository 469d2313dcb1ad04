package io.github.authspec.model;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rules of the spec, in one place (docs/spec.md quotes them).
 * Table and column names: lower snake case, {@code [a-z_][a-z0-9_]*}, at most 63 bytes (the
 * PostgreSQL limit). SQL reserved words are allowed: generated SQL quotes them.
 */
public final class Identifiers {
  /** Safe SQL identifiers: unquoted-case-stable in PostgreSQL and mappable to Java names. */
  public static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  /** Feature, group and external-service ids: kebab case as the designer writes them. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  /** Redis placeholders and local cache names. */
  public static final Pattern JAVA_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  public static final int MAX_SQL_NAME_BYTES = 63;

  private static final Set<String> JAVA_KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public",
      "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "_", "var", "yield", "record", "sealed", "permits", "non-sealed");

  private Identifiers() {}

  public static boolean isSqlName(String name) {
    return SQL_NAME.matcher(name).matches()
        && name.getBytes(StandardCharsets.UTF_8).length <= MAX_SQL_NAME_BYTES;
  }

  public static boolean isJavaKeyword(String word) {
    return JAVA_KEYWORDS.contains(word);
  }

  /** A dotted Java package name whose every part is an identifier and no keyword. */
  public static boolean isJavaPackage(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || isJavaKeyword(part)
          || !Character.isJavaIdentifierStart(part.codePointAt(0))
          || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
        return false;
      }
    }
    return true;
  }
}
