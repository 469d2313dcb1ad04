package io.github.authspec.model.raw;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authspec.model.Suggest;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.json.JsonTypes;
import io.github.authspec.model.json.SourceMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the members of one JSON object with type checks. Every member read is remembered, so
 * {@link #finish()} can report the ones the format does not define.
 */
final class Obj {
  private final JsonNode node;
  private final String pointer;
  private final Reporter reporter;
  private final Set<String> known = new LinkedHashSet<>();

  Obj(JsonNode node, String pointer, Reporter reporter) {
    this.node = node;
    this.pointer = pointer;
    this.reporter = reporter;
  }

  String pointer() {
    return pointer;
  }

  String pointer(String member) {
    return pointer + "/" + SourceMap.escape(member);
  }

  /** The member's node, or null when absent; JSON null counts as absent. */
  JsonNode raw(String member) {
    known.add(member);
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value;
  }

  String string(String member) {
    JsonNode v = raw(member);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      wrongType(member, v, "a string");
      return null;
    }
    return v.textValue();
  }

  Boolean bool(String member) {
    JsonNode v = raw(member);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      wrongType(member, v, "true or false");
      return null;
    }
    return v.booleanValue();
  }

  BigDecimal number(String member) {
    JsonNode v = raw(member);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      wrongType(member, v, "a number");
      return null;
    }
    return v.decimalValue();
  }

  Obj object(String member) {
    JsonNode v = raw(member);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      wrongType(member, v, "an object");
      return null;
    }
    return new Obj(v, pointer(member), reporter);
  }

  /** Each element of an array member, read by {@code element(node, pointer)}; absent → empty. */
  <T> List<T> array(String member, BiFunction<JsonNode, String, T> element) {
    return array(member, element, false);
  }

  /**
   * {@link #array} with the elements bound in parallel, in order: for large arrays of
   * independent elements (tables). {@code element} must be thread-safe; the reporter is.
   */
  <T> List<T> arrayInParallel(String member, BiFunction<JsonNode, String, T> element) {
    return array(member, element, true);
  }

  private <T> List<T> array(String member, BiFunction<JsonNode, String, T> element,
      boolean parallel) {
    JsonNode v = raw(member);
    if (v == null) {
      return new ArrayList<>();
    }
    if (!v.isArray()) {
      wrongType(member, v, "an array");
      return new ArrayList<>();
    }
    String prefix = pointer(member) + "/";
    if (parallel) {
      return IntStream.range(0, v.size()).parallel()
          .mapToObj(i -> element.apply(v.get(i), prefix + i))
          .filter(Objects::nonNull)
          .collect(Collectors.toCollection(ArrayList::new));
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      T t = element.apply(v.get(i), prefix + i);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Each member of this object, in JSON order, that {@link #finish()} should not flag. */
  <T> List<T> members(BiFunction<String, JsonNode, T> member) {
    List<T> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      known.add(e.getKey());
      T t = member.apply(e.getKey(), e.getValue());
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Reports members no reader asked for: the format does not define them. */
  void finish() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        reporter.report(Code.UNKNOWN_PROPERTY, pointer(name),
            "unknown property '" + name + "' is ignored",
            Suggest.closest(name, known).map(c -> "did you mean '" + c + "'? ").orElse("")
                + "known here: " + String.join(", ", known));
      }
    }
  }

  void wrongType(String member, JsonNode actual, String expected) {
    reporter.report(Code.WRONG_TYPE, pointer(member),
        "'" + member + "' must be " + expected + ", not " + JsonTypes.describe(actual),
        "");
  }
}
