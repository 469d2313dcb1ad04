package io.github.authspec.plugin.sql;

import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.sql.SchemaState.ColumnState;
import io.github.authspec.plugin.sql.SchemaState.TableState;
import io.github.authspec.plugin.types.TypeMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Query;

/**
 * The difference between the schema the migrations have built so far and the one the spec asks
 * for, as DDL in a safe order: renames, drops, new tables, column changes, then foreign keys
 * (so forward references and cycles work). Steps that lose data are listed in
 * {@link Plan#destructive()}; the caller decides whether they are allowed.
 */
final class MigrationPlanner {
  /** How each change of a schema created from nothing begins; V1's header and name read it. */
  static final String CREATE = "create ";

  private final SqlRenderer sql;

  MigrationPlanner(SqlRenderer sql) {
    this.sql = sql;
  }

  /** The DDL, what it does in a few words, and the steps that may lose data. */
  record Plan(List<Query> queries, List<String> changes, List<String> destructive) {
    boolean isEmpty() {
      return queries.isEmpty();
    }
  }

  /** What {@link #plan} lists as the changes of a schema created from nothing. */
  static List<String> creation(SchemaState to) {
    return to.tables().stream().map(t -> CREATE + t.name()).toList();
  }

  Plan plan(SchemaState from, SchemaState to, Renames renames) {
    List<Query> queries = new ArrayList<>();
    List<Query> foreignKeys = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> destructive = new ArrayList<>();
    Map<String, TableState> current = new LinkedHashMap<>();
    from.tables().forEach(t -> current.put(t.name(), t));

    renames.tables().forEach((old, now) -> {
      TableState t = current.remove(old);
      if (t != null && to.table(now).isPresent() && !current.containsKey(now)) {
        queries.add(sql.renameTable(old, now));
        changes.add("rename table " + old + " to " + now);
        current.put(now, new TableState(now, t.primaryKeyName(), t.columns()));
      } else if (t != null) {
        current.put(old, t);
      }
    });
    for (TableState old : List.copyOf(current.values())) {
      if (to.table(old.name()).isEmpty()) {
        queries.add(sql.dropTable(old.name()));
        changes.add("drop table " + old.name());
        destructive.add("drops table " + old.name() + " and all its rows");
        current.remove(old.name());
      }
    }
    for (TableState table : to.tables()) {
      TableState old = current.get(table.name());
      if (old == null) {
        queries.add(sql.createTable(table));
        queries.addAll(sql.tableExtras(table));
        changes.add((from.tables().isEmpty() ? CREATE : "add table ") + table.name());
        table.columns().stream().filter(c -> c.foreignKey() != null)
            .forEach(c -> foreignKeys.add(sql.addForeignKey(table.name(), c)));
      } else {
        columns(old, table, renames, queries, foreignKeys, changes, destructive);
      }
    }
    queries.addAll(foreignKeys);
    return new Plan(queries, changes, destructive);
  }

  private void columns(TableState old, TableState table, Renames renames, List<Query> queries,
      List<Query> foreignKeys, List<String> changes, List<String> destructive) {
    String t = table.name();
    Map<String, ColumnState> current = new LinkedHashMap<>();
    old.columns().forEach(c -> current.put(c.name(), c));
    renames.columns(t).forEach((from, now) -> {
      ColumnState c = current.remove(from);
      if (c != null && table.column(now).isPresent() && !current.containsKey(now)) {
        queries.add(sql.renameColumn(t, from, now));
        changes.add("rename column " + t + "." + from + " to " + now);
        current.put(now, renamed(c, now));
      } else if (c != null) {
        current.put(from, c);
      }
    });
    for (ColumnState c : List.copyOf(current.values())) {
      if (table.column(c.name()).isEmpty()) {
        queries.add(sql.dropColumn(t, c.name()));
        changes.add("drop column " + t + "." + c.name());
        destructive.add("drops column " + t + "." + c.name() + " and its values");
        current.remove(c.name());
      }
    }
    for (ColumnState c : table.columns()) {
      ColumnState was = current.get(c.name());
      if (was == null) {
        addColumn(t, c, queries, foreignKeys, changes, destructive);
      } else if (!was.equals(c)) {
        alterColumn(t, was, c, queries, foreignKeys, changes, destructive);
      }
    }
  }

  private void addColumn(String t, ColumnState c, List<Query> queries, List<Query> foreignKeys,
      List<String> changes, List<String> destructive) {
    queries.add(sql.addColumn(t, c));
    changes.add("add column " + t + "." + c.name());
    if (!c.nullable() && !c.hasDefault() && !c.identity()) {
      destructive.add("adds NOT NULL column " + t + "." + c.name()
          + " without a default, which fails on a table with rows");
    }
    if (c.uniqueName() != null) {
      queries.add(sql.addConstraint(t, sql.unique(c)));
    }
    if (c.checkName() != null) {
      queries.add(sql.addConstraint(t, sql.check(c)));
    }
    if (c.indexName() != null) {
      queries.add(sql.createIndex(t, c));
    }
    if (c.comment() != null) {
      queries.add(sql.comment(t, c));
    }
    if (c.foreignKey() != null) {
      foreignKeys.add(sql.addForeignKey(t, c));
    }
  }

  private void alterColumn(String t, ColumnState was, ColumnState c, List<Query> queries,
      List<Query> foreignKeys, List<String> changes, List<String> destructive) {
    String where = t + "." + c.name();
    changes.add("change column " + where);
    if (!Objects.equals(was.foreignKey(), c.foreignKey()) && was.foreignKey() != null) {
      queries.add(sql.dropConstraint(t, was.foreignKey().name()));
    }
    if (!Objects.equals(was.checkName(), c.checkName())
        || !Objects.equals(was.check(), c.check())) {
      if (was.checkName() != null) {
        queries.add(sql.dropConstraint(t, was.checkName()));
      }
    }
    if (!was.sameType(c) && was.sqlType() == SqlType.TIMESTAMP
        && c.sqlType() == SqlType.TIMESTAMP && was.array() == c.array()) {
      // The timestamps option changed: stored values are read as UTC, nothing is lost.
      queries.add(sql.alterTypeAtUtc(t, c));
    } else if (!was.sameType(c)) {
      if (!widens(was, c)) {
        destructive.add("changes the type of " + where + " from " + describe(was) + " to "
            + describe(c) + ", which can lose or reject values");
      }
      queries.add(sql.alterType(t, c));
    }
    if (was.identity() != c.identity()) {
      destructive.add("changes autoIncrement of " + where + ", which the plugin does not "
          + "migrate; recreate the column");
    }
    if (!Objects.equals(was.defaultKind(), c.defaultKind())
        || !Objects.equals(was.defaultValue(), c.defaultValue())) {
      queries.add(sql.setDefault(t, c));
    }
    if (was.nullable() != c.nullable()) {
      if (!c.nullable() && !c.hasDefault()) {
        destructive.add("makes " + where + " NOT NULL without a default, which fails while "
            + "any row holds NULL");
      }
      queries.add(sql.setNotNull(t, c.name(), !c.nullable()));
    }
    if (!Objects.equals(was.uniqueName(), c.uniqueName())) {
      if (was.uniqueName() != null) {
        queries.add(sql.dropConstraint(t, was.uniqueName()));
      }
      if (c.uniqueName() != null) {
        queries.add(sql.addConstraint(t, sql.unique(c)));
      }
    }
    if (!Objects.equals(was.indexName(), c.indexName())
        || !Objects.equals(was.indexMethod(), c.indexMethod())) {
      if (was.indexName() != null) {
        queries.add(sql.dropIndex(was.indexName()));
      }
      if (c.indexName() != null) {
        queries.add(sql.createIndex(t, c));
      }
    }
    if ((!Objects.equals(was.checkName(), c.checkName())
        || !Objects.equals(was.check(), c.check())) && c.checkName() != null) {
      queries.add(sql.addConstraint(t, sql.check(c)));
    }
    if (!Objects.equals(was.comment(), c.comment())) {
      queries.add(sql.comment(t, c));
    }
    if (!Objects.equals(was.foreignKey(), c.foreignKey()) && c.foreignKey() != null) {
      foreignKeys.add(sql.addForeignKey(t, c));
    }
  }

  /** Whether the new type holds every value of the old one. */
  static boolean widens(ColumnState was, ColumnState now) {
    if (was.array() != now.array()) {
      return false;
    }
    if (was.type().equals(now.type())) {
      return switch (now.sqlType()) {
        case VARCHAR -> now.size() == null || (was.size() != null && now.size() >= was.size());
        case DECIMAL -> now.precision() == null || (was.precision() != null
            && Objects.equals(orZero(was.scale()), orZero(now.scale()))
            && now.precision() >= was.precision());
        default -> true;
      };
    }
    return was.withTimeZone() == now.withTimeZone()
        && TypeMapping.widens(was.sqlType(), now.sqlType());
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static String describe(ColumnState c) {
    String size = c.size() != null ? "(" + c.size() + ")"
        : c.precision() != null ? "(" + c.precision() + "," + orZero(c.scale()) + ")" : "";
    return c.type() + size + (c.array() ? "[]" : "");
  }

  private static ColumnState renamed(ColumnState c, String name) {
    return new ColumnState(name, c.type(), c.size(), c.precision(), c.scale(), c.array(),
        c.nullable(), c.primaryKey(), c.identity(), c.defaultKind(), c.defaultValue(),
        c.uniqueName(), c.indexName(), c.indexMethod(), c.checkName(), c.check(), c.comment(),
        c.foreignKey());
  }
}
