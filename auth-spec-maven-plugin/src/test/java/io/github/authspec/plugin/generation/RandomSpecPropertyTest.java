package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.RandomSpecs;
import io.github.authspec.plugin.testsupport.SpecBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: every valid spec generates, its Java compiles with {@code -Xlint:all -Werror} and
 * its migration applies to PostgreSQL. Specs come from {@link RandomSpecs}, hostile names
 * included. CI uses a fixed seed; {@code -Dauthspec.seed=random} (or a number) chooses another
 * locally, and {@code -Dauthspec.specs=N} the count. The seed is printed so a failure can be
 * replayed.
 */
class RandomSpecPropertyTest {
  private static final long CI_SEED = 20_261_201L;
  private static final int CI_COUNT = 30;

  @Test
  @DisplayName("random valid specs generate, compile and migrate")
  void randomSpecs(@TempDir Path dir) throws IOException {
    long seed = seed();
    int count = Integer.getInteger("authspec.specs", CI_COUNT);
    System.out.println("RandomSpecPropertyTest: seed " + seed + ", " + count + " specs "
        + "(replay with -Dauthspec.seed=" + seed + ")");
    long start = System.nanoTime();
    RandomSpecs specs = new RandomSpecs(seed);
    List<GeneratedFile> java = new ArrayList<>();
    RedisClient[] clients = RedisClient.values();
    for (int i = 0; i < count; i++) {
      SpecBuilder spec = specs.next();
      // Each spec in its own package, so one javac run compiles them all.
      GenerationRequest request = spec.project(dir.resolve("spec" + i)).toBuilder()
          .packageName("com.example.random" + i).redisClient(clients[i % clients.length])
          .build();
      GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
          BuildLog.SILENT).plan(request, Files.readAllBytes(request.specFile()));
      String context = "spec " + i + " of seed " + seed + ":\n" + spec.json() + "\n"
          + planned.diagnostics().format();
      assertThat(planned.failed()).as(context).isFalse();
      assertThat(planned.diagnostics().all()).as(context).extracting(d -> d.code().id())
          .doesNotContain("AS116");
      for (GeneratedFile f : planned.files()) {
        if (f.root() == OutputRoot.JAVA) {
          java.add(f);
        } else if (f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql")) {
          DataSource db = PostgresServer.freshDatabase("random");
          Catalog.applyGenerated(db, f.text());
          assertThat(Catalog.tables(db)).as(context).hasSize(tableCount(request));
        }
      }
    }
    GeneratedSources.compile(java, dir.resolve("out"));
    System.out.printf("RandomSpecPropertyTest: %d specs, %d Java files in %d ms%n", count,
        java.size(), (System.nanoTime() - start) / 1_000_000);
  }

  private static int tableCount(GenerationRequest request) throws IOException {
    return io.github.authspec.model.SpecLoader.load(request.specFile()).spec().orElseThrow()
        .database().tables().size();
  }

  private static long seed() {
    String property = System.getProperty("authspec.seed");
    if (property == null || property.isBlank()) {
      return CI_SEED;
    }
    return property.equals("random") ? new java.security.SecureRandom().nextLong()
        : Long.parseLong(property);
  }
}
