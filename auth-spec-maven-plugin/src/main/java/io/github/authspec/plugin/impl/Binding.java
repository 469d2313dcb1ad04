package io.github.authspec.plugin.impl;

import io.github.authspec.model.Column;
import io.github.authspec.model.Feature;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of binding one feature's roles: the column or keys of each bound role, how each
 * was found, and the required roles that stayed unbound (then the feature gets no
 * implementation).
 *
 * @param feature the feature
 * @param columns bound column roles by role name
 * @param keys bound key roles by role name
 * @param how how each bound role was found, by role name ({@code usedColumns}, ...)
 * @param missing required roles that could not be bound
 */
public record Binding(Feature feature, Map<String, Column> columns,
    Map<String, List<RedisKey>> keys, Map<String, String> how, List<Role> missing) {

  public Binding {
    columns = Map.copyOf(columns);
    keys = Map.copyOf(keys);
    how = Map.copyOf(how);
    missing = List.copyOf(missing);
  }

  /** Whether every required role is bound. */
  public boolean complete() {
    return missing.isEmpty();
  }

  /** A required column role. */
  public Column column(String role) {
    Column c = columns.get(role);
    if (c == null) {
      throw new IllegalStateException(feature.id() + "." + role + " is not bound");
    }
    return c;
  }

  public Optional<Column> optional(String role) {
    return Optional.ofNullable(columns.get(role));
  }

  /** The table of a required column role. */
  public Table table(String role) {
    return column(role).table();
  }

  public List<RedisKey> keys(String role) {
    return keys.getOrDefault(role, List.of());
  }
}
