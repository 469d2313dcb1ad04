package io.github.authspec.plugin.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway migration version as Flyway compares it: {@code V2}, {@code V2_1}, {@code V2.1} and
 * {@code V20261201} are dotted numbers ({@code _} reads as {@code .}), compared part by part,
 * missing parts counting as zero (so {@code 2} and {@code 2.0} are one version).
 */
record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

  FlywayVersion {
    parts = List.copyOf(parts);
  }

  /** The version of a versioned migration file name; empty for R__, U and other files. */
  static Optional<FlywayVersion> ofFileName(String fileName) {
    Matcher m = VERSIONED.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String p : m.group(1).split("[._]")) {
      parts.add(new BigInteger(p));
    }
    return Optional.of(new FlywayVersion(m.group(1).replace('_', '.'), parts));
  }

  /** The first part: generated versions are whole numbers above every existing one. */
  BigInteger major() {
    return parts.get(0);
  }

  @Override
  public int compareTo(FlywayVersion other) {
    for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  boolean sameAs(FlywayVersion other) {
    return compareTo(other) == 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
