package io.github.authspec.plugin.sql;

import io.github.authspec.plugin.sql.SchemaState.ColumnState;
import io.github.authspec.plugin.sql.SchemaState.TableState;
import io.github.authspec.plugin.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;

/**
 * What migrations the plugin did not write add to the recorded schema. Only what the spec also
 * declares is taken over: a table, column, unique key or index a user migration created counts
 * as present (so it is never created again, and any difference from the spec is migrated as a
 * change), while the user's own extras are left alone rather than dropped.
 */
final class SchemaOverlay {
  private SchemaOverlay() {}

  /** {@code recorded} plus what {@code built} holds of {@code desired} beyond it. */
  static SchemaState overlay(SchemaState recorded, Meta built, SchemaState desired) {
    List<TableState> tables = new ArrayList<>(recorded.tables());
    for (TableState want : desired.tables()) {
      Optional<Table<?>> table = find(built, want.name());
      if (table.isEmpty()) {
        continue;
      }
      Optional<TableState> had = recorded.table(want.name());
      List<ColumnState> columns = new ArrayList<>(
          had.map(TableState::columns).orElse(List.of()));
      for (ColumnState c : want.columns()) {
        boolean known = columns.stream().anyMatch(k -> k.name().equals(c.name()));
        Field<?> field = table.get().field(c.name());
        if (!known && field != null) {
          columns.add(fromMeta(table.get(), field, c));
        }
      }
      if (columns.isEmpty()) {
        continue;
      }
      TableState merged = new TableState(want.name(),
          had.map(TableState::primaryKeyName).orElse(want.primaryKeyName()), columns);
      if (had.isPresent()) {
        tables.set(tables.indexOf(had.get()), merged);
      } else {
        tables.add(merged);
      }
    }
    return new SchemaState(tables);
  }

  private static Optional<Table<?>> find(Meta meta, String name) {
    return meta.getTables().stream().filter(t -> t.getName().equals(name)).findFirst();
  }

  /**
   * The column as the user's DDL made it, with the spec's names for what already exists
   * (constraints and indexes are matched by their column, not their name).
   */
  private static ColumnState fromMeta(Table<?> table, Field<?> field, ColumnState want) {
    DataType<?> type = field.getDataType();
    DataType<?> element = type.isArray() ? type.getArrayComponentDataType() : type;
    String specType = specType(element).orElse(want.type());
    boolean sameKind = specType.equals(want.type());
    Integer size = "VARCHAR".equals(specType) && element.hasLength() && element.length() > 0
        ? Integer.valueOf(element.length()) : sameKind ? want.size() : null;
    Integer precision = "DECIMAL".equals(specType) && element.precision() > 0
        ? Integer.valueOf(element.precision()) : sameKind ? want.precision() : null;
    Integer scale = "DECIMAL".equals(specType) && element.precision() > 0
        ? Integer.valueOf(element.scale()) : sameKind ? want.scale() : null;
    boolean single = table.getUniqueKeys().stream()
        .anyMatch(k -> k.getFields().size() == 1 && k.getFields().get(0).getName()
            .equals(want.name()));
    boolean indexed = table.getIndexes().stream().anyMatch(i -> onlyOn(i, want.name()));
    boolean checked = want.checkName() != null && table.getChecks().stream()
        .anyMatch(k -> k.getName().equals(want.checkName()));
    boolean referenced = table.getReferences().stream()
        .anyMatch(k -> k.getFields().size() == 1 && k.getFields().get(0).getName()
            .equals(want.name()));
    return new ColumnState(want.name(), specType, size, precision, scale, type.isArray(),
        type.nullable(), want.primaryKey(), type.identity(),
        type.defaulted() ? want.defaultKind() : null, type.defaulted() ? want.defaultValue() : null,
        single ? want.uniqueName() : null,
        indexed ? want.indexName() : null, indexed ? want.indexMethod() : null,
        checked ? want.checkName() : null, checked ? want.check() : null, want.comment(),
        referenced ? want.foreignKey() : null);
  }

  private static boolean onlyOn(Index index, String column) {
    return index.getFields().size() == 1
        && index.getFields().get(0).getName().equals(column);
  }

  /** The spec type of a jOOQ data type, when there is one. */
  static Optional<String> specType(DataType<?> type) {
    Class<?> jt = type.getSQLDataType() == null ? type.getType()
        : type.getSQLDataType().getType();
    if (jt == java.time.OffsetDateTime.class) {
      return Optional.of(SchemaState.ColumnState.TIMESTAMPTZ);
    }
    return TypeMapping.fromJooq(type).map(Enum::name);
  }
}
