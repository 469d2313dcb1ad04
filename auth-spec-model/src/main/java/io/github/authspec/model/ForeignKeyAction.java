package io.github.authspec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An {@code onDelete}/{@code onUpdate} referential action. */
public enum ForeignKeyAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ForeignKeyAction(String sql) {
    this.sql = sql;
  }

  /** The action as SQL spells it, e.g. {@code SET NULL}. */
  public String sql() {
    return sql;
  }

  /** Accepts {@code SET NULL}, {@code set_null} and {@code Set-Null} alike. */
  public static Optional<ForeignKeyAction> parse(String text) {
    String normal = text.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ')
        .replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(a -> a.sql.equals(normal)).findFirst();
  }
}
