package io.github.authspec.plugin.impl;

import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Naming;

/**
 * SQL text for the implementations' statements: every identifier quoted through
 * {@link Naming#sqlIdentifier}, every value a {@code ?} parameter. Statements are written with
 * {@code %s} slots for identifiers only, so no value can reach the text.
 */
final class Sql {
  private final Naming naming;

  Sql(Naming naming) {
    this.naming = naming;
  }

  /** {@code template} with each {@code %s} replaced by the quoted name of the next part. */
  String of(String template, Object... parts) {
    Object[] quoted = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] instanceof Column c) {
        quoted[i] = naming.sqlIdentifier(c.name());
      } else if (parts[i] instanceof Table t) {
        quoted[i] = naming.sqlIdentifier(t.name());
      } else {
        throw new IllegalArgumentException("not an identifier: " + parts[i]);
      }
    }
    return String.format(java.util.Locale.ROOT, template, quoted);
  }
}
