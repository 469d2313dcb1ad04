package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.sql.Drift;
import java.sql.SQLException;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Compares a running PostgreSQL with what the migrations build and fails on any difference:
 * tables, columns, types, nullability, defaults, keys, indexes, checks. Connects read-only.
 * Needs the PostgreSQL JDBC driver as a dependency of the plugin (docs/migrations.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "drift", threadSafe = true, requiresProject = true)
public class DriftMojo extends AbstractOutputMojo {
  private static final String DRIVER_SNIPPET = "<plugin>...<dependencies><dependency>"
      + "<groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>"
      + "<version>" + io.github.authspec.plugin.generation.LibraryVersions.of("postgresql")
      + "</version></dependency></dependencies></plugin>";

  /**
   * JDBC URL of the database to compare, e.g. {@code jdbc:postgresql://localhost/auth}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.drift.url")
  protected String driftUrl;

  /**
   * A {@code <server>} id in settings.xml whose username and (possibly encrypted) password are
   * used. The way to keep the password out of the pom.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.drift.serverId")
  protected String driftServerId;

  /**
   * User name, when no server id is given.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.drift.user")
  protected String driftUser;

  /**
   * Password, when no server id is given: pass it on the command line or in the environment's
   * MAVEN_OPTS, never in the pom.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.drift.password")
  protected String driftPassword;

  /**
   * The database schema the migrations build.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.drift.schema", defaultValue = "public")
  protected String driftSchema;

  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  @Inject
  protected SettingsDecrypter decrypter;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (driftUrl == null || driftUrl.isBlank()) {
      throw new SpecFailure("auth-spec: drift needs a database: set -Dauthspec.drift.url="
          + "jdbc:postgresql://host/db and -Dauthspec.drift.serverId=<settings.xml server id>");
    }
    String user = driftUser;
    String password = driftPassword;
    if (driftServerId != null && !driftServerId.isBlank()) {
      Server server = server(driftServerId);
      user = server.getUsername();
      password = server.getPassword();
    }
    long start = System.nanoTime();
    Drift.Report report;
    try {
      report = Drift.compare(migrationsDirectory.toPath(), driftUrl, user, password,
          driftSchema);
    } catch (ClassNotFoundException e) {
      throw new SpecFailure("auth-spec: the drift goal needs the PostgreSQL JDBC driver on the"
          + " plugin's classpath; add it to the plugin: " + DRIVER_SNIPPET);
    } catch (SQLException e) {
      throw new SpecFailure("auth-spec: cannot read the schema of " + driftUrl + ": "
          + e.getMessage());
    } catch (java.io.IOException e) {
      throw new MojoExecutionException("auth-spec: cannot read the migrations: "
          + e.getMessage(), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    report.unread().forEach(u -> getLog().warn(u + " (drift may miss what it changes)"));
    if (!report.differences().isEmpty()) {
      report.differences().forEach(d -> getLog().error("auth-spec: drift: " + d));
      throw new SpecFailure("auth-spec: " + driftUrl + " differs from the migrations in "
          + report.differences().size() + " place(s) (read in " + millis + " ms)");
    }
    getLog().info("auth-spec: " + driftUrl + " matches the migrations (read in " + millis
        + " ms)");
  }

  private Server server(String id) throws MojoFailureException {
    Server server = session == null ? null : session.getSettings().getServer(id);
    if (server == null) {
      throw new SpecFailure("auth-spec: no <server> with id '" + id + "' in settings.xml");
    }
    if (decrypter != null) {
      SettingsDecryptionResult result = decrypter.decrypt(
          new DefaultSettingsDecryptionRequest(server));
      if (result.getServer() != null) {
        return result.getServer();
      }
    }
    return server;
  }
}
