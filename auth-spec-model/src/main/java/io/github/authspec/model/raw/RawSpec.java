package io.github.authspec.model.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The spec exactly as the JSON holds it, after type checks and nothing else. Absent values are
 * {@code null}; every record carries the JSON pointer it was read from. {@link RawBinder} builds
 * it; the linker turns it into the validated model.
 */
public record RawSpec(
    String serviceType, RawProject project, RawArchitecture architecture,
    RawInfrastructure infrastructure, List<Str> selectedFeatures, RawDatabase database,
    RawCache cache, List<RawFeatureGroup> featureGroups, List<RawService> externalServices) {

  /** A string with where it came from. */
  public record Str(String value, String pointer) {}

  public record RawProject(String group, String artifact, String name, String description,
      String packageName, String pointer) {}

  public record RawArchitecture(String model, String build, String pointer) {}

  public record RawInfrastructure(Boolean databaseEnabled, String database, Boolean cacheEnabled,
      String cache, String pointer) {}

  public record RawDatabase(String type, List<RawTable> tables, String pointer) {}

  public record RawTable(String name, List<RawField> fields, String pointer) {}

  /** {@code defaultValue} is the JSON node itself (string, number, boolean or null). */
  public record RawField(String name, String type, BigDecimal size, BigDecimal precision,
      BigDecimal scale, Boolean nullable, Boolean primaryKey, Boolean autoIncrement,
      Boolean unique, JsonNode defaultValue, String check, String comment, Boolean isArray,
      RawIndex index, RawForeignKey foreignKey, String pointer) {}

  public record RawIndex(String type, Boolean unique, String pointer) {}

  public record RawForeignKey(String table, String column, String onDelete, String onUpdate,
      String pointer) {}

  public record RawCache(String type, RawCacheSettings settings, List<RawRedisKey> redis,
      List<RawLocalCache> inMemory, List<RawLocalCache> caffeine, String pointer) {}

  public record RawCacheSettings(String maxMemory, String evictionPolicy, String pointer) {}

  public record RawRedisKey(String pattern, String type, BigDecimal ttl, boolean ttlPresent,
      String expireStrategy, String serialization, String compression, String eviction,
      Boolean pinned, Boolean prettyJson, List<Str> hashFields, String scoreField,
      String pointer) {}

  public record RawLocalCache(String name, BigDecimal maxSize, BigDecimal ttl,
      BigDecimal expireAfterWrite, BigDecimal expireAfterAccess, BigDecimal refreshAfterWrite,
      Boolean weakKeys, Boolean weakValues, Boolean softValues, Boolean recordStats,
      String pointer) {}

  public record RawFeatureGroup(String id, List<RawFeature> features, String pointer) {}

  /** {@code usedColumns}: table → columns, in JSON order. */
  public record RawFeature(String id, Map<Str, List<Str>> usedColumns, List<Str> usedCacheKeys,
      List<RawFeature> children, String pointer) {}

  public record RawService(String id, String name, List<Str> endpoints, String pointer) {}
}
