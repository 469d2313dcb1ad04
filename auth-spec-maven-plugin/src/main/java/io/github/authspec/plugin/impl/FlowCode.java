package io.github.authspec.plugin.impl;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The code of {@code LoginFlows.of} as its writers build it: the factory's parameters (each
 * once, documented), the statements, and the steps composed, in order, for the class's Javadoc.
 */
final class FlowCode {
  final Map<String, Binding> bound;
  final Target t;
  final MethodSpec.Builder of;
  final CodeBlock.Builder body = CodeBlock.builder();
  final List<String> steps = new ArrayList<>();
  private final StringBuilder doc = new StringBuilder();
  private final Set<String> names = new HashSet<>();

  FlowCode(Map<String, Binding> bound, Target t, MethodSpec.Builder of) {
    this.bound = bound;
    this.t = t;
    this.of = of;
  }

  /** The binding of a selected and bound feature. */
  Optional<Binding> bound(String feature) {
    return Optional.ofNullable(bound.get(feature));
  }

  /** Adds a parameter of {@code of}, once. */
  void param(Object type, String name, String doc) {
    if (!names.add(name)) {
      return;
    }
    TypeName typeName = type instanceof TypeName n ? n : TypeName.get((Class<?>) type);
    of.addParameter(typeName, name);
    this.doc.append("@param ").append(name).append(' ').append(doc).append('\n');
  }

  /** The parameter {@code redis}, shared by the limits, the counters and the challenges. */
  void redis() {
    param(t.support("RedisScripts"), "redis", "holds the limits, counters and challenges");
  }

  /** The parameters' Javadoc. */
  String doc() {
    return doc.toString();
  }
}
