package io.github.authspec.model;

import java.util.List;

/**
 * A parsed Redis key pattern such as {@code acl:{userId}:{resource}}: literal text and
 * placeholders, in order. Placeholders are Java-identifier-like names; literals never contain
 * braces.
 */
public record KeyPattern(String text, List<Segment> segments) {
  public KeyPattern {
    segments = List.copyOf(segments);
  }

  /** One piece of a pattern. */
  public sealed interface Segment permits Literal, Placeholder {}

  /** Fixed text, e.g. {@code acl:}. */
  public record Literal(String text) implements Segment {}

  /** A value supplied at run time, e.g. {@code userId}. */
  public record Placeholder(String name) implements Segment {}

  public List<Placeholder> placeholders() {
    return segments.stream()
        .filter(Placeholder.class::isInstance)
        .map(Placeholder.class::cast)
        .toList();
  }

  /** The literal words of the pattern, split at ':' and '_' ({@code rate_limit:user:{id}} → rate, limit, user). */
  public List<String> literalWords() {
    return segments.stream()
        .filter(Literal.class::isInstance)
        .map(s -> ((Literal) s).text())
        .flatMap(t -> java.util.Arrays.stream(t.split("[^A-Za-z0-9]+")))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  @Override
  public String toString() {
    return text;
  }
}
