package io.github.authspec.support.auth;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grant conditions in CEL (the Common Expression Language: side-effect free, terminating, no
 * reflection or I/O), over one variable {@code request}, a map of the request's attributes
 * ({@code request.ip == "203.0.113.7" && request.department == "sales"}). An expression must
 * parse and type-check as a boolean to be written; one that fails to evaluate (a missing
 * attribute, a wrong type) or does not give a boolean is a failure, which the decision treats
 * as deny. Compiled programs are kept, up to {@link #MAX_PROGRAMS}.
 */
public final class CelConditions implements Authorization.Conditions {
  /** The most compiled expressions kept; beyond it the cache starts over. */
  public static final int MAX_PROGRAMS = 1024;

  private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .setResultType(SimpleType.BOOL).build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  @Override
  public void check(String expression) {
    program(expression);
  }

  @Override
  public boolean test(String expression, Map<String, ?> attributes) {
    Object result;
    try {
      result = program(expression).eval(Map.of("request", Map.copyOf(Objects.requireNonNull(
          attributes, "attributes"))));
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("the condition failed to evaluate", e);
    }
    if (!(result instanceof Boolean b)) {
      throw new IllegalStateException("the condition did not give a boolean");
    }
    return b;
  }

  private CelRuntime.Program program(String expression) {
    CelRuntime.Program p = programs.get(expression);
    if (p != null) {
      return p;
    }
    try {
      p = runtime.createProgram(compiler.compile(expression).getAst());
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("not a boolean CEL condition over request: "
          + e.getMessage(), e);
    } catch (CelEvaluationException e) {
      throw new IllegalArgumentException("not a CEL program: " + e.getMessage(), e);
    }
    if (programs.size() >= MAX_PROGRAMS) {
      programs.clear();
    }
    programs.put(expression, p);
    return p;
  }

  @Override
  public String toString() {
    return "CelConditions";
  }
}
