package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.generation.ClasspathArtifacts;
import io.github.authspec.plugin.generation.Conditions;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.types.TimestampType;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters that decide what is generated and where, shared by generate and check. */
abstract class AbstractOutputMojo extends AbstractAuthSpecMojo {

  /**
   * Root of the generated Java sources; added as a compile source root.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/auth-spec")
  protected File outputDirectory;

  /**
   * Root of generated resources (the Redis configuration fragment); added as a resource
   * directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.resourcesOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/auth-spec")
  protected File resourcesOutputDirectory;

  /**
   * Where Flyway migrations are written. They are source files: commit them. Existing ones are
   * never rewritten.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.migrationsDirectory",
      defaultValue = "${project.basedir}/src/main/resources/db/migration")
  protected File migrationsDirectory;

  /**
   * Base Java package of generated code; defaults to {@code leftPanel.project.package}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.packageName")
  protected String packageName;

  /**
   * Entity class names by table name, overriding the singular names the plugin derives, e.g.
   * {@code <users>Account</users>}.
   *
   * @since 0.1.0
   */
  @Parameter
  protected Map<String, String> entityNames = Map.of();

  /**
   * Redis client the key classes bind to: {@code NONE} (key classes need only the JDK),
   * {@code LETTUCE} or {@code JEDIS}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.redisClient", defaultValue = "NONE")
  protected RedisClient redisClient;

  /**
   * Prefix for every Redis key, for a Redis shared by several services (e.g. {@code auth:}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.redisKeyPrefix", defaultValue = "")
  protected String redisKeyPrefix;

  /**
   * Wrap each key's first placeholder value in a Redis Cluster hash tag, so all keys of one id
   * land in one slot.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.redisClusterHashTags", defaultValue = "false")
  protected boolean redisClusterHashTags;

  /**
   * Allow new migrations to drop tables or columns and to narrow types.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.allowDestructiveMigrations", defaultValue = "false")
  protected boolean allowDestructiveMigrations;

  /**
   * Declared renames, so a migration renames instead of dropping and adding:
   * {@code users.mail=email} renames a column, {@code people=users} a table.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<String> renames = List.of();

  /**
   * Generate, for each selected feature the plugin implements (passwords, MFA, lockout, rate
   * limiting), a class implementing its service interface over the generated tables and keys.
   * Off: only the interfaces are generated, as before.
   *
   * @since 0.2.0
   */
  @Parameter(property = "authspec.implementations", defaultValue = "false")
  protected boolean implementations;

  /**
   * Explicit bindings of the columns and keys an implementation needs, by role, for when the
   * feature's {@code usedColumns}/{@code usedCacheKeys} and the naming conventions do not find
   * them: {@code <role>totp.secret=user_mfa.secret</role>} (a column) or
   * {@code <role>rate-limiting.counter=rl:{ip}</role>} (a Redis key pattern).
   *
   * @since 0.2.0
   */
  @Parameter
  protected List<String> roles = List.of();

  /**
   * With {@code implementations}: hash new passwords with Argon2id (OWASP parameters) and verify
   * legacy bcrypt hashes, through Bouncy Castle; add {@code org.bouncycastle:bcprov-jdk18on}.
   * Off: PBKDF2-HMAC-SHA256 (600,000 iterations), JDK only.
   *
   * @since 0.2.0
   */
  @Parameter(property = "authspec.bouncyCastle", defaultValue = "false")
  protected boolean bouncyCastle;

  /**
   * With {@code implementations}: how the authorization implementations evaluate the conditions
   * of role permissions ({@code condition_expression}). {@code NONE} (the default): not
   * evaluated, so a grant with a condition never allows and a deny rule with one always denies.
   * {@code CEL}: evaluated as CEL over the request's attributes ({@code request.ip},
   * {@code request.userAgent}, ...), a condition that fails to evaluate denying; add
   * {@code dev.cel:cel}.
   *
   * @since 0.2.0
   */
  @Parameter(property = "authspec.conditions", defaultValue = "NONE")
  protected Conditions conditions;

  /**
   * The framework the output is wired for: {@code NONE} (plain JDK code, the default) or
   * {@code SPRING_BOOT}, which adds one auto-configuration in {@code <base>.spring} (beans for
   * the repositories, joining Spring transactions; Redis operations; local caches; HTTP
   * clients; Spring Security's {@code UserDetailsService}; with {@code implementations}, a bean
   * per generated implementation) with {@code authspec.*} properties.
   * Works with Spring Boot 3.5 and 4.0; the plain output stays the same.
   *
   * @since 0.2.0
   */
  @Parameter(property = "authspec.flavour", defaultValue = "NONE")
  protected Flavour flavour;

  /**
   * With {@code flavour=SPRING_BOOT} and {@code implementations}, and a spec whose login flow is
   * written (email-password-login and a session or refresh-token store bound): serve the login
   * flow over HTTP at {@code /auth} (Spring MVC, JSON only, RFC 9457 problems) with an OpenAPI
   * 3.1 document of exactly its operations, at {@code /auth/openapi.json}. Off: no generated
   * source imports Spring MVC.
   *
   * @since 0.2.0
   */
  @Parameter(property = "authspec.httpApi", defaultValue = "false")
  protected boolean httpApi;

  /**
   * Skip generation when the spec, the configuration, the plugin version and the migrations are
   * unchanged since the last successful run.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.incremental", defaultValue = "true")
  protected boolean incremental;

  /**
   * Skip the check that the libraries generated code needs (Caffeine for {@code keys.caffeine},
   * Lettuce or Jedis for {@code redisClient}) are on the project's compile classpath. Set it
   * only when they reach javac another way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.skipDependencyCheck", defaultValue = "false")
  protected boolean skipDependencyCheck;

  /**
   * How TIMESTAMP columns map: {@code LOCAL} ({@code timestamp} without time zone,
   * {@code LocalDateTime}), {@code INSTANT} ({@code timestamptz}, {@code Instant}) or
   * {@code OFFSET} ({@code timestamptz}, {@code OffsetDateTime}). Changing it on an existing
   * schema writes a migration that converts the columns, reading stored values as UTC.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.timestamps", defaultValue = "LOCAL")
  protected TimestampType timestamps;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  protected MojoExecution mojoExecution;

  /** The plugin's version, from its descriptor (its pom), or "dev" outside Maven. */
  private String pluginVersion() {
    return mojoExecution == null ? "dev"
        : mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
  }

  /**
   * For the up-to-date check only: a SNAPSHOT changes without a new version number, so its
   * jar's timestamp identifies the build.
   */
  private String pluginBuild() {
    if (mojoExecution == null) {
      return "";
    }
    var plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
    File jar = plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
    return plugin.getVersion().endsWith("-SNAPSHOT") && jar != null
        ? String.valueOf(jar.lastModified()) : "";
  }

  /**
   * The parameters as an immutable request; state is kept per execution id. The components in
   * {@link #DERIVED} are worked out here; every other one is copied from the field of its name
   * (a {@code File} as a {@code Path}), so a new parameter is one field here and one component
   * there, and a component with neither fails every goal at once.
   */
  protected GenerationRequest request() {
    String executionId = mojoExecution == null || mojoExecution.getExecutionId() == null
        ? "default" : mojoExecution.getExecutionId();
    File stateRoot = new File(project.getBuild().getDirectory(), "auth-spec");
    GenerationRequest.Builder request = GenerationRequest.defaults(spec.toPath(),
            outputDirectory.toPath()).toBuilder()
        .javaDirectory(outputDirectory.toPath())
        .resourcesDirectory(resourcesOutputDirectory.toPath())
        .stateDirectory(new File(stateRoot, executionId).toPath())
        .pluginVersion(pluginVersion())
        .pluginBuild(pluginBuild())
        .classpath(classpath());
    for (RecordComponent c : GenerationRequest.class.getRecordComponents()) {
      if (!DERIVED.contains(c.getName())) {
        request.set(c.getName(), parameter(c.getName()));
      }
    }
    return request.build();
  }

  /** The request components not copied from the parameter of their name. */
  static final Set<String> DERIVED = Set.of("specFile", "javaDirectory", "resourcesDirectory",
      "stateDirectory", "pluginVersion", "pluginBuild", "classpath");

  private Object parameter(String name) {
    try {
      Object value = AbstractOutputMojo.class.getDeclaredField(name).get(this);
      return value instanceof File f ? f.toPath() : value;
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalStateException("request component " + name + " has no parameter of its "
          + "name in " + AbstractOutputMojo.class.getSimpleName(), e);
    }
  }

  /**
   * The compile classpath's {@code groupId:artifactId}s. The goals ask Maven only to collect
   * them (requiresDependencyCollection): the graph is known without downloading any jar.
   */
  private ClasspathArtifacts classpath() {
    if (skipDependencyCheck) {
      getLog().debug("auth-spec: dependency check skipped (authspec.skipDependencyCheck=true)");
      return ClasspathArtifacts.unchecked();
    }
    return ClasspathArtifacts.of(project.getArtifacts().stream()
        .map(a -> a.getGroupId() + ":" + a.getArtifactId()).toList());
  }
}
