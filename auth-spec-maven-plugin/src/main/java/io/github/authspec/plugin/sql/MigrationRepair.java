package io.github.authspec.plugin.sql;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.sql.MigrationFiles.MigrationFile;
import io.github.authspec.plugin.sql.MigrationInterpreter.Outcome;
import io.github.authspec.plugin.sql.MigrationState.Version;
import io.github.authspec.plugin.sql.SqlScript.Statement;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Meta;

/**
 * Repairs a history that merged branches left: every generated migration the state does not
 * record is taken into it, renumbered above the recorded history when its version is taken or
 * not the newest, with the DDL the other branch already ran (a column, index or constraint that
 * exists by then, as jOOQ's interpreter finds) dropped so the file applies cleanly; then the
 * state is rebuilt. It refuses when the recorded history itself was changed, or when the clash
 * is between migrations the plugin did not write.
 */
public final class MigrationRepair {
  private MigrationRepair() {}

  /**
   * What the repair does, one line each (empty when refused), and the files it writes (name →
   * content; the state file last) and deletes. The caller's writer applies them.
   */
  public record Result(List<String> actions, boolean refused, Map<String, String> writes,
      List<String> deletes) {
    public Result {
      actions = List.copyOf(actions);
      writes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(writes));
      deletes = List.copyOf(deletes);
    }

    static Result refusal() {
      return new Result(List.of(), true, Map.of(), List.of());
    }
  }

  public static Result plan(GenerationContext context) throws IOException {
    Path dir = context.request().migrationsDirectory();
    MigrationFiles files = MigrationFiles.read(dir);
    MigrationState state = files.state().isPresent()
        ? MigrationState.read(files.state().get()) : MigrationState.empty();
    Set<String> recorded = state.versions().stream().map(Version::file)
        .collect(Collectors.toSet());
    List<MigrationHistory.Problem> unsafe = MigrationHistory.check(files, state).stream()
        .filter(p -> p.code() == Code.APPLIED_MIGRATION_CHANGED).toList();
    for (List<MigrationFile> group : files.duplicateVersions()) {
      if (group.stream().noneMatch(f -> f.generated() && !recorded.contains(f.name()))) {
        unsafe = new ArrayList<>(unsafe);
        unsafe.add(new MigrationHistory.Problem(Code.MIGRATION_HISTORY_DIVERGED,
            dir.resolve(group.get(0).name()).toString(), "cannot repair: "
                + group.stream().map(MigrationFile::name).collect(Collectors.joining(", "))
                + " share a version and none is a generated file outside the recorded history",
            "rename the migration you wrote to a free version, if no database applied it"));
      }
    }
    if (!unsafe.isEmpty()) {
      unsafe.forEach(p -> context.reportInFile(p.code(), p.file(), 1, p.message(), p.hint()));
      return Result.refusal();
    }
    List<MigrationFile> strays = files.files().stream()
        .filter(f -> f.generated() && !recorded.contains(f.name())).toList();
    if (strays.isEmpty()) {
      return new Result(List.of("nothing to repair: every generated migration is recorded and"
          + " no two share a version"), false, Map.of(), List.of());
    }
    List<MigrationFile> base = new ArrayList<>(files.files());
    base.removeAll(strays);
    MigrationInterpreter interpreter = new MigrationInterpreter();
    Meta meta = interpreter.interpret(files, base).meta();
    BigInteger next = new MigrationFiles(dir, base, files.state())
        .nextVersion(BigInteger.valueOf(state.nextVersion()));
    List<String> actions = new ArrayList<>();
    List<Version> versions = new ArrayList<>(state.versions());
    Map<String, String> writes = new LinkedHashMap<>();
    List<String> deletes = new ArrayList<>();
    for (MigrationFile stray : strays) {
      List<String> kept = new ArrayList<>();
      for (Statement s : SqlScript.split(files.text(stray))) {
        Outcome o = interpreter.apply(meta, s);
        if (o.alreadyExists()) {
          actions.add("drop " + stray.name() + ":" + s.line() + " (" + summary(s.sql())
              + "): the recorded history already does it (" + o.problem() + ")");
        } else {
          kept.add(s.sql());
          meta = o.meta();
        }
      }
      if (kept.isEmpty()) {
        actions.add("delete " + stray.name() + ": the recorded history already does all of it");
        deletes.add(stray.name());
        continue;
      }
      String name = "V" + next + "__" + description(stray.name());
      String text = header(files.text(stray), next, stray.name()) + String.join(";\n\n", kept)
          + ";\n";
      if (!name.equals(stray.name())) {
        actions.add("renumber " + stray.name() + " to " + name);
        deletes.add(stray.name());
      } else if (kept.size() < SqlScript.split(files.text(stray)).size()) {
        actions.add("rewrite " + name + " without the statements above");
      }
      actions.add("record " + name + " in " + MigrationState.FILE);
      writes.put(name, text);
      versions.add(new Version(next.longValueExact(), name, MigrationState.sha256(text)));
      next = next.add(BigInteger.ONE);
    }
    SchemaState recordedSchema = state.schema() == null ? SchemaState.empty() : state.schema();
    SchemaState rebuilt = SchemaOverlay.overlay(recordedSchema, meta,
        SchemaState.of(context.spec(), context.naming(),
        context.request().timestamps()));
    actions.add("rebuild " + MigrationState.FILE + " (" + versions.size() + " versions)");
    actions.add("safe only if no shared database applied the renumbered files yet; one that"
        + " did must be repaired by hand (flyway repair)");
    writes.put(MigrationState.FILE, new MigrationState(versions, rebuilt).toJson());
    return new Result(actions, false, writes, deletes);
  }

  /** The file's own header with its version line renumbered and the repair noted. */
  private static String header(String text, BigInteger version, String from) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith("--")) {
        break;
      }
      out.append(line.replaceFirst("^-- V[0-9._]+:", "-- V" + version + ":")).append('\n');
    }
    return out.append("-- Renumbered from ").append(from)
        .append(" by auth-spec:repair-migrations after a merge.\n\n").toString();
  }

  private static String description(String fileName) {
    return fileName.substring(fileName.indexOf("__") + 2);
  }

  private static String summary(String sql) {
    String one = sql.replaceAll("\\s+", " ");
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
