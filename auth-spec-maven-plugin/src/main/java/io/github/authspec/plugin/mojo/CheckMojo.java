package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationResult;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.generation.Generators;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * For CI: fails, writing nothing, when the migrations or generated files on disk are not what
 * the current spec produces.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyCollection = ResolutionScope.COMPILE)
public class CheckMojo extends AbstractOutputMojo {

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    GenerationResult result;
    try {
      result = new GenerationOrchestrator(Generators::all, new MavenBuildLog(getLog()))
          .check(request());
    } catch (IOException e) {
      throw new MojoExecutionException("auth-spec: cannot read generated output: "
          + e.getMessage(), e);
    }
    report(result);
    if (result.status() == Status.OUT_OF_DATE) {
      for (Path p : result.outOfDate()) {
        getLog().error("auth-spec: out of date: " + p);
      }
      throw new SpecFailure("auth-spec: " + result.reason()
          + "; run 'mvn generate-sources' and commit the result");
    }
    getLog().info("auth-spec: " + result.reason());
  }

  /** The check writes nothing in any case; it could not compare because the spec is broken. */
  @Override
  protected String failureMessage(String where, String summary, boolean byWarnings) {
    return "auth-spec: " + where + " has " + summary
        + (byWarnings ? " and failOnWarning is set" : "; nothing was checked");
  }
}
