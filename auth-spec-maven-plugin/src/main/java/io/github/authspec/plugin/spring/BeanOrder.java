package io.github.authspec.plugin.spring;

import com.palantir.javapoet.ClassName;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Spec;
import io.github.authspec.plugin.spring.ImplementationBeans.Bean;
import io.github.authspec.plugin.spring.ImplementationBeans.Parameter;
import io.github.authspec.plugin.spring.ImplementationBeans.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the implementation beans relate: which feature refines which, and the order they are
 * registered in so each sees the beans it waits for.
 */
final class BeanOrder {
  private BeanOrder() {}

  static Set<String> ancestors(Feature feature, Spec spec) {
    Set<String> out = new LinkedHashSet<>();
    for (Optional<String> p = feature.parentId(); p.isPresent() && out.add(p.get());
        p = spec.feature(p.get()).flatMap(Feature::parentId)) {
      // walks up the refinement chain
    }
    return out;
  }

  /**
   * Spec order, each bean after the generated beans it takes: a {@code @ConditionalOnBean}
   * sees only the bean definitions registered before it.
   */
  static List<Bean> ordered(List<Bean> beans) {
    Map<ClassName, Bean> byApi = new LinkedHashMap<>();
    beans.forEach(b -> byApi.put(b.api(), b));
    List<Bean> out = new ArrayList<>();
    Set<Bean> visiting = new HashSet<>();
    for (Bean b : beans) {
      visit(b, byApi, out, visiting);
    }
    return List.copyOf(out);
  }

  private static void visit(Bean b, Map<ClassName, Bean> byApi, List<Bean> out,
      Set<Bean> visiting) {
    if (out.contains(b) || !visiting.add(b)) {
      return;
    }
    for (Parameter p : b.parameters()) {
      Bean dependency = p.source() == Source.SERVICE ? byApi.get(p.type()) : null;
      if (dependency != null) {
        visit(dependency, byApi, out, visiting);
      }
    }
    out.add(b);
  }
}
