package io.github.authspec.plugin.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declared renames from the {@code renames} parameter: {@code old=new} renames a table,
 * {@code table.old=new} a column of {@code table} (the table's current name).
 */
record Renames(Map<String, String> tables, Map<String, Map<String, String>> columnsByTable) {

  /** Parses the parameter; malformed entries are returned in {@code invalid}. */
  static Renames parse(List<String> entries, List<String> invalid) {
    Map<String, String> tables = new LinkedHashMap<>();
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    for (String entry : entries) {
      String[] parts = entry.trim().split("=", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        invalid.add(entry);
        continue;
      }
      String from = parts[0].trim();
      String to = parts[1].trim();
      int dot = from.indexOf('.');
      if (dot < 0) {
        tables.put(from, to);
      } else {
        columns.computeIfAbsent(from.substring(0, dot), t -> new LinkedHashMap<>())
            .put(from.substring(dot + 1), to);
      }
    }
    return new Renames(tables, columns);
  }

  Map<String, String> columns(String table) {
    return columnsByTable.getOrDefault(table, Map.of());
  }
}
