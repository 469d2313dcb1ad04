package io.github.authspec.plugin.generation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one execution asks for, copied from the mojo's parameters. Immutable; its
 * {@link #fingerprintText()} is part of the up-to-date check, so every field that changes output
 * must be in it.
 *
 * @param specFile the designer export
 * @param javaDirectory root of generated Java sources
 * @param resourcesDirectory root of generated resources
 * @param migrationsDirectory where Flyway migrations live (committed, append-only)
 * @param stateDirectory where the plugin keeps its manifest and fingerprint
 * @param packageName overrides {@code leftPanel.project.package} when present
 * @param entityNames table name → entity class name overrides
 * @param redisClient the Redis client binding
 * @param redisKeyPrefix prepended to every Redis key ({@code ""} for none)
 * @param redisClusterHashTags wrap the first placeholder in a {@code {hash tag}}
 * @param allowDestructiveMigrations permit drops and narrowing in new migrations
 * @param renames declared renames, {@code table.old=new} (a column) or {@code old=new} (a table)
 * @param pluginVersion the plugin's version, part of the fingerprint
 */
public record GenerationRequest(
    Path specFile,
    Path javaDirectory,
    Path resourcesDirectory,
    Path migrationsDirectory,
    Path stateDirectory,
    Optional<String> packageName,
    Map<String, String> entityNames,
    RedisClient redisClient,
    String redisKeyPrefix,
    boolean redisClusterHashTags,
    boolean allowDestructiveMigrations,
    List<String> renames,
    String pluginVersion) {

  public GenerationRequest {
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(javaDirectory, "javaDirectory");
    Objects.requireNonNull(resourcesDirectory, "resourcesDirectory");
    Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    entityNames = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entityNames));
    renames = List.copyOf(renames);
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
    redisClient = redisClient == null ? RedisClient.NONE : redisClient;
  }

  /** Defaults for tests and simple callers: everything below {@code base}. */
  public static GenerationRequest defaults(Path specFile, Path base) {
    return new GenerationRequest(specFile,
        base.resolve("target/generated-sources/auth-spec"),
        base.resolve("target/generated-resources/auth-spec"),
        base.resolve("src/main/resources/db/migration"),
        base.resolve("target/auth-spec"),
        Optional.empty(), Map.of(), RedisClient.NONE, "", false, false, List.of(), "dev");
  }

  public GenerationRequest withPackageName(String name) {
    return new GenerationRequest(specFile, javaDirectory, resourcesDirectory, migrationsDirectory,
        stateDirectory, Optional.of(name), entityNames, redisClient, redisKeyPrefix,
        redisClusterHashTags, allowDestructiveMigrations, renames, pluginVersion);
  }

  public GenerationRequest withRedisClient(RedisClient client) {
    return new GenerationRequest(specFile, javaDirectory, resourcesDirectory, migrationsDirectory,
        stateDirectory, packageName, entityNames, client, redisKeyPrefix, redisClusterHashTags,
        allowDestructiveMigrations, renames, pluginVersion);
  }

  public GenerationRequest withAllowDestructiveMigrations(boolean allow) {
    return new GenerationRequest(specFile, javaDirectory, resourcesDirectory, migrationsDirectory,
        stateDirectory, packageName, entityNames, redisClient, redisKeyPrefix,
        redisClusterHashTags, allow, renames, pluginVersion);
  }

  public GenerationRequest withRenames(List<String> newRenames) {
    return new GenerationRequest(specFile, javaDirectory, resourcesDirectory, migrationsDirectory,
        stateDirectory, packageName, entityNames, redisClient, redisKeyPrefix,
        redisClusterHashTags, allowDestructiveMigrations, newRenames, pluginVersion);
  }

  /** The configuration that shapes output, as stable text; a moved directory counts too. */
  public String fingerprintText() {
    return String.join("\n",
        "version=" + pluginVersion,
        "package=" + packageName.orElse(""),
        "entityNames=" + entityNames,
        "redisClient=" + redisClient,
        "redisKeyPrefix=" + redisKeyPrefix,
        "redisClusterHashTags=" + redisClusterHashTags,
        "allowDestructiveMigrations=" + allowDestructiveMigrations,
        "renames=" + renames,
        "javaDirectory=" + javaDirectory,
        "resourcesDirectory=" + resourcesDirectory,
        "migrationsDirectory=" + migrationsDirectory);
  }
}
