package io.github.authspec.model.diagnostics;

import java.util.Comparator;

/** A 1-based line and column in the spec file; {@link #UNKNOWN} sorts first. */
public record Position(int line, int column) implements Comparable<Position> {
  public static final Position UNKNOWN = new Position(0, 0);

  private static final Comparator<Position> ORDER =
      Comparator.comparingInt(Position::line).thenComparingInt(Position::column);

  @Override
  public int compareTo(Position other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
