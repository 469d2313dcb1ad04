package io.github.authspec.plugin.mojo;

import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.plugin.generation.GenerationResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.build.DefaultBuildContext;

/** Parameters and diagnostics reporting shared by every goal. */
abstract class AbstractAuthSpecMojo extends AbstractMojo {

  /**
   * The designer's JSON export.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.spec",
      defaultValue = "${project.basedir}/src/main/auth-spec/auth-spec.json", required = true)
  protected File spec;

  /**
   * Fail the build when the spec has warnings, not only errors.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.failOnWarning", defaultValue = "false")
  protected boolean failOnWarning;

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "authspec.skip", defaultValue = "false")
  protected boolean skip;

  /** The IDE's incremental build (m2e); on the command line, a pass-through. */
  @Inject
  protected BuildContext buildContext;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("auth-spec: skipped (authspec.skip=true)");
      return;
    }
    run();
  }

  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * Whether an IDE (m2e) supplied the build context. On the command line the default context
   * would only log each message a second time.
   */
  protected boolean inIde() {
    return buildContext != null && !(buildContext instanceof DefaultBuildContext);
  }

  /**
   * The one sentence a failed build ends with, e.g. {@code auth-spec: x.json has 2 errors, 0
   * warnings; nothing was generated}.
   *
   * @param byWarnings the spec has no errors; its warnings fail the build (failOnWarning)
   */
  protected String failureMessage(String where, String summary, boolean byWarnings) {
    return "auth-spec: " + where + " has " + summary
        + (byWarnings ? " and failOnWarning is set" : "; nothing was generated");
  }

  /** Logs every diagnostic; throws when errors (or warnings, with failOnWarning) fail the build. */
  protected void report(GenerationResult result) throws MojoFailureException {
    Diagnostics diagnostics = result.diagnostics();
    boolean ide = inIde();
    if (ide) {
      buildContext.removeMessages(spec);
    }
    for (Diagnostic d : diagnostics.all()) {
      if (d.isError()) {
        getLog().error(d.format());
      } else {
        getLog().warn(d.format());
      }
      if (ide) {
        // Markers in the IDE at the real line and column of the spec.
        buildContext.addMessage(spec, d.position().line(), d.position().column(),
            "[" + d.code().id() + "] " + d.message(),
            d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING, null);
      }
    }
    String where = spec.getPath();
    // Each diagnostic was logged once above. The failure carries only the summary: Maven prints
    // an exception's long message after its short one, which would repeat every diagnostic (and
    // the summary) as [ERROR] lines.
    if (result.failed()) {
      throw new SpecFailure(failureMessage(where, diagnostics.summary(), false));
    }
    if (failOnWarning && !diagnostics.warnings().isEmpty()) {
      throw new SpecFailure(failureMessage(where, diagnostics.summary(), true));
    }
  }
}
