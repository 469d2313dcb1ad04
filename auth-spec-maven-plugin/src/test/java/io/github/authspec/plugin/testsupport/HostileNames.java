package io.github.authspec.plugin.testsupport;

import io.github.authspec.plugin.naming.Reserved;
import io.github.authspec.plugin.naming.SupportType;
import io.github.authspec.plugin.naming.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Clash-prone names for tests: keywords, Object's methods, names generated code uses. */
public final class HostileNames {
  private HostileNames() {}

  /** Java keywords, contextual ones included ({@code _} cannot be made a name: see below). */
  public static final List<String> KEYWORDS = List.of("abstract", "assert", "boolean",
      "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
      "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
      "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "when",
      "module", "open", "exports", "requires");
  /** Object's methods in the spec's snake case: {@code hash_code} is {@code hashCode}. */
  public static final List<String> OBJECT_METHODS = List.of("wait", "notify", "notify_all",
      "hash_code", "equals", "to_string", "get_class", "clone", "finalize");
  /** Every name the generated code uses itself, as members, parameters or locals. */
  public static final List<String> GENERATED_NAMES = List.of("builder", "to_builder",
      "build", "value", "key", "spec", "parse", "c", "connection", "data_source", "rs", "ps",
      "row", "rows", "id2", "limit", "offset", "request", "response_type", "http", "table",
      "columns", "insert",
      "insert_all", "insert_statement", "find_all", "find_by_id", "exists_by_id", "delete_by_id",
      "count", "map", "update", "raw0", "encoded", "parsed", "pattern", "prefix", "segments",
      "e", "t", "k", "v", "loader", "ticker", "inserts", "bindings", "sql", "all");
  /** Class names: support types, shared records, java.lang types, nested types. */
  public static final List<String> CLASS_NAMES = classNames();
  /** Pairs that become one Java name. */
  public static final List<String> CLASHING = List.of("a_b", "a__b", "ab_", "user_id", "userid");

  private static List<String> classNames() {
    List<String> out = new ArrayList<>();
    for (SupportType t : SupportType.values()) {
      out.add(snake(t.simpleName()));
    }
    for (String s : Reserved.JAVA_LANG) {
      out.add(snake(s));
    }
    out.addAll(List.of("builder", "columns", "generated", "entity", "repository"));
    return out.stream().distinct().sorted().toList();
  }

  public static List<String> all() {
    Set<String> names = new LinkedHashSet<>();
    Stream.of(KEYWORDS, OBJECT_METHODS, GENERATED_NAMES, CLASS_NAMES, CLASHING)
        .forEach(names::addAll);
    return List.copyOf(names);
  }

  private static String snake(String camel) {
    return String.join("_", Words.split(camel));
  }

  /** A feature or service id: the format allows {@code [a-z0-9][a-z0-9_-]*}. */
  public static String id(String name) {
    return name.matches("[a-z0-9][a-z0-9_-]*") ? name : kebab(name);
  }

  public static String kebab(String snake) {
    String k = snake.replace('_', '-').replaceAll("^-+|-+$", "");
    return k.isEmpty() ? "x" : k;
  }

  public static String camel(String snake) {
    String upper = Words.upperCamel(snake);
    return upper.isEmpty() || !Character.isLetter(upper.charAt(0)) ? "x" + upper
        : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
  }
}
