package io.github.authspec.plugin.sql;

import io.github.authspec.plugin.sql.MigrationFiles.MigrationFile;
import io.github.authspec.plugin.sql.SqlScript.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Queries;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.exception.DataDefinitionException;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;

/**
 * Replays migration files through jOOQ's DDL interpreter ({@link Meta#apply}), one statement at
 * a time and in Flyway's order, into the schema they build. A statement jOOQ cannot parse or
 * interpret is skipped and reported at its file and line: its effect is then unknown to the
 * plugin. Data statements (INSERT, UPDATE, ...) leave the schema as it is.
 */
final class MigrationInterpreter {
  static {
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
  }

  private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES,
      new Settings().withParseUnknownFunctions(ParseUnknownFunctions.IGNORE));

  /** A statement the interpreter skipped: where it is and why. */
  record Skipped(String file, int line, String reason) {}

  /** The schema the files build, and what could not be read. */
  record Result(Meta meta, List<Skipped> skipped) {}

  /** The empty schema. */
  Meta empty() {
    return dsl.meta(new org.jooq.Query[0]);
  }

  Result interpret(MigrationFiles files) throws IOException {
    return interpret(files, files.files());
  }

  Result interpret(MigrationFiles files, List<MigrationFile> which) throws IOException {
    Meta meta = empty();
    List<Skipped> skipped = new ArrayList<>();
    for (MigrationFile f : which) {
      for (Statement s : SqlScript.split(files.text(f))) {
        Outcome o = apply(meta, s);
        meta = o.meta();
        if (o.problem() != null) {
          skipped.add(new Skipped(f.name(), o.line(), o.problem()));
        }
      }
    }
    return new Result(meta, skipped);
  }

  /** The result of one statement: the new schema, or the old one and why it was skipped. */
  record Outcome(Meta meta, int line, String problem, boolean alreadyExists) {}

  Outcome apply(Meta meta, Statement s) {
    Queries queries;
    try {
      queries = dsl.parser().parse(s.sql());
    } catch (ParserException e) {
      // jOOQ counts lines inside the statement, from 1.
      return new Outcome(meta, s.line() + Math.max(e.line(), 1) - 1,
          "jOOQ cannot parse this statement (" + firstLine(e.getMessage()) + ")", false);
    }
    try {
      return new Outcome(meta.apply(queries), s.line(), null, false);
    } catch (DataDefinitionException e) {
      String message = firstLine(e.getMessage());
      return new Outcome(meta, s.line(), "jOOQ cannot interpret this statement ("
          + message + ")", message.contains("already exists"));
    }
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int q = m.indexOf(". Query:");
    m = q > 0 ? m.substring(0, q) : m;
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
