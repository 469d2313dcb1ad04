package io.github.authspec.plugin.generation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import io.github.authspec.plugin.types.TimestampType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one execution asks for, copied from the mojo's parameters. Immutable and built by
 * name ({@link #defaults} then {@link #toBuilder}). Its {@link #fingerprintText()} is derived
 * from every record component, so a new parameter is part of the up-to-date check without
 * anyone remembering to add it.
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
 * @param pluginVersion the plugin's version, written into every generated file's header
 * @param pluginBuild identifies the plugin build beyond its version (a SNAPSHOT jar's time
 *     stamp): only for the up-to-date check, never in output
 * @param classpath the project's compile classpath, for the check that the libraries generated
 *     code needs are there
 * @param timestamps how TIMESTAMP maps: timestamp/LocalDateTime or timestamptz/Instant|OffsetDateTime
 * @param flavour the framework the output is wired for ({@link Flavour#NONE}: plain JDK)
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
    String pluginVersion,
    String pluginBuild,
    ClasspathArtifacts classpath,
    TimestampType timestamps,
    Flavour flavour) {

  public GenerationRequest {
    timestamps = timestamps == null ? TimestampType.LOCAL : timestamps;
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(javaDirectory, "javaDirectory");
    Objects.requireNonNull(resourcesDirectory, "resourcesDirectory");
    Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    packageName = packageName == null ? Optional.empty() : packageName;
    entityNames = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entityNames));
    renames = List.copyOf(renames);
    roles = roles == null ? List.of() : List.copyOf(roles);
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
    redisClient = redisClient == null ? RedisClient.NONE : redisClient;
    pluginVersion = pluginVersion == null ? "dev" : pluginVersion;
    pluginBuild = pluginBuild == null ? "" : pluginBuild;
    classpath = classpath == null ? ClasspathArtifacts.unchecked() : classpath;
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
        List.of(), false, "dev", "", ClasspathArtifacts.unchecked(), TimestampType.LOCAL,
        Flavour.NONE);
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

  /** Sets fields of a request by name; the others keep their values. */
  public static final class Builder {
    private Path specFile;
    private Path javaDirectory;
    private Path resourcesDirectory;
    private Path migrationsDirectory;
    private Path stateDirectory;
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
    private String pluginBuild;
    private ClasspathArtifacts classpath;
    private TimestampType timestamps;

    private Builder(GenerationRequest from) {
      this.specFile = from.specFile;
      this.javaDirectory = from.javaDirectory;
      this.resourcesDirectory = from.resourcesDirectory;
      this.migrationsDirectory = from.migrationsDirectory;
      this.stateDirectory = from.stateDirectory;
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
      this.pluginBuild = from.pluginBuild;
      this.classpath = from.classpath;
      this.timestamps = from.timestamps;
    }

    public Builder timestamps(TimestampType value) {
      timestamps = value;
      return this;
    }

    public Builder specFile(Path value) {
      specFile = value;
      return this;
    }

    public Builder javaDirectory(Path value) {
      javaDirectory = value;
      return this;
    }

    public Builder resourcesDirectory(Path value) {
      resourcesDirectory = value;
      return this;
    }

    public Builder migrationsDirectory(Path value) {
      migrationsDirectory = value;
      return this;
    }

    public Builder stateDirectory(Path value) {
      stateDirectory = value;
      return this;
    }

    /** The base package; {@code null} or blank keeps the spec's. */
    public Builder packageName(String value) {
      packageName = Optional.ofNullable(value).filter(p -> !p.isBlank());
      return this;
    }

    public Builder entityNames(Map<String, String> value) {
      entityNames = value == null ? Map.of() : value;
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
      renames = value == null ? List.of() : value;
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

    public Builder pluginBuild(String value) {
      pluginBuild = value;
      return this;
    }

    public Builder classpath(ClasspathArtifacts value) {
      classpath = value;
      return this;
    }

    public GenerationRequest build() {
      return new GenerationRequest(specFile, javaDirectory, resourcesDirectory,
          migrationsDirectory, stateDirectory, packageName, entityNames, redisClient,
          redisKeyPrefix, redisClusterHashTags, allowDestructiveMigrations, renames,
          implementations, roles, bouncyCastle, pluginVersion, pluginBuild, classpath,
          timestamps, flavour);
    }
  }

  /**
   * Every component as {@code name=value} lines, in declaration order: the configuration part
   * of the up-to-date fingerprint. Derived by reflection, so it cannot miss a component.
   */
  public String fingerprintText() {
    List<String> lines = new ArrayList<>();
    for (RecordComponent c : GenerationRequest.class.getRecordComponents()) {
      try {
        lines.add(c.getName() + "=" + canonical(c.getAccessor().invoke(this)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read request component " + c.getName(), e);
      }
    }
    return String.join("\n", lines);
  }

  /** A stable text for a component value (maps are sorted already, Optional unwrapped). */
  private static String canonical(Object value) {
    if (value instanceof ClasspathArtifacts c) {
      return c.fingerprintText();
    }
    if (value instanceof Optional<?> o) {
      return o.map(v -> "present:" + v).orElse("absent");
    }
    return String.valueOf(value);
  }
}
