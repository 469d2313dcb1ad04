package io.github.authspec.model;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.raw.RawSpec.RawForeignKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves each column's {@code foreignKey} to a column of the model, or reports why not. */
final class ForeignKeys {
  private final Reporter reporter;
  private final Map<String, Table> tables;

  ForeignKeys(Reporter reporter, Map<String, Table> tables) {
    this.reporter = reporter;
    this.tables = tables;
  }

  void link(Map<Column, RawForeignKey> pending) {
    pending.forEach(this::link);
  }

  private void link(Column source, RawForeignKey fk) {
    ForeignKeyAction onDelete = action(fk.onDelete(), fk.pointer() + "/onDelete");
    ForeignKeyAction onUpdate = action(fk.onUpdate(), fk.pointer() + "/onUpdate");
    if (fk.table() == null || fk.column() == null) {
      reporter.report(Code.MISSING_PROPERTY, fk.pointer(),
          "foreign key of " + source.qualifiedName() + " needs both \"table\" and \"column\"", "");
      return;
    }
    Table table = tables.get(fk.table());
    if (table == null) {
      reporter.report(Code.FK_UNKNOWN_TABLE, fk.pointer() + "/table",
          "foreign key " + source.qualifiedName() + " references table '" + fk.table()
              + "', which is not defined",
          "define table '" + fk.table() + "' or fix the name; "
              + Suggest.hint(fk.table(), tables.keySet()));
      conventionalTypeMismatch(source, fk);
      return;
    }
    Optional<Column> target = table.column(fk.column());
    if (target.isEmpty()) {
      reporter.report(Code.FK_UNKNOWN_COLUMN, fk.pointer() + "/column",
          "foreign key " + source.qualifiedName() + " references column '" + fk.column()
              + "', which table '" + table.name() + "' does not have",
          Suggest.hint(fk.column(), table.columns().stream().map(Column::name).toList()));
      return;
    }
    Column t = target.get();
    boolean ok = true;
    if (t.type() != source.type() || t.array() != source.array()) {
      typeMismatch(source, fk, describe(t), t.qualifiedName() + " is ");
      ok = false;
    }
    if (!t.primaryKey() && !t.unique()) {
      reporter.report(Code.FK_TARGET_NOT_UNIQUE, fk.pointer() + "/column",
          "foreign key " + source.qualifiedName() + " references " + t.qualifiedName()
              + ", which is neither a primary key nor unique",
          "reference the primary key, or mark " + t.qualifiedName() + " unique");
      ok = false;
    }
    if (!source.nullable() && (onDelete == ForeignKeyAction.SET_NULL
        || onUpdate == ForeignKeyAction.SET_NULL)) {
      reporter.report(Code.FK_SET_NULL_NOT_NULL, fk.pointer(),
          "SET NULL on " + source.qualifiedName() + ", which is NOT NULL",
          "make the column nullable, or use CASCADE or RESTRICT");
      ok = false;
    }
    if (ok && onDelete != null && onUpdate != null) {
      source.link(new ForeignKey(source, t, onDelete, onUpdate));
    }
  }

  /**
   * With the target table missing its column type is unknown, but when the target column is
   * {@code id} and every {@code id} primary key of the spec has one type, that is the type the
   * designer will give it: a mismatch with it is reported now rather than after the next export.
   */
  private void conventionalTypeMismatch(Column source, RawForeignKey fk) {
    if (!"id".equals(fk.column())) {
      return;
    }
    List<SqlType> idTypes = tables.values().stream()
        .flatMap(t -> t.column("id").filter(Column::primaryKey).stream())
        .map(Column::type).distinct().toList();
    if (idTypes.size() == 1 && (idTypes.get(0) != source.type() || source.array())) {
      typeMismatch(source, fk, idTypes.get(0).name(),
          fk.table() + ".id would be, like every id primary key in this spec, ");
    }
  }

  private void typeMismatch(Column source, RawForeignKey fk, String targetType, String target) {
    reporter.report(Code.FK_TYPE_MISMATCH, fk.pointer(),
        "foreign key " + source.qualifiedName() + " is " + describe(source) + " but " + target
            + targetType,
        "give both columns the same type");
  }

  private static String describe(Column c) {
    return c.type().name() + (c.array() ? "[]" : "");
  }

  private ForeignKeyAction action(String text, String pointer) {
    if (text == null) {
      return ForeignKeyAction.NO_ACTION;
    }
    Optional<ForeignKeyAction> action = ForeignKeyAction.parse(text);
    if (action.isEmpty()) {
      reporter.report(Code.FK_INVALID_ACTION, pointer,
          "'" + text + "' is not a referential action",
          "use one of NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT");
    }
    return action.orElse(null);
  }
}
