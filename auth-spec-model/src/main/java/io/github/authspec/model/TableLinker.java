package io.github.authspec.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authspec.model.Index.IndexType;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.raw.RawSpec.RawField;
import io.github.authspec.model.raw.RawSpec.RawForeignKey;
import io.github.authspec.model.raw.RawSpec.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** Validates tables and columns, then resolves foreign keys once every table is known. */
final class TableLinker {
  private static final List<String> TYPE_NAMES =
      Arrays.stream(SqlType.values()).map(Enum::name).toList();
  private static final int MAX_VARCHAR = 10_485_760;
  private static final int MAX_NUMERIC_PRECISION = 1000;

  private final Reporter reporter;
  private final Defaults defaults;

  TableLinker(Reporter reporter) {
    this.reporter = reporter;
    this.defaults = new Defaults(reporter);
  }

  List<Table> link(List<RawTable> rawTables) {
    // Names first, in order (a second table of one name is reported and skipped whole); then
    // each table's columns in parallel, as they depend on nothing else; then, in order again,
    // the tables and the foreign keys to resolve once every table is known.
    Set<String> names = new HashSet<>();
    List<RawTable> kept = new ArrayList<>();
    List<String> keptNames = new ArrayList<>();
    for (RawTable raw : rawTables) {
      String name = name(raw.name(), raw.pointer(), "table");
      if (name != null && !names.add(name)) {
        reporter.report(Code.DUPLICATE_TABLE, raw.pointer() + "/name",
            "table '" + name + "' is declared twice", "rename or merge one of them");
        continue;
      }
      kept.add(raw);
      keptNames.add(name);
    }
    List<Linked> linked = IntStream.range(0, kept.size()).parallel().mapToObj(i -> {
      Map<Column, RawForeignKey> pending = new LinkedHashMap<>();
      return new Linked(columns(kept.get(i), pending), pending);
    }).toList();
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<Column, RawForeignKey> pending = new LinkedHashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      pending.putAll(linked.get(i).pending());
      if (keptNames.get(i) != null) {
        tables.put(keptNames.get(i), new Table(keptNames.get(i), linked.get(i).columns(),
            kept.get(i).pointer()));
      }
    }
    new ForeignKeys(reporter, tables).link(pending);
    return List.copyOf(tables.values());
  }

  /** One table's columns, and those of its foreign keys still to resolve. */
  private record Linked(List<Column> columns, Map<Column, RawForeignKey> pending) {}

  private List<Column> columns(RawTable table, Map<Column, RawForeignKey> pending) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int primaryKeys = 0;
    List<RawField> checks = new ArrayList<>();
    for (RawField f : table.fields()) {
      Column c = column(f);
      if (c == null) {
        continue;
      }
      if (!seen.add(c.name())) {
        reporter.report(Code.DUPLICATE_COLUMN, f.pointer() + "/name",
            "column '" + c.name() + "' is declared twice in table '" + table.name() + "'",
            "rename or remove one of them");
        continue;
      }
      if (c.primaryKey() && ++primaryKeys == 2) {
        reporter.report(Code.MULTIPLE_PRIMARY_KEYS, f.pointer() + "/primaryKey",
            "table '" + table.name() + "' has a second primary-key column '" + c.name() + "'",
            "composite primary keys are not supported: keep one primary key and make the "
                + "others unique");
      }
      if (f.foreignKey() != null) {
        pending.put(c, f.foreignKey());
      }
      columns.add(c);
      if (f.check() != null) {
        checks.add(f);
      }
    }
    // Checks may name any column of the table, so they are verified once all are known.
    List<String> names = columns.stream().map(Column::name).toList();
    checks.forEach(f -> check(f, table.name(), names));
    if (primaryKeys == 0 && table.name() != null) {
      reporter.report(Code.NO_PRIMARY_KEY, table.pointer(),
          "table '" + table.name() + "' has no primary key",
          "add a field with \"primaryKey\": true (usually \"id\" BIGINT autoIncrement)");
    }
    return columns;
  }

  private Column column(RawField f) {
    String name = name(f.name(), f.pointer(), "column");
    SqlType type = type(f);
    if (name == null || type == null) {
      return null;
    }
    Column.Builder b = Column.builder(name, type);
    b.pointer = f.pointer();
    b.primaryKey = Boolean.TRUE.equals(f.primaryKey());
    b.array = Boolean.TRUE.equals(f.isArray());
    b.nullable = !b.primaryKey && !Boolean.FALSE.equals(f.nullable());
    if (b.primaryKey && Boolean.TRUE.equals(f.nullable())) {
      reporter.report(Code.NULLABLE_PRIMARY_KEY, f.pointer() + "/nullable",
          "primary key '" + name + "' is declared nullable; primary keys are always NOT NULL",
          "remove \"nullable\": true");
    }
    sizes(f, type, b);
    autoIncrement(f, type, b);
    index(f, b);
    b.defaultValue = f.defaultValue() == null ? null : defaultValue(f, type, b);
    b.check = f.check();
    b.comment = f.comment();
    return b.build();
  }

  private String name(String name, String pointer, String what) {
    if (name == null || name.isBlank()) {
      reporter.report(Code.INVALID_NAME, name == null ? pointer : pointer + "/name",
          "the " + what + " has no name",
          "add \"name\": a lower snake_case identifier");
      return null;
    }
    if (!Identifiers.isSqlName(name)) {
      reporter.report(Code.INVALID_NAME, pointer + "/name",
          what + " name '" + name + "' is not a safe identifier",
          "use lower snake_case: [a-z_][a-z0-9_]*, at most 63 bytes");
      return null;
    }
    return name;
  }

  private SqlType type(RawField f) {
    if (f.type() == null) {
      reporter.report(Code.MISSING_PROPERTY, f.pointer(),
          "column '" + f.name() + "' has no type", "add \"type\", one of " + TYPE_NAMES);
      return null;
    }
    Optional<SqlType> type = SqlType.parse(f.type());
    if (type.isEmpty()) {
      reporter.report(Code.UNKNOWN_SQL_TYPE, f.pointer() + "/type",
          "unknown column type '" + f.type() + "'", Suggest.hint(f.type(), TYPE_NAMES));
    }
    return type.orElse(null);
  }

  private void sizes(RawField f, SqlType type, Column.Builder b) {
    b.size = positiveInt(f.size(), f.pointer() + "/size", "size", MAX_VARCHAR);
    b.precision = positiveInt(f.precision(), f.pointer() + "/precision", "precision",
        MAX_NUMERIC_PRECISION);
    b.scale = f.scale() == null ? null
        : positiveInt(f.scale().add(java.math.BigDecimal.ONE), f.pointer() + "/scale", "scale",
            MAX_NUMERIC_PRECISION + 1);
    if (b.scale != null) {
      b.scale -= 1;
    }
    if (b.size != null && type != SqlType.VARCHAR) {
      sizeProblem(f, "/size", "size applies to VARCHAR only, not " + type, "remove \"size\"");
      b.size = null;
    }
    if (type == SqlType.VARCHAR && f.size() == null) {
      sizeProblem(f, "", "VARCHAR column '" + f.name() + "' has no size",
          "add \"size\" (1 to " + MAX_VARCHAR + "), or use TEXT for unbounded text");
    }
    if (type != SqlType.DECIMAL && (b.precision != null || b.scale != null)) {
      sizeProblem(f, b.precision != null ? "/precision" : "/scale",
          "precision and scale apply to DECIMAL only, not " + type,
          "remove \"precision\" and \"scale\"");
      b.precision = null;
      b.scale = null;
    }
    if (b.scale != null && b.precision == null) {
      sizeProblem(f, "/scale", "scale without precision", "add \"precision\" (total digits)");
      b.scale = null;
    }
    if (b.scale != null && b.scale > b.precision) {
      sizeProblem(f, "/scale", "scale " + b.scale + " exceeds precision " + b.precision,
          "scale counts the digits after the point; it must not exceed precision");
      b.scale = null;
    }
  }

  private Integer positiveInt(java.math.BigDecimal value, String pointer, String what, int max) {
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
        || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      reporter.report(Code.INVALID_SIZE, pointer,
          what + " " + value.toPlainString() + " is not a whole number from 1 to " + max, "");
      return null;
    }
    return value.intValueExact();
  }

  private void sizeProblem(RawField f, String member, String message, String hint) {
    reporter.report(Code.INVALID_SIZE, f.pointer() + member, message, hint);
  }

  private void autoIncrement(RawField f, SqlType type, Column.Builder b) {
    b.autoIncrement = Boolean.TRUE.equals(f.autoIncrement());
    if (b.autoIncrement && (type.family() != SqlType.Family.INTEGER || b.array)) {
      reporter.report(Code.INVALID_AUTO_INCREMENT, f.pointer() + "/autoIncrement",
          "autoIncrement needs an integer column, not " + type + (b.array ? "[]" : ""),
          "use BIGINT, or remove \"autoIncrement\"");
      b.autoIncrement = false;
    }
  }

  private void index(RawField f, Column.Builder b) {
    b.unique = Boolean.TRUE.equals(f.unique());
    if (f.index() == null) {
      return;
    }
    IndexType type = IndexType.BTREE;
    if (f.index().type() != null) {
      List<String> names = Arrays.stream(IndexType.values()).map(Enum::name).toList();
      String upper = f.index().type().trim().toUpperCase(java.util.Locale.ROOT);
      if (!names.contains(upper)) {
        reporter.report(Code.INVALID_INDEX, f.index().pointer() + "/type",
            "unknown index type '" + f.index().type() + "'", Suggest.hint(upper, names));
        return;
      }
      type = IndexType.valueOf(upper);
    }
    boolean uniqueIndex = Boolean.TRUE.equals(f.index().unique());
    if (uniqueIndex && type != IndexType.BTREE) {
      reporter.report(Code.INVALID_INDEX, f.index().pointer() + "/unique",
          "a " + type + " index cannot be unique in PostgreSQL", "use BTREE for a unique index");
      return;
    }
    if (uniqueIndex || b.unique) {
      // One unique constraint serves both "unique" and a unique BTREE index: never two indexes.
      b.unique = true;
      if (!uniqueIndex && type != IndexType.BTREE) {
        b.index = new Index(type, false);
      }
      return;
    }
    b.index = new Index(type, false);
  }

  private DefaultValue defaultValue(RawField f, SqlType type, Column.Builder b) {
    if (b.autoIncrement) {
      reporter.report(Code.INVALID_DEFAULT, f.pointer() + "/default",
          "an autoIncrement column cannot also have a default",
          "remove \"default\" (the identity supplies the value)");
      return null;
    }
    if (b.array) {
      reporter.report(Code.ARRAY_NOT_SUPPORTED, f.pointer() + "/default",
          "defaults on array columns are not supported", "remove \"default\"");
      return null;
    }
    JsonNode value = f.defaultValue();
    return defaults.check(value, type, b, f.pointer() + "/default").orElse(null);
  }

  private void check(RawField f, String table, List<String> columns) {
    SqlConditions.problem(f.check(), table, columns).ifPresent(problem ->
        reporter.report(Code.INVALID_CHECK, f.pointer() + "/check",
            "check of '" + f.name() + "' is not one SQL condition over table '" + table
                + "': " + problem,
            "write a single boolean condition over the table's columns, e.g. \"age >= 0\""));
  }
}
