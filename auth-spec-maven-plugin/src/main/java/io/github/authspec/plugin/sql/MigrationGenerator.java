package io.github.authspec.plugin.sql;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.sql.MigrationPlanner.Plan;
import io.github.authspec.plugin.sql.MigrationState.Version;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flyway migrations, append-only. The first build writes {@code V1__create_schema.sql}; a later
 * build whose spec changed writes the next version with exactly the difference from the schema
 * recorded in {@value MigrationState#FILE}. Applied files are never rewritten: a recorded file
 * that was edited or deleted stops the build. This generator reads the migrations directory (the
 * committed state); it writes nothing itself.
 */
public final class MigrationGenerator implements Generator {
  private static final int MAX_SLUG = 60;

  @Override
  public String name() {
    return "migrations";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    if (!context.spec().infrastructure().databaseEnabled()) {
      return List.of();
    }
    Path dir = context.request().migrationsDirectory();
    Optional<MigrationState> state = currentState(context, dir);
    if (state.isEmpty()) {
      return List.of();
    }
    List<String> invalid = new ArrayList<>();
    Renames renames = Renames.parse(context.request().renames(), invalid);
    invalid.forEach(r -> context.report(Code.INVALID_CONFIGURATION, "",
        "rename '" + r + "' is not 'table=newTable' or 'table.column=newColumn'", ""));
    SchemaState desired = SchemaState.of(context.spec(), context.naming());
    if (MigrationState.fingerprint(desired).equals(state.get().schemaSha256())) {
      // Nothing changed: no JSON binding of the old schema, no jOOQ.
      return List.of();
    }
    SchemaState current = state.get().schema() != null ? state.get().schema()
        : fullState(context, dir).map(MigrationState::schema).orElse(null);
    if (current == null) {
      return List.of();
    }
    SqlRenderer sql = new SqlRenderer();
    Plan plan = new MigrationPlanner(sql).plan(current, desired, renames);
    if (plan.isEmpty()) {
      return List.of();
    }
    if (!plan.destructive().isEmpty() && !context.request().allowDestructiveMigrations()) {
      for (String step : plan.destructive()) {
        context.report(Code.DESTRUCTIVE_MIGRATION, "", "the next migration " + step,
            "if that is intended, set <allowDestructiveMigrations>true</allowDestructiveMigrations>"
                + " (-Dauthspec.allowDestructiveMigrations); for a rename, declare it in"
                + " <renames> (table.old=new)");
      }
      return List.of();
    }
    int version = state.get().nextVersion();
    String file = "V" + version + "__" + slug(plan.changes()) + ".sql";
    String text = header(version, plan) + sql.render(plan.queries());
    List<Version> versions = new ArrayList<>(state.get().versions());
    versions.add(new Version(version, file, MigrationState.sha256(text)));
    MigrationState next = new MigrationState(versions, desired);
    return List.of(
        GeneratedFile.text(OutputRoot.MIGRATIONS, file, text),
        GeneratedFile.text(OutputRoot.MIGRATIONS, MigrationState.FILE, next.toJson()));
  }

  /** The recorded state, checked against the files; empty after reporting a problem. */
  private static Optional<MigrationState> currentState(GenerationContext context, Path dir) {
    try {
      if (!MigrationState.exists(dir)) {
        List<String> strays = versionedFiles(dir);
        if (!strays.isEmpty()) {
          context.report(Code.MIGRATION_STATE, "", "the migrations directory " + dir
                  + " holds " + strays + " but no " + MigrationState.FILE,
              "restore " + MigrationState.FILE + " from version control, or point "
                  + "<migrationsDirectory> at an empty directory");
          return Optional.empty();
        }
        return Optional.of(MigrationState.empty());
      }
      Path file = dir.resolve(MigrationState.FILE);
      Optional<MigrationState> summary = MigrationState.readSummary(file);
      MigrationState state = summary.isPresent() ? summary.get() : MigrationState.read(file);
      boolean intact = true;
      for (Version v : state.versions()) {
        Path f = dir.resolve(v.file());
        if (!Files.isRegularFile(f)) {
          context.report(Code.APPLIED_MIGRATION_CHANGED, "", "migration " + v.file()
              + " was deleted", "restore it from version control: applied migrations are kept");
          intact = false;
        } else if (!MigrationState.sha256(Files.readAllBytes(f)).equals(v.sha256())) {
          context.report(Code.APPLIED_MIGRATION_CHANGED, "", "migration " + v.file()
                  + " was edited after the plugin wrote it",
              "restore it from version control; change the spec instead and let the plugin "
                  + "write the next version");
          intact = false;
        }
      }
      return intact ? Optional.of(state) : Optional.empty();
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + dir.resolve(MigrationState.FILE)
          + ": " + e.getMessage(), "restore the file from version control");
      return Optional.empty();
    }
  }

  private static Optional<MigrationState> fullState(GenerationContext context, Path dir) {
    try {
      return Optional.of(MigrationState.read(dir.resolve(MigrationState.FILE)));
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + dir.resolve(MigrationState.FILE)
          + ": " + e.getMessage(), "restore the file from version control");
      return Optional.empty();
    }
  }

  private static List<String> versionedFiles(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "V*__*.sql")) {
        s.forEach(p -> out.add(p.getFileName().toString()));
      }
    }
    out.sort(null);
    return out;
  }

  private static String header(int version, Plan plan) {
    StringBuilder out = new StringBuilder("-- Generated by auth-spec-maven-plugin from the spec. ")
        .append("Do not edit: change the spec and rebuild.\n")
        .append("-- V").append(version).append(": ");
    List<String> changes = plan.changes();
    boolean creation = changes.stream().allMatch(c -> c.startsWith("create "));
    out.append(changes.size() <= 6 ? String.join("; ", changes)
        : creation ? "create the schema, " + changes.size() + " tables"
        : changes.size() + " changes: " + String.join("; ", changes.subList(0, 6)) + "; ...")
        .append("\n\n");
    return out.toString();
  }

  /** {@code add table audit_log} → {@code add_table_audit_log}; many changes are summarised. */
  static String slug(List<String> changes) {
    String first = changes.get(0);
    String base = first.startsWith("create ") ? "create_schema" : first;
    String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
    if (changes.size() > 1 && !base.equals("create_schema")) {
      slug += "_and_" + (changes.size() - 1) + "_more";
    }
    return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("_$", "") : slug;
  }
}
