package io.github.authspec.plugin.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generator of random valid specs for property tests: tables with every column type, arrays,
 * uniques, defaults and foreign keys; Redis keys; local caches; features; external services.
 * Half the names are hostile ({@link HostileNames}), half ordinary. The same seed gives the
 * same specs.
 */
public final class RandomSpecs {
  private static final List<String> ORDINARY = List.of("users", "email", "name", "created_at",
      "tenant", "score", "token_hash", "session", "role", "status", "note", "expires_at");
  private static final List<String> TYPES = List.of("SMALLINT", "INT", "BIGINT", "DECIMAL",
      "BOOLEAN", "VARCHAR", "TEXT", "DATE", "TIME", "TIMESTAMP", "UUID");
  private static final List<String> REDIS_TYPES = List.of("String", "Hash", "List", "Set",
      "Sorted Set");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final Random random;
  private final List<String> hostile = HostileNames.all();

  public RandomSpecs(long seed) {
    this.random = new Random(seed);
  }

  /** One random valid spec. */
  public SpecBuilder next() {
    SpecBuilder spec = new SpecBuilder();
    tables(spec);
    redisKeys(spec);
    localCaches(spec);
    features(spec);
    services(spec);
    return spec;
  }

  private void tables(SpecBuilder spec) {
    Set<String> tableNames = distinct(1 + random.nextInt(4), this::sqlName);
    List<String[]> keys = new ArrayList<>(); // table, pk column, pk type
    for (String table : tableNames) {
      Set<String> columns = distinct(2 + random.nextInt(6), this::sqlName);
      List<String> names = new ArrayList<>(columns);
      String pk = names.get(0);
      String pkType = random.nextBoolean() ? "BIGINT" : "UUID";
      SpecBuilder.Table t = spec.table(table);
      if (pkType.equals("BIGINT")) {
        t.id(pk);
      } else {
        t.column(pk, "UUID", Map.of("primaryKey", true, "nullable", false));
      }
      for (String column : names.subList(1, names.size())) {
        if (!keys.isEmpty() && random.nextInt(4) == 0) {
          String[] target = keys.get(random.nextInt(keys.size()));
          t.foreignKey(column, target[2], target[0], target[1]);
        } else {
          column(t, column);
        }
      }
      keys.add(new String[] {table, pk, pkType});
    }
  }

  private void column(SpecBuilder.Table t, String name) {
    String type = TYPES.get(random.nextInt(TYPES.size()));
    Map<String, Object> attributes = new java.util.LinkedHashMap<>();
    attributes.put("nullable", random.nextBoolean());
    boolean array = random.nextInt(8) == 0;
    if (array) {
      attributes.put("isArray", true);
      attributes.put("nullable", true);
    } else if (random.nextInt(5) == 0) {
      attributes.put("unique", true);
    }
    switch (type) {
      case "VARCHAR" -> attributes.put("size", 1 + random.nextInt(255));
      case "DECIMAL" -> {
        int precision = 1 + random.nextInt(20);
        attributes.put("precision", precision);
        attributes.put("scale", random.nextInt(precision + 1));
      }
      default -> { }
    }
    if (!array && random.nextInt(4) == 0) {
      switch (type) {
        case "SMALLINT", "INT", "BIGINT" -> attributes.put("default", 0);
        case "BOOLEAN" -> attributes.put("default", random.nextBoolean());
        case "TEXT", "VARCHAR" -> attributes.put("default", "x");
        case "TIMESTAMP" -> attributes.put("default", "CURRENT_TIMESTAMP");
        default -> { }
      }
    }
    t.column(name, type, attributes);
  }

  private void redisKeys(SpecBuilder spec) {
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      Set<String> placeholders = distinct(random.nextInt(3), this::javaLikeName);
      StringBuilder pattern = new StringBuilder(javaLikeName().toLowerCase(java.util.Locale.ROOT))
          .append(i);
      for (String p : placeholders) {
        pattern.append(":{").append(p).append('}');
      }
      spec.redisKey(pattern.toString(), REDIS_TYPES.get(random.nextInt(REDIS_TYPES.size())),
          random.nextBoolean() ? 1 + random.nextInt(3600) : null);
    }
  }

  private void localCaches(SpecBuilder spec) {
    for (String name : distinct(random.nextInt(3), this::javaLikeName)) {
      if (random.nextBoolean()) {
        spec.inMemoryCache(name, 1 + random.nextInt(600));
      } else {
        spec.caffeineCache(name, 1 + random.nextInt(1000));
      }
    }
  }

  private void features(SpecBuilder spec) {
    List<String> groups = List.of("authentication", "class", "audit-security", "var");
    for (String id : distinct(random.nextInt(4), this::idName)) {
      spec.feature(groups.get(random.nextInt(groups.size())), id);
    }
  }

  private void services(SpecBuilder spec) {
    for (String id : distinct(random.nextInt(3), this::idName)) {
      List<String> endpoints = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        StringBuilder path = new StringBuilder("/").append(id).append('/')
            .append(HostileNames.kebab(pick())).append(i);
        for (String p : distinct(random.nextInt(3), this::javaLikeName)) {
          path.append("/{").append(p).append('}');
        }
        endpoints.add(METHODS.get(random.nextInt(METHODS.size())) + " " + path);
      }
      spec.service(id, endpoints.toArray(String[]::new));
    }
  }

  // ---- names

  private String pick() {
    return random.nextBoolean() ? hostile.get(random.nextInt(hostile.size()))
        : ORDINARY.get(random.nextInt(ORDINARY.size()));
  }

  /** Table and column names: {@code [a-z_][a-z0-9_]*} with a letter or digit. */
  private String sqlName() {
    String name;
    do {
      name = pick();
    } while (!name.matches("[a-z_][a-z0-9_]*") || !name.matches(".*[a-z0-9].*"));
    return name;
  }

  /** Placeholders and local cache names: {@code [A-Za-z][A-Za-z0-9_]*}. */
  private String javaLikeName() {
    String name = pick();
    return random.nextBoolean() ? HostileNames.camel(name)
        : name.matches("[A-Za-z][A-Za-z0-9_]*") ? name : HostileNames.camel(name);
  }

  /** Feature and service ids. */
  private String idName() {
    return HostileNames.id(pick());
  }

  private Set<String> distinct(int count, java.util.function.Supplier<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (int tries = 0; out.size() < count && tries < count * 20; tries++) {
      out.add(names.get());
    }
    return out;
  }
}
