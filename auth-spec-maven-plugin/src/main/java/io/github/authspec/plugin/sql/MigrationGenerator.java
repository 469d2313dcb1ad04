package io.github.authspec.plugin.sql;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.sql.MigrationPlanner.Plan;
import io.github.authspec.plugin.sql.MigrationState.Version;
import java.io.IOException;
import java.math.BigInteger;
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
    MigrationFiles files;
    Optional<MigrationState> state;
    try {
      files = MigrationFiles.of(context.migrations());
      state = currentState(context, dir, files);
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + dir + ": " + e.getMessage(),
          "check the <migrationsDirectory> parameter");
      return List.of();
    }
    if (state.isEmpty()) {
      return List.of();
    }
    List<String> invalid = new ArrayList<>();
    Renames renames = Renames.parse(context.request().renames(), invalid);
    invalid.forEach(r -> context.report(Code.INVALID_CONFIGURATION, "",
        "rename '" + r + "' is not 'table=newTable' or 'table.column=newColumn'", ""));
    SchemaState desired = SchemaState.of(context.spec(), context.naming(),
        context.request().timestamps());
    // Hashed once: SHA-256 runs interpreted in a cold build JVM (~0.1 s for the seed's schema).
    String desiredSha256 = MigrationState.fingerprint(desired);
    if (desiredSha256.equals(state.get().schemaSha256())) {
      // Nothing changed: no JSON binding of the old schema, no jOOQ.
      return List.of();
    }
    SchemaState recorded = state.get().schema() != null ? state.get().schema()
        : fullState(context, dir, files).map(MigrationState::schema).orElse(null);
    if (recorded == null) {
      return List.of();
    }
    SchemaState current;
    try {
      current = withUserMigrations(context, files, recorded, desired);
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + dir + ": " + e.getMessage(),
          "check the <migrationsDirectory> parameter");
      return List.of();
    }
    // A schema created from nothing is written without starting jOOQ when it can be (tests prove
    // the text is jOOQ's); any other change is planned and rendered through jOOQ.
    Optional<String> created = current.tables().isEmpty() ? CreateSchemaText.render(desired)
        : Optional.empty();
    List<String> changes;
    String ddl;
    if (created.isPresent()) {
      changes = MigrationPlanner.creation(desired);
      ddl = created.get();
    } else {
      SqlRenderer sql = new SqlRenderer();
      Plan plan = new MigrationPlanner(sql).plan(current, desired, renames);
      if (plan.isEmpty()) {
        // User migrations already made the spec's change: record it, write no SQL.
        return List.of(GeneratedFile.text(OutputRoot.MIGRATIONS, MigrationState.FILE,
            new MigrationState(state.get().versions(), desiredSha256, desired).toJson()));
      }
      if (!plan.destructive().isEmpty() && !context.request().allowDestructiveMigrations()) {
        for (String step : plan.destructive()) {
          context.report(Code.DESTRUCTIVE_MIGRATION, "", "the next migration " + step,
              "if that is intended, set <allowDestructiveMigrations>true"
                  + "</allowDestructiveMigrations> (-Dauthspec.allowDestructiveMigrations); for a"
                  + " rename, declare it in <renames> (table.old=new)");
        }
        return List.of();
      }
      changes = plan.changes();
      ddl = sql.render(plan.queries());
    }
    long version = files.nextVersion(BigInteger.valueOf(state.get().nextVersion()))
        .longValueExact();
    String file = "V" + version + "__" + slug(changes) + ".sql";
    String text = header(version, changes) + ddl;
    List<Version> versions = new ArrayList<>(state.get().versions());
    versions.add(new Version(version, file, MigrationState.sha256(text)));
    MigrationState next = new MigrationState(versions, desiredSha256, desired);
    return List.of(
        GeneratedFile.text(OutputRoot.MIGRATIONS, file, text),
        GeneratedFile.text(OutputRoot.MIGRATIONS, MigrationState.FILE, next.toJson()));
  }

  /**
   * The recorded schema plus what the user's own migrations did to the tables the spec
   * manages, read by replaying every versioned file through jOOQ. Only needed when there are
   * such files; statements jOOQ cannot read are reported, located, as warnings.
   */
  static SchemaState withUserMigrations(GenerationContext context, MigrationFiles files,
      SchemaState recorded, SchemaState desired) throws IOException {
    if (!files.hasUserFiles()) {
      return recorded;
    }
    MigrationInterpreter.Result built = new MigrationInterpreter().interpret(files);
    java.util.Set<String> user = new java.util.HashSet<>();
    files.files().stream().filter(f -> !f.generated()).forEach(f -> user.add(f.name()));
    for (MigrationInterpreter.Skipped s : built.skipped()) {
      if (user.contains(s.file())) {
        context.reportInFile(Code.MIGRATION_STATEMENT_UNREAD,
            files.directory().resolve(s.file()).toString(), s.line(), s.reason()
                + "; the plugin does not know what it changes",
            "if it creates or alters a table the spec manages, check the next generated"
                + " migration by hand (or write that DDL in a form jOOQ reads)");
      }
    }
    return SchemaOverlay.overlay(recorded, built.meta(), desired);
  }

  /** The recorded state, checked against the files; empty after reporting a problem. */
  private static Optional<MigrationState> currentState(GenerationContext context, Path dir,
      MigrationFiles files) throws IOException {
    if (files.state().isEmpty()) {
      List<String> generated = files.files().stream().filter(MigrationFiles.MigrationFile::generated)
          .map(MigrationFiles.MigrationFile::name).toList();
      if (!generated.isEmpty()) {
        context.report(Code.MIGRATION_STATE, "", "the migrations directory " + dir
                + " holds " + generated + " but no " + MigrationState.FILE,
            "restore " + MigrationState.FILE + " from version control, or point "
                + "<migrationsDirectory> at an empty directory");
        return Optional.empty();
      }
      List<MigrationHistory.Problem> problems = MigrationHistory.check(files,
          MigrationState.empty());
      problems.forEach(p -> context.reportInFile(p.code(), p.file(), 1, p.message(), p.hint()));
      return problems.isEmpty() ? Optional.of(MigrationState.empty()) : Optional.empty();
    }
    Path file = dir.resolve(MigrationState.FILE);
    MigrationState state;
    try {
      Optional<MigrationState> summary = MigrationState.readSummary(files.state().get());
      state = summary.isPresent() ? summary.get() : MigrationState.read(files.state().get());
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + file + ": "
          + firstLine(e.getMessage()), "restore the file from version control; after a merge"
          + " conflict in it, keep either side and run " + MigrationHistory.REPAIR);
      return Optional.empty();
    }
    List<MigrationHistory.Problem> problems = MigrationHistory.check(files, state);
    problems.forEach(p -> context.reportInFile(p.code(), p.file(), 1, p.message(), p.hint()));
    return problems.isEmpty() ? Optional.of(state) : Optional.empty();
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message;
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  private static Optional<MigrationState> fullState(GenerationContext context, Path dir,
      MigrationFiles files) {
    try {
      return Optional.of(MigrationState.read(files.state().orElseThrow()));
    } catch (IOException e) {
      context.report(Code.MIGRATION_STATE, "", "cannot read " + dir.resolve(MigrationState.FILE)
          + ": " + e.getMessage(), "restore the file from version control");
      return Optional.empty();
    }
  }

  private static String header(long version, List<String> changes) {
    StringBuilder out = new StringBuilder(MigrationFiles.GENERATED_MARK + " from the spec. ")
        .append("Do not edit: change the spec and rebuild.\n")
        .append("-- V").append(version).append(": ");
    boolean creation = changes.stream().allMatch(c -> c.startsWith(MigrationPlanner.CREATE));
    out.append(changes.size() <= 6 ? String.join("; ", changes)
        : creation ? "create the schema, " + changes.size() + " tables"
        : changes.size() + " changes: " + String.join("; ", changes.subList(0, 6)) + "; ...")
        .append("\n\n");
    return out.toString();
  }

  /** {@code add table audit_log} → {@code add_table_audit_log}; many changes are summarised. */
  static String slug(List<String> changes) {
    String first = changes.get(0);
    String base = first.startsWith(MigrationPlanner.CREATE) ? "create_schema" : first;
    String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
    if (changes.size() > 1 && !base.equals("create_schema")) {
      slug += "_and_" + (changes.size() - 1) + "_more";
    }
    return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("_$", "") : slug;
  }
}
