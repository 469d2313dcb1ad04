package io.github.authspec.plugin.naming;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Unique names within one Java scope (a package's classes, a class's members, a method's
 * parameters), modelled on Square's {@code NameAllocator}: names the generated code needs are
 * reserved first; a derived name that is taken gets a trailing {@code _} until it is free.
 * Allocation order is the spec's order, so the outcome is deterministic.
 */
public final class NameAllocator {
  private final Set<String> reserved;
  private final Set<String> taken = new HashSet<>();
  private final Map<Object, String> byTag = new HashMap<>();

  /** An allocator with {@code reserved} already taken. */
  public NameAllocator(Collection<String> reserved) {
    this.reserved = Set.copyOf(reserved);
    taken.addAll(reserved);
  }

  /** Whether the generated code itself uses {@code name} in this scope. */
  public boolean isReserved(String name) {
    return reserved.contains(name);
  }

  public boolean isTaken(String name) {
    return taken.contains(name);
  }

  /** {@code suggestion}, or it with {@code _} appended until it is free; remembered by tag. */
  public String allocate(String suggestion, Object tag) {
    String name = suggestion;
    while (!taken.add(name)) {
      name = name + "_";
    }
    if (byTag.putIfAbsent(tag, name) != null) {
      throw new IllegalStateException("tag allocated twice: " + tag);
    }
    return name;
  }

  /** The name allocated for {@code tag}. */
  public String get(Object tag) {
    String name = byTag.get(tag);
    if (name == null) {
      throw new IllegalArgumentException("no name allocated for " + tag);
    }
    return name;
  }
}
