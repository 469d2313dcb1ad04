package io.github.authspec.plugin.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A schema as comparable facts, keyed by what they describe: {@code table t}, {@code column t.c}
 * (type, nullability, default), {@code primary key t}, {@code unique t.name},
 * {@code foreign key t.name}, {@code index t.name}, {@code check t.name}. Both sides of a drift
 * check (the migrations, interpreted; the live database, read) are reduced to this, with type
 * names and defaults normalised to one spelling.
 */
final class SchemaFacts {
  private static final Pattern CAST = Pattern.compile("::[a-z_ ]+(\\[\\])?(\\(\\d+(,\\s*\\d+)?\\))?");
  private final Map<String, String> facts = new TreeMap<>();

  void table(String table) {
    facts.put("table " + table, "");
  }

  void column(String table, String column, String type, boolean nullable, String defaultValue,
      boolean identity) {
    StringBuilder d = new StringBuilder(type);
    d.append(nullable ? " NULL" : " NOT NULL");
    if (identity) {
      d.append(" IDENTITY");
    } else if (defaultValue != null) {
      d.append(" DEFAULT ").append(defaultValue(defaultValue));
    }
    facts.put("column " + table + "." + column, d.toString());
  }

  void primaryKey(String table, String name, List<String> columns) {
    facts.put("primary key " + table, name + " (" + String.join(", ", columns) + ")");
  }

  void unique(String table, String name, List<String> columns) {
    facts.put("unique " + table + "." + name, "(" + String.join(", ", columns) + ")");
  }

  void foreignKey(String table, String name, List<String> columns, String target,
      List<String> targetColumns) {
    facts.put("foreign key " + table + "." + name, "(" + String.join(", ", columns) + ") -> "
        + target + " (" + String.join(", ", targetColumns) + ")");
  }

  void index(String table, String name, List<String> columns, boolean unique) {
    facts.put("index " + table + "." + name,
        (unique ? "UNIQUE " : "") + "(" + String.join(", ", columns) + ")");
  }

  void check(String table, String name) {
    facts.put("check " + table + "." + name, "");
  }

  /**
   * Every difference, as lines. A table missing on one side is one line (not one per column);
   * so is a column, whose constraints and indexes go with it.
   */
  static List<String> differences(SchemaFacts expected, SchemaFacts actual) {
    List<String> out = new ArrayList<>();
    List<String> goneTables = new ArrayList<>();
    List<String> newTables = new ArrayList<>();
    for (String key : expected.facts.keySet()) {
      if (key.startsWith("table ") && !actual.facts.containsKey(key)) {
        goneTables.add(key.substring(6));
      }
    }
    for (String key : actual.facts.keySet()) {
      if (key.startsWith("table ") && !expected.facts.containsKey(key)) {
        newTables.add(key.substring(6));
      }
    }
    TreeMap<String, String> all = new TreeMap<>(expected.facts);
    actual.facts.forEach(all::putIfAbsent);
    for (String key : all.keySet()) {
      String want = expected.facts.get(key);
      String have = actual.facts.get(key);
      if (java.util.Objects.equals(want, have) || belongsTo(key, goneTables)
          || belongsTo(key, newTables)) {
        if (key.startsWith("table ") && (want == null || have == null)) {
          out.add(key + ": " + (have == null ? "the migrations create it, the database has"
              + " none" : "in the database, not in the migrations"));
        }
        continue;
      }
      if (have == null) {
        out.add(key + ": the migrations define " + describe(key, want)
            + ", the database has none");
      } else if (want == null) {
        out.add(key + ": in the database (" + describe(key, have) + "), not in the migrations");
      } else {
        out.add(key + ": the migrations say " + want + ", the database has " + have);
      }
    }
    return out;
  }

  private static String describe(String key, String value) {
    return value.isEmpty() ? key.substring(0, key.indexOf(' ')) : value;
  }

  private static boolean belongsTo(String key, List<String> tables) {
    for (String t : tables) {
      String rest = key.substring(key.lastIndexOf(' ') + 1);
      if (rest.equals(t) || rest.startsWith(t + ".")) {
        return true;
      }
    }
    return false;
  }

  /** One spelling per PostgreSQL type: aliases, jOOQ's names and catalog names agree. */
  static String type(String name, int length, int precision, int scale, boolean array) {
    String n = name.toLowerCase(Locale.ROOT).trim();
    if (n.startsWith("_")) {
      n = n.substring(1);
      array = true;
    }
    if (n.endsWith("[]")) {
      n = n.substring(0, n.length() - 2);
      array = true;
    }
    if (n.endsWith(" array")) {
      n = n.substring(0, n.length() - 6);
      array = true;
    }
    n = n.replaceAll("\\(.*\\)", "").trim();
    String base = switch (n) {
      case "character varying", "varchar" -> length > 0 ? "varchar(" + length + ")" : "varchar";
      case "character", "char", "bpchar" -> "char(" + Math.max(length, 1) + ")";
      case "integer", "int", "int4" -> "integer";
      case "bigint", "int8" -> "bigint";
      case "smallint", "int2" -> "smallint";
      case "numeric", "decimal" -> precision > 0 ? "numeric(" + precision + "," + scale + ")"
          : "numeric";
      case "boolean", "bool" -> "boolean";
      case "text", "clob", "longvarchar" -> "text";
      case "timestamp", "timestamp without time zone" -> "timestamp";
      case "timestamptz", "timestamp with time zone" -> "timestamptz";
      case "time", "time without time zone" -> "time";
      case "timetz", "time with time zone" -> "timetz";
      case "double precision", "float8", "double" -> "double precision";
      case "real", "float4" -> "real";
      default -> n;
    };
    return array ? base + "[]" : base;
  }

  /** A default without the casts PostgreSQL's catalog adds, keywords in lower case. */
  static String defaultValue(String sql) {
    String s = sql.trim();
    while (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    s = CAST.matcher(s).replaceAll("");
    if (!s.startsWith("'")) {
      s = s.toLowerCase(Locale.ROOT);
    }
    return s;
  }
}
