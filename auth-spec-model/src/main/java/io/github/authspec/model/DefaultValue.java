package io.github.authspec.model;

/**
 * A column default that was checked against the column type. {@code value} is the literal as the
 * spec wrote it (booleans as {@code true}/{@code false}, numbers in plain notation); for the
 * {@code CURRENT_*} kinds it is the SQL function name.
 */
public record DefaultValue(Kind kind, String value) {

  public enum Kind { STRING, NUMBER, BOOLEAN, CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME }

  /** Whether this is a function evaluated by the database rather than a constant. */
  public boolean isFunction() {
    return kind == Kind.CURRENT_TIMESTAMP || kind == Kind.CURRENT_DATE
        || kind == Kind.CURRENT_TIME;
  }
}
