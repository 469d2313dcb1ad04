package io.github.authspec.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm, in-process validation time of a spec (default: the full seed spec), against Jackson's
 * plain {@code readTree} of the same bytes measured in the same run as the baseline.
 * Usage: {@code ValidationBench [spec.json] [runs]}.
 */
public final class ValidationBench {
  private ValidationBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0]
        : "specs/auth-service-full.json");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    byte[] bytes = Files.readAllBytes(file);
    ObjectMapper mapper = new ObjectMapper();
    String name = file.getFileName().toString();

    for (int i = 0; i < runs; i++) { // warm-up: JIT, class loading (jOOQ for checks)
      sink += SpecLoader.load(name, bytes).diagnostics().all().size();
      sink += mapper.readTree(bytes).size();
    }
    double load = median(runs, () -> sink += SpecLoader.load(name, bytes).diagnostics().all().size());
    double jackson = median(runs, () -> sink += mapper.readTree(bytes).size());
    System.out.printf("spec: %s (%d bytes), %d runs after %d warm-up runs%n", file, bytes.length,
        runs, runs);
    System.out.printf("SpecLoader.load (read+validate+link): median %.3f ms%n", load);
    System.out.printf("ObjectMapper.readTree (baseline):     median %.3f ms%n", jackson);
    System.out.printf("ratio load/readTree: %.1fx (checksum %d)%n", load / jackson, sink);
  }

  private static long sink;

  private interface Run {
    void run() throws Exception;
  }

  private static double median(int runs, Run run) throws Exception {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
