package io.github.authspec.plugin.generation;

import io.github.authspec.model.LoadResult;
import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.json.JsonReader;
import io.github.authspec.plugin.write.OutputWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's own phases in one cold JVM, in the order a build runs them, each timed once:
 * read the JSON, validate and link, each generator (one after another, so each figure is its
 * own, class loading included), write. {@code bench/phases.sh} runs it per spec size and derives
 * the per-table slope. Prints one tab-separated line per phase: {@code phase cpu-ms wall-ms
 * files bytes}, where cpu is the whole process's (JIT compilation and GC the phase causes
 * included), the figure a loaded machine disturbs least.
 * With {@code --orchestrated} it instead runs the orchestrator's real path (generators in
 * parallel) and prints {@code plan} and {@code write}, to compare with the sequential sum.
 *
 * <p>usage: {@code PhaseBench SPEC PROJECT_DIR [--orchestrated]}. PROJECT_DIR is used as the
 * project base (target/, src/main/resources/db/migration): wipe what a build would not have.
 * Not a test.
 */
public final class PhaseBench {
  private PhaseBench() {}

  public static void main(String[] args) throws Exception {
    Path specFile = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    boolean orchestrated = args.length > 2 && args[2].equals("--orchestrated");
    GenerationRequest request = GenerationRequest.defaults(specFile, dir);
    long t0 = System.nanoTime();
    byte[] bytes = Files.readAllBytes(specFile);
    List<GeneratedFile> files;
    if (orchestrated) {
      GenerationOrchestrator orchestrator =
          new GenerationOrchestrator(Generators::all, BuildLog.SILENT);
      GenerationOrchestrator.Planned planned = orchestrator.plan(request, bytes);
      if (planned.failed()) {
        throw new IllegalStateException(planned.diagnostics().format());
      }
      files = planned.files();
      line("plan", t0, files);
    } else {
      String text = new String(bytes, StandardCharsets.UTF_8);
      JsonReader.read(text, new Reporter("auth-spec.json"));
      line("read", t0, List.of());
      long t1 = System.nanoTime();
      LoadResult loaded = SpecLoader.load("auth-spec.json", bytes);
      Spec spec = loaded.spec().orElseThrow(
          () -> new IllegalStateException(loaded.diagnostics().format()));
      // The load above reads the JSON a second time (warm): subtract a third warm read.
      long t2 = System.nanoTime();
      JsonReader.read(text, new Reporter("auth-spec.json"));
      long warmRead = System.nanoTime() - t2;
      print("validate", (t2 - t1 - warmRead) / 1e6, 0, 0);
      GenerationContext context = new GenerationContext(spec, request, loaded.reporter());
      files = new ArrayList<>();
      for (Generator g : Generators.all()) {
        long start = System.nanoTime();
        cpuMark = OS.getProcessCpuTime();
        List<GeneratedFile> produced = g.generate(context);
        line(g.name(), start, produced);
        files.addAll(produced);
      }
    }
    long start = System.nanoTime();
    cpuMark = OS.getProcessCpuTime();
    new OutputWriter(request).write(files);
    line("write", start, files);
    Fingerprint.save(request, Fingerprint.specStat(request), bytes);
    print("total", (System.nanoTime() - t0) / 1e6, files.size(), bytes(files));
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    print("peak-heap-MiB", heap / 1048576.0, 0, 0);
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static long cpuMark = OS.getProcessCpuTime();

  private static void line(String phase, long start, List<GeneratedFile> files) {
    print(phase, (System.nanoTime() - start) / 1e6, files.size(), bytes(files));
  }

  private static long bytes(List<GeneratedFile> files) {
    return files.stream().mapToLong(f -> f.content().length).sum();
  }

  /** Process CPU since the previous line (for "total", since the JVM started). */
  private static void print(String phase, double ms, int files, long bytes) {
    long now = OS.getProcessCpuTime();
    double cpu = phase.equals("total") ? now / 1e6 : (now - cpuMark) / 1e6;
    cpuMark = now;
    System.out.printf("%s\t%.1f\t%.1f\t%d\t%d%n", phase, cpu, ms, files, bytes);
  }
}
