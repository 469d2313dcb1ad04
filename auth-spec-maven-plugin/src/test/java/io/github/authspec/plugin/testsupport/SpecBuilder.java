package io.github.authspec.plugin.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.authspec.plugin.generation.GenerationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds spec JSON in the designer's format for tests that need many small specs (hostile
 * names, random specs). Only what those tests vary is modelled; the rest is a fixed valid shell.
 */
public final class SpecBuilder {
  private final List<Map<String, Object>> tables = new ArrayList<>();
  private final List<Map<String, Object>> redisKeys = new ArrayList<>();
  private final List<Map<String, Object>> inMemory = new ArrayList<>();
  private final List<Map<String, Object>> caffeine = new ArrayList<>();
  private final List<String> selected = new ArrayList<>();
  private final Map<String, Map<String, Object>> featureGroups = new LinkedHashMap<>();
  private final List<Map<String, Object>> services = new ArrayList<>();

  /** A table; columns are added to the returned map's "fields". */
  public Table table(String name) {
    Table t = new Table(name);
    tables.add(t.json);
    return t;
  }

  public SpecBuilder redisKey(String pattern, String type, Integer ttl) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("pattern", pattern);
    key.put("type", type);
    if (ttl != null) {
      key.put("ttl", ttl);
    }
    redisKeys.add(key);
    return this;
  }

  public SpecBuilder inMemoryCache(String name, int ttl) {
    inMemory.add(new LinkedHashMap<>(Map.of("name", name, "ttl", ttl)));
    return this;
  }

  public SpecBuilder caffeineCache(String name, int maxSize) {
    caffeine.add(new LinkedHashMap<>(Map.of("name", name, "maxSize", maxSize)));
    return this;
  }

  /** A selected feature in the diagram's {@code group}, using nothing. */
  public SpecBuilder feature(String group, String id) {
    selected.add(id);
    featureGroups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(id, Map.of());
    return this;
  }

  public SpecBuilder service(String id, String... endpoints) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("name", "Service " + id);
    s.put("endpoints", List.of(endpoints));
    services.add(s);
    return this;
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("leftPanel", Map.of(
        "serviceType", "auth",
        "project", Map.of("group", "com.example", "artifact", "hostile", "name", "Hostile",
            "package", "com.example.hostile"),
        "architecture", Map.of("model", "synchronous", "build", "maven"),
        "infrastructure", Map.of("databaseEnabled", true, "database", "postgresql",
            "cacheEnabled", true, "cache", "redis")));
    root.put("midPanel", Map.of("selectedFeatures", selected));
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("redis", redisKeys);
    keys.put("inMemory", inMemory);
    keys.put("caffeine", caffeine);
    Map<String, Object> diagram = new LinkedHashMap<>();
    diagram.put("database", Map.of("type", "postgresql", "tables", tables));
    diagram.put("cache", Map.of("type", "redis", "keys", keys));
    diagram.put("features", featureGroups);
    root.put("diagram", diagram);
    root.put("externalServices", services);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the spec to {@code dir}/auth-spec.json; the default request for it. */
  public GenerationRequest project(Path dir) {
    try {
      Files.createDirectories(dir);
      Path spec = dir.resolve("auth-spec.json");
      Files.writeString(spec, json(), StandardCharsets.UTF_8);
      return GenerationRequest.defaults(spec, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table under construction. */
  public static final class Table {
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Map<String, Object>> fields = new ArrayList<>();

    private Table(String name) {
      json.put("name", name);
      json.put("fields", fields);
    }

    /** A {@code BIGINT} identity primary key named {@code name}. */
    public Table id(String name) {
      return column(name, "BIGINT", Map.of("primaryKey", true, "autoIncrement", true,
          "nullable", false));
    }

    /** A column with extra attributes ({@code nullable}, {@code unique}, {@code size}, ...). */
    public Table column(String name, String type, Map<String, Object> attributes) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", name);
      f.put("type", type);
      f.putAll(attributes);
      fields.add(f);
      return this;
    }

    public Table foreignKey(String name, String type, String table, String column) {
      return column(name, type, Map.of("nullable", true,
          "foreignKey", Map.of("table", table, "column", column)));
    }
  }
}
