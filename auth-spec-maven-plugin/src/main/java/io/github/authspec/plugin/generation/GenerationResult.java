package io.github.authspec.plugin.generation;

import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.plugin.write.WriteSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one execution.
 *
 * @param status what happened
 * @param diagnostics every problem, spec and generation alike
 * @param summary what was written (empty unless {@link Status#GENERATED})
 * @param reason why it regenerated or skipped, for the log
 * @param outOfDate for {@link Status#OUT_OF_DATE}: the files that differ from what the spec makes
 */
public record GenerationResult(
    Status status, Diagnostics diagnostics, WriteSummary summary, String reason,
    List<Path> outOfDate) {

  public GenerationResult {
    outOfDate = List.copyOf(outOfDate);
  }

  public enum Status {
    /** Output written (or found identical) from the spec. */
    GENERATED,
    /** Nothing to do: spec, configuration and plugin are as at the last successful run. */
    UP_TO_DATE,
    /** Validation only, and it passed (possibly with warnings). */
    VALID,
    /** Check mode: the output on disk is what the spec makes. */
    CURRENT,
    /** Check mode: some output differs from what the spec makes. */
    OUT_OF_DATE,
    /** Errors: nothing was written. */
    FAILED
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
