package io.github.authspec.model;

import java.util.List;
import java.util.Optional;

/** {@code diagram.database}: tables in spec order. */
public record Database(String type, List<Table> tables) {
  public Database {
    tables = List.copyOf(tables);
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
