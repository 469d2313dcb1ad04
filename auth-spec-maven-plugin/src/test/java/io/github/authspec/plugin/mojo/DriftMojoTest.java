package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The drift goal as Maven configures it: passes on a migrated database, fails on drift. */
@MojoTest
class DriftMojoTest {
  private static final String POM = "src/test/resources/unit/generate/pom.xml";

  @Test
  @InjectMojo(goal = "drift", pom = POM)
  @DisplayName("Maven injects the build context and the settings decrypter (JSR-330 fields)")
  void componentsAreInjected(DriftMojo mojo) {
    assertThat(mojo.buildContext).isNotNull();
    assertThat(mojo.decrypter).isNotNull();
  }

  @Test
  @InjectMojo(goal = "drift", pom = POM)
  @DisplayName("passes on a freshly migrated database and fails, naming the difference, after a manual change")
  void failsOnDrift(DriftMojo mojo, @TempDir Path dir) throws Exception {
    GenerationRequest request = Specs.project("two-tables.json", dir);
    new GenerationOrchestrator(Generators.all(), BuildLog.SILENT).generate(request, false);
    DataSource db = PostgresServer.freshDatabase("drift_mojo");
    Flyway.configure().dataSource(db).locations("filesystem:" + request.migrationsDirectory())
        .load().migrate();
    PGSimpleDataSource pg = (PGSimpleDataSource) db;
    mojo.migrationsDirectory = request.migrationsDirectory().toFile();
    mojo.driftUrl = pg.getURL();
    mojo.driftUser = pg.getUser();
    mojo.driftPassword = pg.getPassword();

    mojo.execute();

    Catalog.apply(db, "ALTER TABLE sessions DROP COLUMN scopes");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("differs from the migrations in 1 place");
  }

  @Test
  @InjectMojo(goal = "drift", pom = POM)
  @DisplayName("without a URL the goal says what to set")
  void needsAUrl(DriftMojo mojo) {
    mojo.driftUrl = null;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("-Dauthspec.drift.url=");
    assertThat(mojo.driftSchema).isEqualTo("public");
  }
}
