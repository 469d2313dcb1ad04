package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationOrchestrator.RepairOutcome;
import io.github.authspec.plugin.generation.Generators;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Repairs the migration history after a merge: a generated migration that the state file does
 * not record (written on another branch) is renumbered above the recorded history, DDL the
 * other branch already ran is dropped from it, and the state is rebuilt. Refuses when the
 * recorded history itself was edited. Run with {@code -Dauthspec.dryRun=true} to see the plan.
 *
 * @since 0.1.0
 */
@Mojo(name = "repair-migrations", threadSafe = true)
public class RepairMigrationsMojo extends AbstractOutputMojo {

  /**
   * Only print what the repair would do; change no file.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.dryRun", defaultValue = "false")
  protected boolean dryRun;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    RepairOutcome outcome;
    try {
      outcome = new GenerationOrchestrator(Generators.all(), new MavenBuildLog(getLog()))
          .repairMigrations(request(), dryRun);
    } catch (IOException e) {
      throw new MojoExecutionException("auth-spec: cannot repair the migrations: "
          + e.getMessage(), e);
    }
    outcome.diagnostics().all().forEach(d -> {
      if (d.isError()) {
        getLog().error(d.format());
      } else {
        getLog().warn(d.format());
      }
    });
    if (outcome.failed()) {
      throw new SpecFailure("auth-spec: the migration history cannot be repaired safely; "
          + "see the errors above");
    }
    String prefix = dryRun ? "auth-spec: would " : "auth-spec: ";
    outcome.actions().forEach(a -> getLog().info(prefix + a));
    if (dryRun) {
      getLog().info("auth-spec: dry run, no file changed (drop -Dauthspec.dryRun to repair)");
    }
  }
}
