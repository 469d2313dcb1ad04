package io.github.authspec.model;

import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.model.diagnostics.Reporter;
import java.util.Optional;

/**
 * The outcome of loading a spec: the model when there was no error, every diagnostic, and a
 * reporter that locates later problems (found while generating) in the same file.
 */
public record LoadResult(Optional<Spec> spec, Diagnostics diagnostics, Reporter reporter) {}
