package io.github.authspec.plugin.naming;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names the generated code uses itself. Emitters write these constants, and {@link Naming}
 * reserves them before it derives any name from the spec, so a spec name can never take one.
 */
public final class Reserved {
  /** Methods of {@code java.lang.Object}: a record component or method must not redeclare one. */
  public static final Set<String> OBJECT_METHODS = Set.of("wait", "notify", "notifyAll",
      "hashCode", "equals", "toString", "getClass", "clone", "finalize");

  /** java.lang types a generated class must not shadow in its package. */
  public static final Set<String> JAVA_LANG = Set.of(
      "Boolean", "Byte", "Character", "Class", "ClassLoader", "Compiler", "Deprecated", "Double",
      "Enum", "Error", "Exception", "Float", "FunctionalInterface", "Integer", "Iterable", "Long",
      "Math", "Module", "Number", "Object", "Override", "Package", "Process", "Record", "Runnable",
      "Runtime", "SafeVarargs", "Short", "StrictMath", "String", "StringBuilder", "System",
      "Thread", "ThreadLocal", "Throwable", "Void");

  // ---- entity records
  public static final String TABLE = "TABLE";
  public static final String COLUMNS_CLASS = "Columns";
  public static final String BUILDER_CLASS = "Builder";
  public static final String BUILDER = "builder";
  public static final String TO_BUILDER = "toBuilder";
  public static final String BUILD = "build";
  public static final String SETTER_PARAMETER = "value";

  // ---- repositories: parameters and locals every operation uses
  public static final String CONNECTION = "connection";
  public static final String LAMBDA_CONNECTION = "c";
  public static final String DATA_SOURCE = "dataSource";
  public static final String RESULT_SET = "rs";
  public static final String ROW = "row";
  public static final String ROWS = "rows";
  public static final String ID = "id";
  public static final String LIMIT = "limit";
  public static final String OFFSET = "offset";
  public static final String REPOSITORY_SUFFIX = "Repository";
  public static final Set<String> REPOSITORY_METHODS = Set.of("insert", "insertAll",
      "findById", "existsById", "update", "deleteById", "count", "findAll", "insertStatement",
      "map");

  // ---- Redis key records
  public static final String KEY_METHOD = "key";
  public static final String SPEC_METHOD = "spec";
  public static final String PARSE_METHOD = "parse";
  public static final String KEY_PARAMETER = "key";

  // ---- clients
  public static final String REQUEST = "request";
  public static final String RESPONSE_TYPE = "responseType";
  public static final String HTTP = "http";

  /** Members of an entity record: its component names may not be any of these. */
  static final Set<String> ENTITY_MEMBERS = union(OBJECT_METHODS, Set.of(BUILDER, TO_BUILDER,
      BUILD, CONNECTION, LAMBDA_CONNECTION, DATA_SOURCE, RESULT_SET, ROW, ROWS, LIMIT, OFFSET,
      "ps"));
  /** Members of a key record. */
  static final Set<String> KEY_MEMBERS = union(OBJECT_METHODS, Set.of(KEY_METHOD, SPEC_METHOD,
      PARSE_METHOD));
  /** Methods of a repository, its finders' scope. */
  static final Set<String> REPOSITORY_MEMBERS = union(REPOSITORY_METHODS, OBJECT_METHODS);
  /** Parameters and methods of a client. */
  static final Set<String> CLIENT_PARAMETERS = Set.of(REQUEST, RESPONSE_TYPE, HTTP);

  private Reserved() {}

  static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
