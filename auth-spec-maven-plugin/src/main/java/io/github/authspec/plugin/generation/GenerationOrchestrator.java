package io.github.authspec.plugin.generation;

import io.github.authspec.model.LoadResult;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.write.OutputWriter;
import io.github.authspec.plugin.write.WriteSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the phases in one direction: read → validate and link → plan and emit (in memory) →
 * write. Nothing reaches the disk unless every phase succeeded, so a failed run leaves the
 * previous output as it was.
 */
public final class GenerationOrchestrator {
  private final Supplier<List<Generator>> generators;
  private final BuildLog log;

  public GenerationOrchestrator(List<Generator> generators, BuildLog log) {
    List<Generator> copy = List.copyOf(generators);
    this.generators = () -> copy;
    this.log = log;
  }

  /**
   * Generators made only when a run plans output: an up-to-date build then loads none of their
   * classes (nor JavaPoet's, jOOQ's, ...).
   */
  public GenerationOrchestrator(Supplier<List<Generator>> generators, BuildLog log) {
    this.generators = generators;
    this.log = log;
  }

  /** Validation only: diagnostics, nothing written. */
  public GenerationResult validate(Path specFile) {
    LoadResult loaded = SpecLoader.load(specFile);
    Status status = loaded.spec().isPresent() ? Status.VALID : Status.FAILED;
    return new GenerationResult(status, loaded.diagnostics(), WriteSummary.none(),
        "validated " + specFile.getFileName(), List.of());
  }

  /**
   * Generates and writes. With {@code incremental}, an unchanged spec, configuration, plugin
   * version and migrations directory skip the run without loading the spec.
   */
  public GenerationResult generate(GenerationRequest request, boolean incremental)
      throws IOException {
    Staleness staleness = staleness(request, incremental);
    return staleness.upToDate() != null ? staleness.upToDate()
        : regenerate(request, staleness.reason());
  }

  /**
   * Either the up-to-date result, when nothing changed since the last successful run, or why
   * the output must be regenerated.
   */
  public record Staleness(GenerationResult upToDate, String reason) {}

  /** The up-to-date check alone: cheap, and it loads no generator. */
  public Staleness staleness(GenerationRequest request, boolean incremental) throws IOException {
    if (!incremental) {
      return new Staleness(null, "incremental check disabled");
    }
    String specStat = Fingerprint.specStat(request); // before the bytes: a later edit shows
    byte[] bytes = readSpec(request.specFile());
    if (bytes == null) {
      return new Staleness(null, "incremental check disabled");
    }
    Optional<String> stale = Fingerprint.staleReason(request, specStat, bytes);
    if (stale.isPresent()) {
      return new Staleness(null, stale.get());
    }
    return new Staleness(new GenerationResult(Status.UP_TO_DATE, new Diagnostics(List.of()),
        WriteSummary.none(), "spec, configuration and plugin version unchanged since the "
            + "last successful run", List.of()), null);
  }

  /** Plans and writes every file, for {@code reason}, then records the new fingerprint. */
  public GenerationResult regenerate(GenerationRequest request, String reason)
      throws IOException {
    String specStat = Fingerprint.specStat(request);
    byte[] bytes = readSpec(request.specFile());
    Planned planned = plan(request, bytes);
    if (planned.failed()) {
      return failed(planned.diagnostics(), reason);
    }
    OutputWriter writer = new OutputWriter(request);
    List<Path> overlaps = writer.overlaps(planned.files());
    if (!overlaps.isEmpty()) {
      Reporter reporter = new Reporter(request.specFile().getFileName().toString());
      reporter.report(Code.OUTPUT_OVERLAP, "", overlaps.size() + " output file(s) of this "
          + "execution were written by another execution too, e.g. " + overlaps.get(0),
          "give each execution its own <packageName>, <resourcesOutputDirectory> and "
              + "<migrationsDirectory>");
      return failed(merge(planned.diagnostics(), reporter.diagnostics()), reason);
    }
    long writeStart = System.nanoTime();
    WriteSummary summary = writer.write(planned.files());
    log.debug(String.format("auth-spec: %d file(s) compared and written in %d ms",
        planned.files().size(), (System.nanoTime() - writeStart) / 1_000_000));
    // Recomputed: this run may have added a migration, which is input to the next check.
    Fingerprint.save(request, specStat, bytes);
    return new GenerationResult(Status.GENERATED, planned.diagnostics(), summary, reason,
        List.of());
  }

  /** Check mode: plans the output and compares it with the disk, writing nothing. */
  public GenerationResult check(GenerationRequest request) throws IOException {
    Planned planned = plan(request, readSpec(request.specFile()));
    if (planned.failed()) {
      return failed(planned.diagnostics(), "check");
    }
    List<Path> differing = new OutputWriter(request).differing(planned.files());
    Status status = differing.isEmpty() ? Status.CURRENT : Status.OUT_OF_DATE;
    return new GenerationResult(status, planned.diagnostics(), WriteSummary.none(),
        differing.isEmpty() ? "generated output matches the spec"
            : differing.size() + " file(s) differ from what the spec produces", differing);
  }

  /** The outcome of the repair goal: what it did or would do, and the problems that stop it. */
  public record RepairOutcome(Diagnostics diagnostics, List<String> actions, boolean failed) {}

  /**
   * Repairs a migration history that merged branches left (see {@code MigrationRepair}); with
   * {@code dryRun}, only says what it would do.
   */
  public RepairOutcome repairMigrations(GenerationRequest request, boolean dryRun)
      throws IOException {
    Loaded loaded = load(request, readSpec(request.specFile()));
    if (loaded.context() == null) {
      return new RepairOutcome(loaded.diagnostics(), List.of(), true);
    }
    io.github.authspec.plugin.sql.MigrationRepair.Result result =
        io.github.authspec.plugin.sql.MigrationRepair.plan(loaded.context());
    Diagnostics diagnostics = loaded.reporter().diagnostics();
    if (!dryRun && !result.refused() && !diagnostics.hasErrors()) {
      io.github.authspec.plugin.write.MigrationRewrite.apply(request.migrationsDirectory(),
          result.writes(), result.deletes());
    }
    return new RepairOutcome(diagnostics, result.actions(),
        result.refused() || diagnostics.hasErrors());
  }

  /** The spec loaded into a generation context, or the diagnostics that prevent it. */
  private record Loaded(GenerationContext context, Reporter reporter, Diagnostics diagnostics) {}

  private static Loaded load(GenerationRequest request, byte[] bytes) {
    String name = request.specFile().getFileName().toString();
    if (bytes == null) {
      Reporter reporter = new Reporter(name);
      reporter.report(Code.UNREADABLE_FILE, "", "cannot read " + request.specFile(),
          "check the <spec> parameter (property authspec.spec)");
      return new Loaded(null, reporter, reporter.diagnostics());
    }
    LoadResult loaded = SpecLoader.load(name, bytes);
    if (loaded.spec().isEmpty()) {
      return new Loaded(null, loaded.reporter(), loaded.diagnostics());
    }
    Reporter reporter = loaded.reporter();
    GenerationContext context;
    try {
      context = new GenerationContext(loaded.spec().get(), request, reporter);
    } catch (RuntimeException e) {
      GeneratorFailure.report(reporter, "naming", e);
      return new Loaded(null, reporter, reporter.diagnostics());
    }
    if (reporter.hasErrors()) {
      // A name that cannot be made legal: generators would only fail on it.
      return new Loaded(null, reporter, reporter.diagnostics());
    }
    return new Loaded(context, reporter, reporter.diagnostics());
  }

  /** Every file the spec produces, rendered in memory, or the diagnostics that prevent it. */
  public Planned plan(GenerationRequest request, byte[] bytes) {
    long loadStart = System.nanoTime();
    List<Generator> generators = List.copyOf(this.generators.get());
    Warmup.start();
    Loaded loaded = load(request, bytes);
    log.debug(String.format("auth-spec: spec read, validated and named in %d ms",
        (System.nanoTime() - loadStart) / 1_000_000));
    if (loaded.context() == null) {
      return new Planned(List.of(), loaded.diagnostics(), true);
    }
    GenerationContext context = loaded.context();
    Reporter reporter = loaded.reporter();
    // Generators are independent pure functions of the model: run them in parallel, keep
    // their order for the output. An exception in one is the plugin's bug: a diagnostic.
    List<List<GeneratedFile>> outputs = generators.parallelStream().map(generator -> {
      long start = System.nanoTime();
      List<GeneratedFile> produced;
      try {
        produced = generator.generate(context);
      } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
        GeneratorFailure.report(reporter, generator.name(), e);
        return List.<GeneratedFile>of();
      }
      log.debug(String.format("auth-spec: %s: %d file(s) in %d ms", generator.name(),
          produced.size(), (System.nanoTime() - start) / 1_000_000));
      return produced;
    }).toList();
    context.notes().forEach(log::info);
    List<GeneratedFile> files = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < generators.size(); i++) {
      Generator generator = generators.get(i);
      for (GeneratedFile f : outputs.get(i)) {
        if (!paths.add(f.root() + ":" + f.path())) {
          GeneratorFailure.report(reporter, generator.name(), new IllegalStateException(
              "it produced " + f + ", which another generator already produced"));
          continue;
        }
        files.add(f);
      }
    }
    Diagnostics diagnostics = reporter.diagnostics();
    return new Planned(List.copyOf(files), diagnostics, diagnostics.hasErrors());
  }

  private GenerationResult failed(Diagnostics diagnostics, String reason) {
    return new GenerationResult(Status.FAILED, diagnostics, WriteSummary.none(), reason,
        List.of());
  }

  private static Diagnostics merge(Diagnostics a, Diagnostics b) {
    List<io.github.authspec.model.diagnostics.Diagnostic> all = new ArrayList<>(a.all());
    all.addAll(b.all());
    return new Diagnostics(all);
  }

  private static byte[] readSpec(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** The in-memory output of a run. */
  public record Planned(List<GeneratedFile> files, Diagnostics diagnostics, boolean failed) {}
}
