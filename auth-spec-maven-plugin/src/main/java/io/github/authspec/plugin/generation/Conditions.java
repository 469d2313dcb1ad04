package io.github.authspec.plugin.generation;

/**
 * How generated authorization evaluates the conditions of grants (a role permission's
 * {@code condition_expression}): opt-in, since evaluating them needs an expression library.
 */
public enum Conditions {
  /**
   * Not evaluated: a grant with a condition never allows, and a deny rule with one always
   * denies (fail closed).
   */
  NONE,
  /**
   * Evaluated as CEL (the Common Expression Language) over the request's attributes, through
   * the copied {@code CelConditions}; needs {@code dev.cel:cel}.
   */
  CEL
}
