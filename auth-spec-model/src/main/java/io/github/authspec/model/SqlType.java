package io.github.authspec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The column types a spec may declare. The spelling is the designer's. */
public enum SqlType {
  SMALLINT(Family.INTEGER),
  INT(Family.INTEGER),
  BIGINT(Family.INTEGER),
  DECIMAL(Family.DECIMAL),
  BOOLEAN(Family.BOOLEAN),
  VARCHAR(Family.TEXT),
  TEXT(Family.TEXT),
  DATE(Family.TEMPORAL),
  TIME(Family.TEMPORAL),
  TIMESTAMP(Family.TEMPORAL),
  UUID(Family.UUID);

  /** What kind of values a type holds; decides which defaults and attributes fit it. */
  public enum Family { INTEGER, DECIMAL, BOOLEAN, TEXT, TEMPORAL, UUID }

  private final Family family;

  SqlType(Family family) {
    this.family = family;
  }

  public Family family() {
    return family;
  }

  /** Case-insensitive lookup of a designer type name. */
  public static Optional<SqlType> parse(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.name().equals(upper)).findFirst();
  }
}
