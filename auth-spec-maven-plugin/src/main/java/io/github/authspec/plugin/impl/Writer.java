package io.github.authspec.plugin.impl;

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

  /** The implementation class; {@code target} names it and its interface. */
  abstract TypeSpec write(Binding binding, Target target);
}
