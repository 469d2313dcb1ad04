package io.github.authspec.plugin.impl;

import com.palantir.javapoet.CodeBlock;
import io.github.authspec.model.Feature;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.Conditions;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Library;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that applies option {@code conditions} to the authorization implementations:
 * with {@code CEL} their decision evaluates grant conditions through the copied
 * {@code CelConditions}, which needs CEL on the project's classpath; with {@code NONE} a
 * spec whose grants have conditions is warned that such grants never allow.
 */
final class GrantConditions {
  /** The support class that evaluates conditions, copied only with {@code CEL}. */
  static final String EVALUATOR = "CelConditions";
  /** The roles that hold a condition a decision would have to evaluate. */
  private static final List<String> ROLES = List.of("grantCondition", "grantConditions",
      "groupRoleConditions", "policyCondition");

  private GrantConditions() {}

  /**
   * With {@code NONE}, warns once about the first bound feature whose grants carry conditions:
   * they are kept, never evaluated, so such a grant never allows (and a deny rule denies).
   */
  static void warnUnevaluated(Map<Feature, Binding> bound, GenerationContext context) {
    if (context.request().conditions() != Conditions.NONE) {
      return;
    }
    bound.values().stream().flatMap(b -> ROLES.stream().map(b::optional)
            .flatMap(Optional::stream)).findFirst()
        .ifPresent(c -> context.report(Code.CONDITIONS_NOT_EVALUATED, c.pointer(),
            "column " + c.qualifiedName() + " holds grant conditions, which conditions=NONE"
                + " does not evaluate: a grant with one never allows, and a deny rule with one"
                + " always denies",
            "set <conditions>CEL</conditions> (authspec.conditions) and add dev.cel:cel to"
                + " evaluate them, or leave the column empty"));
  }

  /**
   * The evaluator among the support classes when the implementations use the decision and
   * {@code CEL} is chosen, and the check that the project has CEL.
   */
  static void addSupport(Set<String> support, GenerationContext context) {
    if (context.request().conditions() == Conditions.CEL && support.contains("Authorization")) {
      support.add(EVALUATOR);
      context.requireLibrary(Library.CEL, "", "conditions=CEL generates " + EVALUATOR);
    }
  }

  /**
   * {@code created}, evaluating conditions with the copied evaluator when {@code CEL} is chosen
   * and the support class takes one ({@code withConditions}).
   */
  static CodeBlock apply(CodeBlock created, Target t, Collection<String> methods) {
    return t.conditions() == Conditions.CEL && methods.contains("withConditions")
        ? CodeBlock.of("$L$W.withConditions(new $T())", created, t.support(EVALUATOR))
        : created;
  }
}
