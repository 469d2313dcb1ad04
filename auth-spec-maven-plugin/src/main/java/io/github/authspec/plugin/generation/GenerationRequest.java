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
 * @param implementations generate implementations behind the service interfaces
 * @param roles explicit role bindings, {@code feature.role=table.column} or
 *     {@code feature.role=key pattern}
 * @param bouncyCastle implementations use Bouncy Castle (Argon2id, legacy bcrypt verify)
 * @param flavour the framework the output is wired for ({@link Flavour#NONE}: plain JDK)
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
    boolean implementations,
    List<String> roles,
    boolean bouncyCastle,
    Flavour flavour,
    String pluginVersion) {

  public GenerationRequest {
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(javaDirectory, "javaDirectory");
    Objects.requireNonNull(resourcesDirectory, "resourcesDirectory");
    Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    entityNames = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entityNames));
    renames = List.copyOf(renames);
    roles = roles == null ? List.of() : List.copyOf(roles);
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
    redisClient = redisClient == null ? RedisClient.NONE : redisClient;
    flavour = flavour == null ? Flavour.NONE : flavour;
  }

  /** Defaults for tests and simple callers: everything below {@code base}. */
  public static GenerationRequest defaults(Path specFile, Path base) {
    return new GenerationRequest(specFile,
        base.resolve("target/generated-sources/auth-spec"),
        base.resolve("target/generated-resources/auth-spec"),
        base.resolve("src/main/resources/db/migration"),
        base.resolve("target/auth-spec"),
        Optional.empty(), Map.of(), RedisClient.NONE, "", false, false, List.of(), false,
        List.of(), false, Flavour.NONE, "dev");
  }

  public GenerationRequest withPackageName(String name) {
    return toBuilder().packageName(name).build();
  }

  public GenerationRequest withRedisClient(RedisClient client) {
    return toBuilder().redisClient(client).build();
  }

  public GenerationRequest withAllowDestructiveMigrations(boolean allow) {
    return toBuilder().allowDestructiveMigrations(allow).build();
  }

  public GenerationRequest withRenames(List<String> newRenames) {
    return toBuilder().renames(newRenames).build();
  }

  /** A builder holding this request's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some fields of a request; the others keep their values. */
  public static final class Builder {
    private final GenerationRequest from;
    private Path stateDirectory;
    private Path migrationsDirectory;
    private Optional<String> packageName;
    private Map<String, String> entityNames;
    private RedisClient redisClient;
    private String redisKeyPrefix;
    private boolean redisClusterHashTags;
    private boolean allowDestructiveMigrations;
    private List<String> renames;
    private boolean implementations;
    private List<String> roles;
    private boolean bouncyCastle;
    private Flavour flavour;
    private String pluginVersion;

    private Builder(GenerationRequest from) {
      this.from = from;
      this.stateDirectory = from.stateDirectory;
      this.migrationsDirectory = from.migrationsDirectory;
      this.packageName = from.packageName;
      this.entityNames = from.entityNames;
      this.redisClient = from.redisClient;
      this.redisKeyPrefix = from.redisKeyPrefix;
      this.redisClusterHashTags = from.redisClusterHashTags;
      this.allowDestructiveMigrations = from.allowDestructiveMigrations;
      this.renames = from.renames;
      this.implementations = from.implementations;
      this.roles = from.roles;
      this.bouncyCastle = from.bouncyCastle;
      this.flavour = from.flavour;
      this.pluginVersion = from.pluginVersion;
    }

    public Builder stateDirectory(Path value) {
      stateDirectory = value;
      return this;
    }

    public Builder migrationsDirectory(Path value) {
      migrationsDirectory = value;
      return this;
    }

    public Builder packageName(String value) {
      packageName = Optional.of(value);
      return this;
    }

    public Builder entityNames(Map<String, String> value) {
      entityNames = value;
      return this;
    }

    public Builder redisClient(RedisClient value) {
      redisClient = value;
      return this;
    }

    public Builder redisKeyPrefix(String value) {
      redisKeyPrefix = value;
      return this;
    }

    public Builder redisClusterHashTags(boolean value) {
      redisClusterHashTags = value;
      return this;
    }

    public Builder allowDestructiveMigrations(boolean value) {
      allowDestructiveMigrations = value;
      return this;
    }

    public Builder renames(List<String> value) {
      renames = value;
      return this;
    }

    public Builder implementations(boolean value) {
      implementations = value;
      return this;
    }

    public Builder roles(List<String> value) {
      roles = value;
      return this;
    }

    public Builder bouncyCastle(boolean value) {
      bouncyCastle = value;
      return this;
    }

    public Builder flavour(Flavour value) {
      flavour = value;
      return this;
    }

    public Builder pluginVersion(String value) {
      pluginVersion = value;
      return this;
    }

    public GenerationRequest build() {
      return new GenerationRequest(from.specFile, from.javaDirectory, from.resourcesDirectory,
          migrationsDirectory, stateDirectory, packageName, entityNames, redisClient,
          redisKeyPrefix, redisClusterHashTags, allowDestructiveMigrations, renames,
          implementations, roles, bouncyCastle, flavour, pluginVersion);
    }
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
        "implementations=" + implementations,
        "roles=" + roles,
        "bouncyCastle=" + bouncyCastle,
        "flavour=" + flavour,
        "javaDirectory=" + javaDirectory,
        "resourcesDirectory=" + resourcesDirectory,
        "migrationsDirectory=" + migrationsDirectory);
  }
}
