package io.github.authspec.plugin.impl;

import io.github.authspec.model.Column;
import io.github.authspec.model.Feature;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.GenerationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a feature's roles to the spec, in this order: an explicit {@code roles} mapping; the
 * feature's {@code usedColumns} (or {@code usedCacheKeys}); the conventional names in the
 * tables the feature uses; the conventional names in the conventional tables. Roles of one group
 * stay in one table: once one is bound, the rest are looked for only there. A required role that
 * stays unbound is reported (AS116) with what to add.
 */
public final class RoleBinder {
  private final Spec spec;
  private final Map<String, String> explicit;

  private RoleBinder(Spec spec, Map<String, String> explicit) {
    this.spec = spec;
    this.explicit = explicit;
  }

  /**
   * A binder for one run; reports malformed or unknown {@code roles} entries (AS102) into the
   * context.
   */
  public static RoleBinder of(GenerationContext context) {
    Map<String, String> explicit = new LinkedHashMap<>();
    for (String entry : context.request().roles()) {
      int eq = entry.indexOf('=');
      String role = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
      int dot = role.indexOf('.');
      Optional<Role> known = dot < 0 ? Optional.empty() : Features.of(role.substring(0, dot))
          .flatMap(d -> d.roles().stream().filter(r -> r.name().equals(role.substring(dot + 1)))
              .findFirst());
      if (eq < 0 || known.isEmpty()) {
        context.report(Code.INVALID_CONFIGURATION, "", "roles entry '" + entry + "' is not "
                + "<feature>.<role>=<table>.<column> (or =<key pattern>) for a known role",
            "roles: " + String.join(", ", Features.roleIds()));
        continue;
      }
      explicit.put(role, entry.substring(eq + 1).strip());
    }
    return new RoleBinder(context.spec(), explicit);
  }

  /** Binds every role of {@code feature}; reports bad mappings and missing required roles. */
  public Binding bind(Feature feature, List<Role> roles, GenerationContext context) {
    Map<String, Column> columns = new LinkedHashMap<>();
    Map<String, List<RedisKey>> keys = new LinkedHashMap<>();
    Map<String, String> how = new LinkedHashMap<>();
    Map<String, Table> groupTables = new HashMap<>();
    List<Role> missing = new ArrayList<>();
    for (Role role : roles) {
      if (role.kind().keys()) {
        List<RedisKey> found = bindKeys(role, feature, how, context);
        if (!found.isEmpty()) {
          keys.put(role.name(), found);
        } else if (!role.optional()) {
          missing.add(role);
        }
        continue;
      }
      Optional<Column> found = bindColumn(role, feature, groupTables.get(role.group()), how,
          context);
      if (found.isPresent()) {
        columns.put(role.name(), found.get());
        groupTables.putIfAbsent(role.group(), found.get().table());
      } else if (!role.optional()) {
        missing.add(role);
      }
    }
    for (Role role : missing) {
      context.report(Code.UNBOUND_ROLE, feature.pointer(), "feature '" + feature.id()
              + "' has no " + role.purpose() + " (role " + role.id() + "), so it gets its "
              + "interface only",
          whatToAdd(role, groupTables.get(role.group())));
    }
    return new Binding(feature, columns, keys, how, missing);
  }

  private Optional<Column> bindColumn(Role role, Feature feature, Table groupTable,
      Map<String, String> how, GenerationContext context) {
    String mapped = explicit.get(role.id());
    if (mapped != null) {
      Optional<Column> column = explicitColumn(mapped).filter(c -> role.types().contains(c.type()));
      if (column.isEmpty()) {
        context.report(Code.INVALID_CONFIGURATION, "", "roles maps " + role.id() + " to '"
                + mapped + "', which is not a column of type " + types(role) + " in the spec",
            "use <table>.<column> of an existing column");
      } else {
        how.put(role.name(), "roles parameter");
      }
      return column;
    }
    if (groupTable != null) {
      return named(role, groupTable).map(c -> note(how, role, feature.usedColumns()
          .getOrDefault(groupTable, List.of()).contains(c) ? "usedColumns" : "convention", c));
    }
    for (Map.Entry<Table, List<Column>> used : role.ownerTable() ? List.<Map.Entry<Table,
        List<Column>>>of() : feature.usedColumns().entrySet()) {
      for (String name : role.names()) {
        Optional<Column> c = used.getValue().stream()
            .filter(col -> col.name().equals(name) && role.types().contains(col.type()))
            .findFirst();
        if (c.isPresent()) {
          return Optional.of(note(how, role, "usedColumns", c.get()));
        }
      }
    }
    for (Table used : role.ownerTable() ? List.<Table>of() : feature.usedColumns().keySet()) {
      Optional<Column> c = named(role, used);
      if (c.isPresent()) {
        return Optional.of(note(how, role, "convention in a used table", c.get()));
      }
    }
    for (String tableName : role.tables()) {
      Optional<Column> c = spec.database().table(tableName).flatMap(t -> named(role, t));
      if (c.isPresent()) {
        return Optional.of(note(how, role, "convention", c.get()));
      }
    }
    return Optional.empty();
  }

  private static Column note(Map<String, String> how, Role role, String way, Column column) {
    how.put(role.name(), way);
    return column;
  }

  private static Optional<Column> named(Role role, Table table) {
    for (String name : role.names()) {
      Optional<Column> c = table.column(name).filter(col -> role.types().contains(col.type()));
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  private Optional<Column> explicitColumn(String mapped) {
    int dot = mapped.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return spec.database().table(mapped.substring(0, dot))
        .flatMap(t -> t.column(mapped.substring(dot + 1)));
  }

  private List<RedisKey> bindKeys(Role role, Feature feature, Map<String, String> how,
      GenerationContext context) {
    String mapped = explicit.get(role.id());
    if (mapped != null) {
      List<RedisKey> keys = new ArrayList<>();
      for (String pattern : mapped.split(",")) {
        Optional<RedisKey> key = spec.cache().redisKey(pattern.strip())
            .filter(k -> !k.pattern().placeholders().isEmpty());
        if (key.isEmpty()) {
          context.report(Code.INVALID_CONFIGURATION, "", "roles maps " + role.id() + " to '"
                  + pattern.strip() + "', which is not a declared key pattern with a "
                  + "placeholder", "use a pattern of diagram.cache.keys.redis");
        } else {
          keys.add(key.get());
        }
      }
      how.put(role.name(), "roles parameter");
      return keys;
    }
    List<RedisKey> used = feature.usedKeys().stream().filter(k -> matches(role, k)).toList();
    if (!used.isEmpty()) {
      how.put(role.name(), "usedCacheKeys");
      return used;
    }
    List<RedisKey> conventional = spec.cache().redisKeys().stream().filter(k -> matches(role, k))
        .toList();
    if (!conventional.isEmpty()) {
      how.put(role.name(), "convention");
    }
    return conventional;
  }

  private static boolean matches(Role role, RedisKey key) {
    return key.type() == (role.kind() == Role.Kind.KEYS ? RedisKey.RedisType.STRING
        : RedisKey.RedisType.HASH) && key.pattern().placeholders().size() == 1
        && role.names().stream().anyMatch(p -> key.pattern().text().startsWith(p));
  }

  private static String whatToAdd(Role role, Table groupTable) {
    if (role.kind().keys()) {
      return "declare a " + (role.kind() == Role.Kind.KEYS ? "String" : "Hash")
          + " key such as " + role.names().get(0) + "{id} in "
          + "diagram.cache.keys.redis, or map it with <roles><role>" + role.id()
          + "=pattern</role></roles>";
    }
    String table = groupTable != null ? groupTable.name() : role.tables().get(0);
    return "add a column " + role.names().get(0) + " " + types(role) + " to table " + table
        + ", or map one with <roles><role>" + role.id() + "=table.column</role></roles>";
  }

  private static String types(Role role) {
    return String.join(" or ", role.types().stream().map(Enum::name).sorted().toList());
  }
}
