package io.github.authspec.plugin.generation;

import io.github.authspec.plugin.types.TimestampType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * @param timestamps how TIMESTAMP maps: timestamp/LocalDateTime or
 *     timestamptz/Instant|OffsetDateTime
 * @param flavour the framework the output is wired for ({@link Flavour#NONE}: plain JDK)
 * @param conditions how generated authorization evaluates grant conditions
 * @param httpApi the login flow over HTTP (Spring MVC) with its OpenAPI document
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
    Flavour flavour,
    Conditions conditions,
    boolean httpApi) {

  private static final Constructor<GenerationRequest> CANONICAL = canonicalConstructor();

  public GenerationRequest {
    timestamps = timestamps == null ? TimestampType.LOCAL : timestamps;
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(javaDirectory, "javaDirectory");
    Objects.requireNonNull(resourcesDirectory, "resourcesDirectory");
    Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    packageName = packageName == null ? Optional.empty() : packageName;
    entityNames = entityNames == null ? Map.of() : entityNames;
    entityNames = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entityNames));
    renames = renames == null ? List.of() : List.copyOf(renames);
    roles = roles == null ? List.of() : List.copyOf(roles);
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
    redisClient = redisClient == null ? RedisClient.NONE : redisClient;
    pluginVersion = pluginVersion == null ? "dev" : pluginVersion;
    pluginBuild = pluginBuild == null ? "" : pluginBuild;
    classpath = classpath == null ? ClasspathArtifacts.unchecked() : classpath;
    flavour = flavour == null ? Flavour.NONE : flavour;
    conditions = conditions == null ? Conditions.NONE : conditions;
  }

  private static Constructor<GenerationRequest> canonicalConstructor() {
    try {
      return GenerationRequest.class.getDeclaredConstructor(
          Arrays.stream(GenerationRequest.class.getRecordComponents())
              .map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record has its canonical constructor", e);
    }
  }

  /** Defaults for tests and simple callers: everything below {@code base}. */
  public static GenerationRequest defaults(Path specFile, Path base) {
    return new Builder(null).specFile(specFile)
        .javaDirectory(base.resolve("target/generated-sources/auth-spec"))
        .resourcesDirectory(base.resolve("target/generated-resources/auth-spec"))
        .migrationsDirectory(base.resolve("src/main/resources/db/migration"))
        .stateDirectory(base.resolve("target/auth-spec")).build();
  }

  public GenerationRequest withRedisClient(RedisClient client) {
    return toBuilder().redisClient(client).build();
  }

  /** A builder holding this request's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Sets components of a request by name; the others keep their values. It holds one value per
   * record component and builds through the canonical constructor, so a new component needs no
   * code here: {@link #set} reaches it, and a typed setter is only a convenience.
   */
  public static final class Builder {
    private static final RecordComponent[] COMPONENTS =
        GenerationRequest.class.getRecordComponents();
    private final Object[] values = new Object[COMPONENTS.length];

    /** {@code from}'s values; without one, null or false, which the compact constructor fills. */
    private Builder(GenerationRequest from) {
      for (int i = 0; i < COMPONENTS.length; i++) {
        values[i] = from != null ? read(COMPONENTS[i], from)
            : COMPONENTS[i].getType() == boolean.class ? Boolean.FALSE : null;
      }
    }

    /**
     * Sets the component {@code name}. A {@code String} for an {@code Optional<String>} is
     * wrapped, {@code null} or blank meaning empty.
     *
     * @throws IllegalArgumentException when there is no such component or the value's type is
     *     not the component's
     */
    public Builder set(String name, Object value) {
      for (int i = 0; i < COMPONENTS.length; i++) {
        RecordComponent c = COMPONENTS[i];
        if (c.getName().equals(name)) {
          Object v = c.getType() == Optional.class && (value == null || value instanceof String)
              ? Optional.ofNullable((String) value).filter(p -> !p.isBlank()) : value;
          Class<?> type = c.getType() == boolean.class ? Boolean.class : c.getType();
          if (v == null ? c.getType() == boolean.class : !type.isInstance(v)) {
            throw new IllegalArgumentException("request component " + name + " is a "
                + c.getGenericType().getTypeName() + ", not " + value);
          }
          values[i] = v;
          return this;
        }
      }
      throw new IllegalArgumentException("no request component " + name);
    }

    public Builder timestamps(TimestampType value) {
      return set("timestamps", value);
    }

    public Builder specFile(Path value) {
      return set("specFile", value);
    }

    public Builder javaDirectory(Path value) {
      return set("javaDirectory", value);
    }

    public Builder resourcesDirectory(Path value) {
      return set("resourcesDirectory", value);
    }

    public Builder migrationsDirectory(Path value) {
      return set("migrationsDirectory", value);
    }

    public Builder stateDirectory(Path value) {
      return set("stateDirectory", value);
    }

    /** The base package; {@code null} or blank keeps the spec's. */
    public Builder packageName(String value) {
      return set("packageName", value);
    }

    public Builder entityNames(Map<String, String> value) {
      return set("entityNames", value);
    }

    public Builder redisClient(RedisClient value) {
      return set("redisClient", value);
    }

    public Builder redisKeyPrefix(String value) {
      return set("redisKeyPrefix", value);
    }

    public Builder redisClusterHashTags(boolean value) {
      return set("redisClusterHashTags", value);
    }

    public Builder allowDestructiveMigrations(boolean value) {
      return set("allowDestructiveMigrations", value);
    }

    public Builder renames(List<String> value) {
      return set("renames", value);
    }

    public Builder implementations(boolean value) {
      return set("implementations", value);
    }

    public Builder roles(List<String> value) {
      return set("roles", value);
    }

    public Builder bouncyCastle(boolean value) {
      return set("bouncyCastle", value);
    }

    public Builder flavour(Flavour value) {
      return set("flavour", value);
    }

    public Builder pluginVersion(String value) {
      return set("pluginVersion", value);
    }

    public Builder pluginBuild(String value) {
      return set("pluginBuild", value);
    }

    public Builder classpath(ClasspathArtifacts value) {
      return set("classpath", value);
    }

    public GenerationRequest build() {
      try {
        return CANONICAL.newInstance(values);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException("cannot build the request", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build the request", e);
      }
    }
  }

  /**
   * Every component as {@code name=value} lines, in declaration order: the configuration part
   * of the up-to-date fingerprint. Derived by reflection, so it cannot miss a component.
   */
  public String fingerprintText() {
    List<String> lines = new ArrayList<>();
    for (RecordComponent c : Builder.COMPONENTS) {
      lines.add(c.getName() + "=" + canonical(read(c, this)));
    }
    return String.join("\n", lines);
  }

  private static Object read(RecordComponent c, GenerationRequest request) {
    try {
      return c.getAccessor().invoke(request);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read request component " + c.getName(), e);
    }
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
