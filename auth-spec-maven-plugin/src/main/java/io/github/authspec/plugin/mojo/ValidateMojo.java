package io.github.authspec.plugin.mojo;

import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationResult;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates the spec and prints every problem, compiler style. Writes nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractAuthSpecMojo {

  @Override
  protected void run() throws MojoFailureException {
    GenerationResult result =
        new GenerationOrchestrator(List.of(), new MavenBuildLog(getLog())).validate(spec.toPath());
    report(result);
    getLog().info("auth-spec: " + spec.getName() + " is valid ("
        + result.diagnostics().summary() + ")");
  }

  /** Validation writes nothing in any case, so the verdict is all it reports. */
  @Override
  protected String failureMessage(String where, String summary, boolean byWarnings) {
    return "auth-spec: " + where + " is invalid (" + summary
        + (byWarnings ? "; failOnWarning is set)" : ")");
  }
}
