package io.github.authspec.plugin.naming;

import io.github.authspec.model.Identifiers;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import java.util.HashSet;
import java.util.Set;

/**
 * Java identifier rules and the allocation of a name in a scope, reporting a rename (AS100) or
 * a name no legal identifier can be made from (AS103): the one policy every kind of generated
 * name follows.
 */
final class Allocator {
  private final Reporter reporter;

  Allocator(Reporter reporter) {
    this.reporter = reporter;
  }

  Reporter reporter() {
    return reporter;
  }

  /** The class names a package of {@code area} (every area when null) reserves up front. */
  static Set<String> classNamesReserved(String area) {
    Set<String> reserved = new HashSet<>(Reserved.JAVA_LANG);
    reserved.add(io.github.authspec.plugin.generation.Provenance.GENERATED.simpleName());
    for (SupportType t : SupportType.values()) {
      if (area == null || t.area().equals(area)) {
        reserved.add(t.simpleName());
      }
    }
    return reserved;
  }

  /**
   * Allocates {@code natural} in {@code scope}, reporting a rename; an illegal name is an error
   * and returns null.
   */
  String allocate(NameAllocator scope, String natural, Object tag, String pointer,
      String what) {
    if (!isLegal(natural)) {
      reporter.report(Code.NO_JAVA_NAME, pointer, what + " gives no legal Java name ('"
          + natural + "'): it has no letter or digit to build one from",
          "rename it so that it contains a letter");
      return null;
    }
    String name = scope.allocate(natural, tag);
    if (!name.equals(natural)) {
      reporter.report(Code.NAME_CLASH, pointer, what + ": Java name '" + natural + "' "
              + (scope.isReserved(natural) ? "is used by the generated code itself"
                  : "is taken by another name of the spec") + "; using '" + name + "'",
          "rename it in the spec to choose another name");
    }
    return name;
  }

  /** A Java identifier that is no keyword (contextual ones included) and not {@code _}. */
  static boolean isLegal(String name) {
    return name != null && !name.isEmpty() && !name.chars().allMatch(ch -> ch == '_')
        && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart)
        && !Identifiers.isJavaKeyword(name);
  }

  static boolean javaTypeName(String name) {
    return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart)
        && !Identifiers.isJavaKeyword(name);
  }
}
