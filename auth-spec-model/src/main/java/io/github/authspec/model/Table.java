package io.github.authspec.model;

import java.util.List;
import java.util.Optional;

/** A table and its columns in spec order. Exactly one column is the primary key. */
public final class Table {
  private final String name;
  private final List<Column> columns;
  private final String pointer;

  Table(String name, List<Column> columns, String pointer) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.pointer = pointer;
    this.columns.forEach(c -> c.attach(this));
  }

  public String name() {
    return name;
  }

  public List<Column> columns() {
    return columns;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Column primaryKey() {
    return columns.stream().filter(Column::primaryKey).findFirst().orElseThrow();
  }

  /** Columns with a foreign key, in spec order. */
  public List<ForeignKey> foreignKeys() {
    return columns.stream().flatMap(c -> c.foreignKey().stream()).toList();
  }

  public String pointer() {
    return pointer;
  }

  @Override
  public String toString() {
    return name;
  }
}
