package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Writes the implementation of one feature over its bound roles. */
abstract class Writer {
  private final String feature;
  private final List<String> support;

  /**
   * A writer.
   *
   * @param feature the feature id it implements
   * @param support the support classes of area {@code auth} the implementation uses
   */
  Writer(String feature, String... support) {
    this.feature = feature;
    this.support = List.of(support);
  }

  final String feature() {
    return feature;
  }

  final List<String> support() {
    return support;
  }

  /** Whether the implementation uses the support area {@code token}. */
  boolean tokenArea() {
    return this instanceof TokenWriters.Base;
  }

  /**
   * {@code new <owner>.Table("table", "column", ...)} over the bound columns: see
   * {@link #columns}.
   */
  static CodeBlock table(ClassName owner, Binding b, String tableRole, String... roles) {
    return CodeBlock.of("new $T.Table($L)", owner, columns(b, tableRole, roles));
  }

  /**
   * The table of {@code tableRole}, then the column of each role, as string literals; a role
   * ending in {@code ?} is optional and gives {@code null} when unbound.
   */
  static CodeBlock columns(Binding b, String tableRole, String... roles) {
    CodeBlock.Builder args = CodeBlock.builder().add("$S", b.table(tableRole).name());
    for (String role : roles) {
      if (role.endsWith("?")) {
        String name = role.substring(0, role.length() - 1);
        args.add(",$W$L", b.optional(name).map(c -> CodeBlock.of("$S", c.name()))
            .orElse(CodeBlock.of("null")));
      } else {
        args.add(",$W$S", b.column(role).name());
      }
    }
    return args.build();
  }

  /** The implementation class; {@code target} names it and its interface. */
  abstract TypeSpec write(Binding binding, Target target);
}
