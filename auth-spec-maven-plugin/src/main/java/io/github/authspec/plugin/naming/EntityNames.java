package io.github.authspec.plugin.naming;

import io.github.authspec.model.Column;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of the tables' Java side for {@link Naming}: entity classes (configured overrides
 * first, then derived ones) and, per table, its members, {@code Columns} constants and finders.
 */
final class EntityNames {
  final Map<String, String> entityNames = new HashMap<>();
  final Map<String, String> members = new HashMap<>();
  final Map<String, String> constants = new HashMap<>();
  final Map<String, String> finders = new HashMap<>();
  private final Allocator allocator;
  private final Reporter reporter;

  EntityNames(Spec spec, Map<String, String> overrides, Allocator allocator) {
    this.allocator = allocator;
    this.reporter = allocator.reporter();
    allocateEntityNames(spec, overrides);
    allocateColumns(spec);
  }

  static String columnTag(Column column) {
    return column.table().name() + "." + column.name();
  }

  private void allocateEntityNames(Spec spec, Map<String, String> overrides) {
    Set<String> reserved = Allocator.classNamesReserved(null);
    reserved.add(Reserved.BUILDER_CLASS);
    reserved.add(Reserved.COLUMNS_CLASS);
    NameAllocator scope = new NameAllocator(reserved);
    Map<String, String> owners = new LinkedHashMap<>();
    for (String table : overrides.keySet()) {
      if (spec.database().table(table).isEmpty()) {
        reporter.report(Code.INVALID_CONFIGURATION, "",
            "entityNames names table '" + table + "', which the spec does not define",
            "remove it from <entityNames> or fix the table name");
      }
    }
    for (Table table : spec.database().tables()) {
      String override = overrides.get(table.name());
      if (override != null) {
        if (!Allocator.javaTypeName(override) || scope.isReserved(override)) {
          reporter.report(Code.INVALID_CONFIGURATION, table.pointer(),
              "entityNames maps '" + table.name() + "' to '" + override + "', which "
                  + (Allocator.javaTypeName(override) ? "the generated code uses itself"
                      : "is not a Java class name"), "use e.g. Account");
          continue;
        }
        if (scope.isTaken(override)) {
          reporter.report(Code.NAME_CONFLICT, table.pointer(),
              "entity name '" + override + "' of table '" + table.name() + "' is also the name "
                  + "for table '" + owners.get(override) + "'",
              "set <entityNames> for one of them");
          continue;
        }
        owners.put(override, table.name());
        entityNames.put(table.name(), scope.allocate(override, table.name()));
      }
    }
    for (Table table : spec.database().tables()) {
      if (overrides.containsKey(table.name())) {
        continue;
      }
      String natural = Words.upperCamel(Words.singularSnake(table.name()));
      if (!Allocator.isLegal(natural)) {
        allocator.allocate(scope, natural, table.name(), table.pointer(),
            "table '" + table.name() + "'");
        continue;
      }
      String name = natural;
      if (scope.isTaken(natural)) {
        String alternative = scope.isReserved(natural) ? natural + "Entity"
            : Words.upperCamel(table.name());
        name = scope.allocate(alternative, table.name());
        reporter.report(Code.NAME_CLASH, table.pointer(),
            "entity name '" + natural + "' for table '" + table.name() + "' "
                + (Reserved.JAVA_LANG.contains(natural) ? "would shadow java.lang." + natural
                    : scope.isReserved(natural) ? "is used by the generated code itself"
                    : "is taken by table '" + owners.get(natural) + "'")
                + "; using '" + name + "'",
            "set <entityNames><" + table.name() + ">YourName</" + table.name()
                + "></entityNames> to choose");
      } else {
        scope.allocate(natural, table.name());
      }
      owners.put(name, table.name());
      entityNames.put(table.name(), name);
    }
  }

  /** A table's member, constant and finder names, by column tag. */
  private record ColumnNames(Map<String, String> members, Map<String, String> constants,
      Map<String, String> finders) {}

  /** Each table is its own scope, so tables are named in parallel and merged in order. */
  private void allocateColumns(Spec spec) {
    spec.database().tables().parallelStream().map(this::columnNames).toList().forEach(n -> {
      members.putAll(n.members());
      constants.putAll(n.constants());
      finders.putAll(n.finders());
    });
  }

  private ColumnNames columnNames(Table table) {
    ColumnNames names = new ColumnNames(new HashMap<>(), new HashMap<>(), new HashMap<>());
    NameAllocator record = new NameAllocator(Reserved.ENTITY_MEMBERS);
    NameAllocator columns = new NameAllocator(Set.of());
    NameAllocator methods = new NameAllocator(Reserved.REPOSITORY_MEMBERS);
    for (Column c : table.columns()) {
      String what = "column '" + c.name() + "' of table '" + table.name() + "'";
      String tag = columnTag(c);
      String member =
          allocator.allocate(record, Words.lowerCamel(c.name()), tag, c.pointer(), what);
      if (member == null) {
        continue;
      }
      names.members().put(tag, member);
      names.constants().put(tag, allocator.allocate(columns, Words.constant(c.name()), tag,
          c.pointer(), what + " (its Columns constant)"));
      if (!c.primaryKey() && (c.unique() || c.foreignKey().isPresent())) {
        names.finders().put(tag, allocator.allocate(methods,
            "findBy" + Words.upperCamel(c.name()), tag, c.pointer(),
            what + " (its repository finder)"));
      }
    }
    return names;
  }
}
