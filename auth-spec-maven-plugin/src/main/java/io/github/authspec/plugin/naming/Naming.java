package io.github.authspec.plugin.naming;

import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Identifiers;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that names generated things: packages, classes, members, and SQL constraints and
 * indexes. Emitters ask it and never concatenate names themselves. Class names that would clash
 * (two tables, two key patterns, a {@code java.lang} type) are resolved here, once per run, and
 * reported.
 */
public final class Naming {
  /** java.lang types a generated class must not shadow in its package. */
  private static final Set<String> JAVA_LANG = Set.of(
      "Boolean", "Byte", "Character", "Class", "ClassLoader", "Compiler", "Deprecated", "Double",
      "Enum", "Error", "Exception", "Float", "FunctionalInterface", "Integer", "Iterable", "Long",
      "Math", "Module", "Number", "Object", "Override", "Package", "Process", "Record", "Runnable",
      "Runtime", "SafeVarargs", "Short", "StrictMath", "String", "StringBuilder", "System",
      "Thread", "ThreadLocal", "Throwable", "Void");
  private static final int MAX_SQL_NAME_BYTES = Identifiers.MAX_SQL_NAME_BYTES;

  private final String basePackage;
  private final Map<String, String> entityNames = new HashMap<>();
  private final Map<String, String> keyClassNames = new HashMap<>();

  public Naming(Spec spec, GenerationRequest request, Reporter reporter) {
    this.basePackage = request.packageName().orElse(spec.project().packageName());
    allocateEntityNames(spec, request.entityNames(), reporter);
    allocateKeyNames(spec, reporter);
  }

  // ---- packages

  public String basePackage() {
    return basePackage;
  }

  public String entityPackage() {
    return basePackage + ".entity";
  }

  public String repositoryPackage() {
    return basePackage + ".repository";
  }

  public String cachePackage() {
    return basePackage + ".cache";
  }

  /** Shared request/result types of the service layer. */
  public String servicePackage() {
    return basePackage + ".service";
  }

  /** {@code authentication} → {@code <base>.service.authentication}. */
  public String servicePackage(String group) {
    return group.isEmpty() ? servicePackage()
        : servicePackage() + "." + Words.packageSegment(group);
  }

  /**
   * The package a support area's classes are copied to ({@code cache}, {@code repository},
   * {@code client}, ...): the subpackage of the base package with the area's name.
   */
  public String supportPackage(String area) {
    return basePackage + "." + area;
  }

  public String clientPackage() {
    return basePackage + ".client";
  }

  // ---- classes

  /** {@code password_history} → {@code PasswordHistory}, unless overridden or clashing. */
  public String entityName(Table table) {
    return entityNames.get(table.name());
  }

  public String repositoryName(Table table) {
    return entityName(table) + "Repository";
  }

  /** {@code acl:{userId}:{resource}} → {@code AclKey}. */
  public String keyClassName(RedisKey key) {
    return keyClassNames.get(key.pattern().text());
  }

  /** {@code totp} → {@code TotpService}. */
  public String serviceName(Feature feature) {
    return serviceName(feature.id());
  }

  public String serviceName(String featureId) {
    return Words.upperCamel(featureId) + "Service";
  }

  /** {@code totp} → {@code DefaultTotpService}: the generated implementation of a service. */
  public String implementationName(Feature feature) {
    return "Default" + serviceName(feature);
  }

  /** {@code notifications-service} → {@code NotificationsClient}. */
  public String clientName(ExternalService service) {
    String id = service.id().replaceAll("-service$", "");
    return Words.upperCamel(id) + "Client";
  }

  /** {@code HttpNotificationsClient}: the JDK HttpClient implementation of a client. */
  public String clientImplementationName(ExternalService service) {
    return "Http" + clientName(service);
  }

  /**
   * The client method of an endpoint: the lower-camel last literal segment of its path
   * ({@code POST /notifications-service/send-sms} → {@code sendSms}); when two endpoints of a
   * service share it, the whole path's words.
   */
  public String clientMethodName(ExternalService service, ExternalService.Endpoint endpoint) {
    String mine = lastSegment(endpoint.path().orElseThrow());
    long same = service.endpoints().stream().filter(e -> e.path().isPresent())
        .filter(e -> lastSegment(e.path().get()).equals(mine)).count();
    return memberName(same > 1 ? endpoint.method().orElseThrow().toLowerCase(java.util.Locale.ROOT)
        + "_" + endpoint.path().get() : mine);
  }

  private static String lastSegment(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && !parts[i].startsWith("{")) {
        return parts[i];
      }
    }
    return "root";
  }

  /** A class name for any text, e.g. a local cache name. */
  public String typeName(String text) {
    return Words.upperCamel(text);
  }

  // ---- members

  /** Field, record component, parameter or method name: {@code created_at} → {@code createdAt}. */
  public String memberName(String text) {
    return Words.lowerCamel(text);
  }

  public String memberName(Column column) {
    return memberName(column.name());
  }

  /** {@code created_at} → {@code CREATED_AT}. */
  public String constantName(String text) {
    return Words.constant(text);
  }

  // ---- SQL

  /**
   * A table or column name as generated SQL writes it: always double-quoted, so reserved words
   * work. Spec names are {@code [a-z_][a-z0-9_]*}, so quoting never needs escaping.
   */
  public String sqlIdentifier(String name) {
    return "\"" + name + "\"";
  }

  public String primaryKeyName(Table table) {
    return sqlName("pk", table.name());
  }

  public String uniqueName(Column column) {
    return sqlName("uq", column.table().name(), column.name());
  }

  public String foreignKeyName(Column column) {
    return sqlName("fk", column.table().name(), column.name());
  }

  public String indexName(Column column) {
    return sqlName("ix", column.table().name(), column.name());
  }

  public String checkName(Column column) {
    return sqlName("ck", column.table().name(), column.name());
  }

  /**
   * {@code prefix_part_part}; past PostgreSQL's 63-byte limit the name is cut and ends in 8 hex
   * digits of its SHA-256, so it stays deterministic and distinct.
   */
  public static String sqlName(String prefix, String... parts) {
    String full = prefix + "_" + String.join("_", parts);
    byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_SQL_NAME_BYTES) {
      return full;
    }
    String hash = HexFormat.of().formatHex(sha256(full)).substring(0, 8);
    return full.substring(0, MAX_SQL_NAME_BYTES - 9) + "_" + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  // ---- allocation

  private void allocateEntityNames(Spec spec, Map<String, String> overrides, Reporter reporter) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (String table : overrides.keySet()) {
      if (spec.database().table(table).isEmpty()) {
        reporter.report(Code.INVALID_CONFIGURATION, "",
            "entityNames names table '" + table + "', which the spec does not define",
            "remove it from <entityNames> or fix the table name");
      }
    }
    for (Table table : spec.database().tables()) {
      String override = overrides.get(table.name());
      String name;
      if (override != null) {
        if (!javaTypeName(override)) {
          reporter.report(Code.INVALID_CONFIGURATION, table.pointer(),
              "entityNames maps '" + table.name() + "' to '" + override
                  + "', which is not a Java class name", "use e.g. Account");
          continue;
        }
        name = override;
      } else {
        name = Words.upperCamel(Words.singularSnake(table.name()));
        if (JAVA_LANG.contains(name) || owners.containsKey(name)) {
          String alternative = JAVA_LANG.contains(name) ? name + "Entity"
              : Words.upperCamel(table.name());
          reporter.report(Code.NAME_CLASH, table.pointer(),
              "entity name '" + name + "' for table '" + table.name() + "' "
                  + (JAVA_LANG.contains(name) ? "would shadow java.lang." + name
                      : "is taken by table '" + owners.get(name) + "'")
                  + "; using '" + alternative + "'",
              "set <entityNames><" + table.name() + ">YourName</" + table.name()
                  + "></entityNames> to choose");
          name = alternative;
        }
      }
      if (owners.containsKey(name)) {
        reporter.report(Code.NAME_CONFLICT, table.pointer(),
            "entity name '" + name + "' of table '" + table.name() + "' is also the name for "
                + "table '" + owners.get(name) + "'",
            "set <entityNames> for one of them");
        continue;
      }
      owners.put(name, table.name());
      entityNames.put(table.name(), name);
    }
  }

  private void allocateKeyNames(Spec spec, Reporter reporter) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (RedisKey key : spec.cache().redisKeys()) {
      String base = Words.upperCamel(String.join("_", key.pattern().literalWords()));
      String name = base + "Key";
      if (owners.containsKey(name) || JAVA_LANG.contains(name)) {
        StringBuilder by = new StringBuilder(base).append("By");
        key.pattern().placeholders().forEach(p -> by.append(Words.upperCamel(p.name())));
        String alternative = by + "Key";
        reporter.report(Code.NAME_CLASH, key.pointer() + "/pattern",
            "key class name '" + name + "' for pattern '" + key.pattern() + "' is taken by '"
                + owners.get(name) + "'; using '" + alternative + "'", "");
        name = alternative;
      }
      if (owners.containsKey(name)) {
        reporter.report(Code.NAME_CONFLICT, key.pointer() + "/pattern",
            "key class name '" + name + "' of pattern '" + key.pattern()
                + "' is also the name for '" + owners.get(name) + "'",
            "make the literal parts of the two patterns differ");
        continue;
      }
      owners.put(name, key.pattern().text());
      keyClassNames.put(key.pattern().text(), name);
    }
  }

  private static boolean javaTypeName(String name) {
    return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart)
        && !Identifiers.isJavaKeyword(name);
  }
}
