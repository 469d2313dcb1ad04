package io.github.authspec.model;

import io.github.authspec.model.diagnostics.Diagnostics;
import java.util.Optional;

/** The outcome of loading a spec: the model when there was no error, and every diagnostic. */
public record LoadResult(Optional<Spec> spec, Diagnostics diagnostics) {}
