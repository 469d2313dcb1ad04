package io.github.authspec.plugin.sql;

import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Figures for the migrations of the full spec, each next to a baseline of the same run:
 * rendering V1 (warm, in-process) against loading and validating the spec, and applying V1 to a
 * fresh PostgreSQL database against creating that empty database. Prints medians and ratios.
 * Run: docs/development.md.
 */
public final class MigrationBench {
  private MigrationBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    byte[] bytes = Specs.bytes(Specs.FULL);
    Path dir = Files.createTempDirectory("migration-bench");
    GenerationRequest request = Specs.project(Specs.FULL, dir);
    MigrationGenerator generator = new MigrationGenerator();
    List<Long> load = new ArrayList<>();
    List<Long> render = new ArrayList<>();
    String v1 = "";
    for (int i = 0; i < runs * 2; i++) {
      long t0 = System.nanoTime();
      var loaded = SpecLoader.load("auth-spec.json", bytes);
      long t1 = System.nanoTime();
      Spec spec = loaded.spec().orElseThrow();
      List<GeneratedFile> files = generator.generate(
          new GenerationContext(spec, request, new Reporter("auth-spec.json")));
      long t2 = System.nanoTime();
      v1 = files.get(0).text();
      if (i >= runs) {
        load.add(t1 - t0);
        render.add(t2 - t1);
      }
    }
    List<Long> create = new ArrayList<>();
    List<Long> apply = new ArrayList<>();
    for (int i = 0; i < Math.min(runs, 10); i++) {
      long t0 = System.nanoTime();
      DataSource db = PostgresServer.freshDatabase("bench");
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
      long t1 = System.nanoTime();
      Catalog.apply(db, v1);
      long t2 = System.nanoTime();
      create.add(t1 - t0);
      apply.add(t2 - t1);
    }
    print("load + validate spec (baseline)", load, load);
    print("render V1 SQL (jOOQ, 63 tables)", render, load);
    print("create empty database (baseline)", create, create);
    print("apply V1 to PostgreSQL", apply, create);
    System.exit(0);
  }

  private static void print(String what, List<Long> nanos, List<Long> baseline) {
    double m = median(nanos) / 1e6;
    System.out.printf("%-36s %9.2f ms   ratio %.2f%n", what, m, m / (median(baseline) / 1e6));
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
