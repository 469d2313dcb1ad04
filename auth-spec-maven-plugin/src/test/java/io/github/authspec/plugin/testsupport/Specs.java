package io.github.authspec.plugin.testsupport;

import io.github.authspec.model.LoadResult;
import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test specs (src/test/resources/specs, with the two designer exports copied in from the
 * repository's specs folder by the build) and shortcuts to load and plan them.
 */
public final class Specs {
  public static final String FULL = "auth-service-full.json";
  public static final String EDGE_CASES = "edge-cases.json";

  private Specs() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Specs.class.getResourceAsStream("/specs/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test spec " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validated model; fails the test when the spec has errors. */
  public static Spec load(String name) {
    LoadResult r = SpecLoader.load(name, bytes(name));
    return r.spec().orElseThrow(() -> new AssertionError(r.diagnostics().format()));
  }

  /** Copies a test spec to {@code dir}/auth-spec.json and returns the default request there. */
  public static GenerationRequest project(String name, Path dir) {
    try {
      Path spec = dir.resolve("auth-spec.json");
      Files.createDirectories(dir);
      Files.write(spec, bytes(name));
      return GenerationRequest.defaults(spec, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file the generators plan for the request's spec, without writing. */
  public static List<GeneratedFile> plan(GenerationRequest request) {
    GenerationOrchestrator.Planned planned = planned(request);
    if (planned.failed()) {
      throw new AssertionError(planned.diagnostics().format());
    }
    return planned.files();
  }

  /** The plan for the request's spec with its diagnostics, failed or not. */
  public static GenerationOrchestrator.Planned planned(GenerationRequest request) {
    try {
      return new GenerationOrchestrator(Generators.all(), BuildLog.SILENT).plan(request,
          Files.readAllBytes(request.specFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a diagnostic is one the seed spec has by design: it references the tables of
   * {@code tag-based-permissions} and {@code abac} without declaring them, so both are AS116.
   */
  public static boolean seedGap(io.github.authspec.model.diagnostics.Diagnostic d) {
    return d.message().contains("'tag-based-permissions'") || d.message().contains("'abac'");
  }
}
