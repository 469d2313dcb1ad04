package io.github.authspec.plugin.impl;

import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Writes the implementation of one feature over its bound roles. */
interface Writer {
  /** The feature id this writer implements. */
  String feature();

  /** The support classes of area {@code auth} the implementation uses. */
  List<String> support();

  /** The implementation class; {@code target} names it and its interface. */
  TypeSpec write(Binding binding, Target target);
}
