package io.github.authspec.model;

import java.util.Optional;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;

/**
 * Parses check constraints with jOOQ's SQL parser. Kept apart so jOOQ is loaded only for specs
 * that declare a check.
 */
final class SqlConditions {
  static {
    // jOOQ prints a banner and tips through the build log unless told not to.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private SqlConditions() {}

  /** Empty when {@code text} is exactly one SQL condition; else what is wrong with it. */
  static Optional<String> problem(String text) {
    try {
      Settings settings = new Settings().withParseUnknownFunctions(ParseUnknownFunctions.IGNORE);
      DSL.using(SQLDialect.POSTGRES, settings).parser().parseCondition(text);
      return Optional.empty();
    } catch (ParserException e) {
      return Optional.of(e.getMessage().replaceAll("\\s+", " ").trim());
    }
  }
}
