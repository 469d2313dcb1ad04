package io.github.authspec.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ParserException;

/**
 * Checks that a check constraint is exactly one SQL condition over its own table's columns.
 * jOOQ's parser rejects anything after the condition ({@code "); DROP TABLE ..."}); comments are
 * refused before parsing because the text is embedded in {@code CHECK (...)}, where a line comment
 * would swallow the closing parenthesis. Kept apart so jOOQ is loaded only for specs that declare
 * a check.
 */
final class SqlConditions {
  static {
    // jOOQ prints a banner and a "tip of the day" on first use; in a build log that is noise.
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
  }

  private SqlConditions() {}

  /**
   * Empty when {@code text} is one SQL condition that references only {@code columns}, of
   * {@code table} (qualified or not), and no subquery; else what is wrong with it.
   */
  static Optional<String> problem(String text, String table, Collection<String> columns) {
    Optional<String> lexical = lexicalProblem(text);
    if (lexical.isPresent()) {
      return lexical;
    }
    Condition condition;
    try {
      Settings settings = new Settings().withParseUnknownFunctions(ParseUnknownFunctions.IGNORE);
      condition = DSL.using(SQLDialect.POSTGRES, settings).parser().parseCondition(text);
    } catch (ParserException e) {
      return Optional.of(e.getMessage().replaceAll("\\s+", " ").trim());
    }
    References refs = references(condition);
    if (refs.subquery) {
      return Optional.of("a check cannot contain a subquery (PostgreSQL rejects it)");
    }
    for (Field<?> f : refs.fields) {
      String[] parts = f.getQualifiedName().getName();
      String column = parts[parts.length - 1];
      if (parts.length > 2 || parts.length == 2 && !parts[0].equals(table)) {
        return Optional.of("'" + f.getQualifiedName() + "' is not a column of table '" + table
            + "'");
      }
      if (!columns.contains(column)) {
        return Optional.of("it references column '" + column + "', which table '" + table
            + "' does not have; " + Suggest.hint(column, columns));
      }
    }
    return Optional.empty();
  }

  /** Comments and statement separators outside string literals and quoted names. */
  private static Optional<String> lexicalProblem(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
        return Optional.of("comments are not allowed in a check (offset " + i + ")");
      } else if (c == ';') {
        return Optional.of("';' ends a statement; a check is one condition (offset " + i + ")");
      }
    }
    return Optional.empty();
  }

  private static final class References {
    final List<Field<?>> fields = new ArrayList<>();
    boolean subquery;
  }

  /** The column references and subqueries in a parsed condition, found while rendering it. */
  private static References references(Condition condition) {
    References refs = new References();
    VisitListener listener = new VisitListener() {
      @Override
      public void visitStart(VisitContext context) {
        QueryPart part = context.queryPart();
        if (part instanceof TableField<?, ?> field) {
          refs.fields.add(field);
        } else if (part instanceof Select<?>) {
          refs.subquery = true;
        }
      }
    };
    DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES).set(listener)).render(condition);
    return refs;
  }
}
