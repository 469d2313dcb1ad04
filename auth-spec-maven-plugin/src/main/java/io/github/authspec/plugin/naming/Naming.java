package io.github.authspec.plugin.naming;

import com.palantir.javapoet.ClassName;
import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Identifiers;
import io.github.authspec.model.KeyPattern.Placeholder;
import io.github.authspec.model.LocalCache;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place that names generated things: packages, classes, members, parameters, and SQL
 * constraints and indexes. Emitters ask it and never concatenate names themselves.
 *
 * <p>All names are decided once, when the run starts, in the spec's order. Each Java scope (a
 * package's classes, an entity's components, a key's components, a client's methods and
 * parameters) is a {@link NameAllocator} that first reserves what the generated code itself
 * uses there ({@link Reserved}, {@link SupportType}, {@code java.lang}); a derived name that is
 * taken gets a deterministic alternative, reported as AS100 with the rename. A spec name from
 * which no legal Java name can be made is an error (AS103) at its location, before any
 * generator runs.
 */
public final class Naming {
  /** Path placeholders of external-service endpoints, {@code /users/{id}}. */
  public static final Pattern PATH_PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final int MAX_SQL_NAME_BYTES = Identifiers.MAX_SQL_NAME_BYTES;

  private final String basePackage;
  private final Reporter reporter;
  private final Map<String, String> entityNames = new HashMap<>();
  private final Map<String, String> keyClassNames = new HashMap<>();
  private final Map<String, String> members = new HashMap<>();
  private final Map<String, String> constants = new HashMap<>();
  private final Map<String, String> finders = new HashMap<>();
  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<String, String> localCaches = new HashMap<>();
  private final Map<String, String> services = new HashMap<>();
  private final Map<String, String> clients = new HashMap<>();
  private final Map<String, String> clientImplementations = new HashMap<>();
  private final Map<String, String> clientMethods = new HashMap<>();
  private final Map<String, List<String>> clientParameters = new HashMap<>();

  public Naming(Spec spec, GenerationRequest request, Reporter reporter) {
    this.basePackage = request.packageName().orElse(spec.project().packageName());
    this.reporter = reporter;
    allocateEntityNames(spec, request.entityNames());
    allocateColumns(spec);
    allocateKeyNames(spec);
    allocateLocalCaches(spec);
    allocateServices(spec);
    allocateClients(spec);
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
    String segment = Words.packageSegment(group);
    return segment.isEmpty() ? servicePackage() : servicePackage() + "." + segment;
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

  /** A fixed class of the output (support source, registry or shared record). */
  public ClassName support(SupportType type) {
    return ClassName.get(supportPackage(type.area()), type.simpleName());
  }

  /** {@code password_history} → {@code PasswordHistory}, unless overridden or clashing. */
  public String entityName(Table table) {
    return entityNames.get(table.name());
  }

  public String repositoryName(Table table) {
    return entityName(table) + Reserved.REPOSITORY_SUFFIX;
  }

  /** {@code acl:{userId}:{resource}} → {@code AclKey}. */
  public String keyClassName(RedisKey key) {
    return keyClassNames.get(key.pattern().text());
  }

  /** {@code totp} → {@code TotpService}. */
  public String serviceName(Feature feature) {
    return services.get(feature.id());
  }

  /** {@code totp} → {@code DefaultTotpService}: the generated implementation of a service. */
  public String implementationName(Feature feature) {
    return "Default" + serviceName(feature);
  }

  /** {@code notifications-service} → {@code NotificationsClient}. */
  public String clientName(ExternalService service) {
    return clients.get(service.id());
  }

  /** {@code HttpNotificationsClient}: the JDK HttpClient implementation of a client. */
  public String clientImplementationName(ExternalService service) {
    return clientImplementations.get(service.id());
  }

  /**
   * The client method of an endpoint: the lower-camel last literal segment of its path
   * ({@code POST /notifications-service/send-sms} → {@code sendSms}); when two endpoints of a
   * service share it, the whole path's words.
   */
  public String clientMethodName(ExternalService service, ExternalService.Endpoint endpoint) {
    return clientMethods.get(endpointTag(service, endpoint));
  }

  /** The parameters for the endpoint's path placeholders, in path order. */
  public List<String> clientParameterNames(ExternalService service,
      ExternalService.Endpoint endpoint) {
    return clientParameters.get(endpointTag(service, endpoint));
  }

  /** The placeholder names of an endpoint path, in order. */
  public static List<String> pathPlaceholders(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = PATH_PLACEHOLDER.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  // ---- members

  /** The record component, field, accessor and parameter name of a column. */
  public String memberName(Column column) {
    return members.get(columnTag(column));
  }

  /** The column's constant in the entity's {@code Columns}: {@code created_at} → {@code CREATED_AT}. */
  public String constantName(Column column) {
    return constants.get(columnTag(column));
  }

  /** The repository finder of a unique or foreign-key column: {@code findByEmail}. */
  public String finderName(Column column) {
    return finders.get(columnTag(column));
  }

  /** The key record component of the placeholder at {@code index} of the key's pattern. */
  public String placeholderName(RedisKey key, int index) {
    return placeholders.get(key.pattern().text() + "#" + index);
  }

  /** The factory method of a local cache: {@code userCache} → {@code userCache}. */
  public String localCacheName(LocalCache cache) {
    return localCaches.get(cache.name());
  }

  /**
   * The Spring bean of a local cache: {@code authSpec<Name>Cache} (no second {@code Cache}).
   * Bean names live in the application context, not in Java scope, so only the prefix keeps
   * them apart from the application's own.
   */
  public String cacheBeanName(LocalCache cache) {
    String simple = Words.upperCamel(cache.name());
    return "authSpec" + simple + (simple.endsWith("Cache") ? "" : "Cache");
  }

  /**
   * The field of a service's client settings in the Spring properties class:
   * {@code notifications-service} → {@code notificationsService}; a keyword gets {@code _}.
   */
  public String clientPropertyName(ExternalService service) {
    String name = Words.lowerCamel(service.id());
    return javax.lang.model.SourceVersion.isName(name) ? name : name + "_";
  }

  /** A numbered local, e.g. {@code raw0}: never a spec name, so it needs no allocation. */
  public static String indexedLocal(String stem, int index) {
    return stem + index;
  }

  // ---- SQL

  /**
   * A table or column name as generated SQL writes it: always double-quoted, so reserved words
   * work. Spec names are {@code [a-z_][a-z0-9_]*}, so quoting never needs escaping.
   */
  /**
   * {@code "name"}, inner quotes doubled: the same rule as the runtime support's
   * {@code Jdbc.quote}, so a name means one thing in generated SQL and in runtime SQL.
   */
  public String sqlIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
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

  private static Set<String> classNamesReserved(String area) {
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
  private String allocate(NameAllocator scope, String natural, Object tag, String pointer,
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

  private void allocateEntityNames(Spec spec, Map<String, String> overrides) {
    Set<String> reserved = classNamesReserved(null);
    reserved.add(Reserved.BUILDER_CLASS);
    reserved.add(Reserved.COLUMNS_CLASS);
    NameAllocator scope = new NameAllocator(reserved);
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
      if (override != null) {
        if (!javaTypeName(override) || scope.isReserved(override)) {
          reporter.report(Code.INVALID_CONFIGURATION, table.pointer(),
              "entityNames maps '" + table.name() + "' to '" + override + "', which "
                  + (javaTypeName(override) ? "the generated code uses itself"
                      : "is not a Java class name"), "use e.g. Account");
          continue;
        }
        if (scope.isTaken(override)) {
          reporter.report(Code.NAME_CONFLICT, table.pointer(),
              "entity name '" + override + "' of table '" + table.name() + "' is also the name "
                  + "for table '" + owners.get(override) + "'",
              "set <entityNames> for one of them");
          continue;
        }
        owners.put(override, table.name());
        entityNames.put(table.name(), scope.allocate(override, table.name()));
      }
    }
    for (Table table : spec.database().tables()) {
      if (overrides.containsKey(table.name())) {
        continue;
      }
      String natural = Words.upperCamel(Words.singularSnake(table.name()));
      if (!isLegal(natural)) {
        allocate(scope, natural, table.name(), table.pointer(), "table '" + table.name() + "'");
        continue;
      }
      String name = natural;
      if (scope.isTaken(natural)) {
        String alternative = scope.isReserved(natural) ? natural + "Entity"
            : Words.upperCamel(table.name());
        name = scope.allocate(alternative, table.name());
        reporter.report(Code.NAME_CLASH, table.pointer(),
            "entity name '" + natural + "' for table '" + table.name() + "' "
                + (Reserved.JAVA_LANG.contains(natural) ? "would shadow java.lang." + natural
                    : scope.isReserved(natural) ? "is used by the generated code itself"
                    : "is taken by table '" + owners.get(natural) + "'")
                + "; using '" + name + "'",
            "set <entityNames><" + table.name() + ">YourName</" + table.name()
                + "></entityNames> to choose");
      } else {
        scope.allocate(natural, table.name());
      }
      owners.put(name, table.name());
      entityNames.put(table.name(), name);
    }
  }

  /** A table's member, constant and finder names, by column tag. */
  private record ColumnNames(Map<String, String> members, Map<String, String> constants,
      Map<String, String> finders) {}

  /** Each table is its own scope, so tables are named in parallel and merged in order. */
  private void allocateColumns(Spec spec) {
    spec.database().tables().parallelStream().map(this::columnNames).toList().forEach(n -> {
      members.putAll(n.members());
      constants.putAll(n.constants());
      finders.putAll(n.finders());
    });
  }

  private ColumnNames columnNames(Table table) {
    ColumnNames names = new ColumnNames(new HashMap<>(), new HashMap<>(), new HashMap<>());
    NameAllocator record = new NameAllocator(Reserved.ENTITY_MEMBERS);
    NameAllocator columns = new NameAllocator(Set.of());
    NameAllocator methods = new NameAllocator(Reserved.REPOSITORY_MEMBERS);
    for (Column c : table.columns()) {
      String what = "column '" + c.name() + "' of table '" + table.name() + "'";
      String tag = columnTag(c);
      String member = allocate(record, Words.lowerCamel(c.name()), tag, c.pointer(), what);
      if (member == null) {
        continue;
      }
      names.members().put(tag, member);
      names.constants().put(tag, allocate(columns, Words.constant(c.name()), tag, c.pointer(),
          what + " (its Columns constant)"));
      if (!c.primaryKey() && (c.unique() || c.foreignKey().isPresent())) {
        names.finders().put(tag, allocate(methods, "findBy" + Words.upperCamel(c.name()), tag,
            c.pointer(), what + " (its repository finder)"));
      }
    }
    return names;
  }

  private void allocateKeyNames(Spec spec) {
    NameAllocator scope = new NameAllocator(classNamesReserved("cache"));
    for (RedisKey key : spec.cache().redisKeys()) {
      String pointer = key.pointer() + "/pattern";
      String base = Words.upperCamel(String.join("_", key.pattern().literalWords()));
      String name = base + "Key";
      if (scope.isTaken(name)) {
        StringBuilder by = new StringBuilder(base).append("By");
        key.pattern().placeholders().forEach(p -> by.append(Words.upperCamel(p.name())));
        String alternative = scope.allocate(by + "Key", key.pattern().text());
        reporter.report(Code.NAME_CLASH, pointer,
            "key class name '" + name + "' for pattern '" + key.pattern() + "' is "
                + (scope.isReserved(name) ? "used by the generated code itself"
                    : "taken by another pattern") + "; using '" + alternative + "'",
            "make the literal parts of the patterns differ to choose");
        name = alternative;
      } else {
        scope.allocate(name, key.pattern().text());
      }
      keyClassNames.put(key.pattern().text(), name);
      NameAllocator components = new NameAllocator(Reserved.KEY_MEMBERS);
      List<Placeholder> ps = key.pattern().placeholders();
      for (int i = 0; i < ps.size(); i++) {
        String tag = key.pattern().text() + "#" + i;
        placeholders.put(tag, allocate(components, Words.lowerCamel(ps.get(i).name()), tag,
            pointer, "placeholder {" + ps.get(i).name() + "} of '" + key.pattern() + "'"));
      }
    }
  }

  private void allocateLocalCaches(Spec spec) {
    NameAllocator scope = new NameAllocator(Reserved.OBJECT_METHODS);
    for (LocalCache c : Stream.concat(spec.cache().inMemory().stream(),
        spec.cache().caffeine().stream()).toList()) {
      localCaches.put(c.name(), allocate(scope, Words.lowerCamel(c.name()), c.name(),
          c.pointer(), "local cache '" + c.name() + "'"));
    }
  }

  private void allocateServices(Spec spec) {
    // One scope for every service package: names unique overall are unique in each package.
    NameAllocator scope = new NameAllocator(classNamesReserved("service"));
    for (Feature f : spec.selected()) {
      services.put(f.id(), allocate(scope, Words.upperCamel(f.id()) + "Service", f.id(),
          f.pointer(), "feature '" + f.id() + "'"));
    }
  }

  private void allocateClients(Spec spec) {
    NameAllocator scope = new NameAllocator(classNamesReserved("client"));
    for (ExternalService service : spec.externalServices()) {
      String what = "external service '" + service.id() + "'";
      String base = Words.upperCamel(service.id().replaceAll("-service$", "")) + "Client";
      String name = allocate(scope, base, service.id(), service.pointer(), what);
      clients.put(service.id(), name);
      if (name == null) {
        continue;
      }
      clientImplementations.put(service.id(), allocate(scope, "Http" + name,
          service.id() + "#implementation", service.pointer(), what + " (its implementation)"));
      NameAllocator methods = new NameAllocator(Reserved.OBJECT_METHODS);
      for (ExternalService.Endpoint e : service.endpoints()) {
        if (e.isFreeText()) {
          continue;
        }
        String tag = endpointTag(service, e);
        String method = allocate(methods, naturalMethodName(service, e), tag,
            service.pointer(), "endpoint '" + e.text() + "' of " + what);
        clientMethods.put(tag, method);
        NameAllocator params = new NameAllocator(Reserved.CLIENT_PARAMETERS);
        List<String> names = new ArrayList<>();
        List<String> pathPlaceholders = pathPlaceholders(e.path().orElseThrow());
        for (int i = 0; i < pathPlaceholders.size(); i++) {
          names.add(allocate(params, Words.lowerCamel(pathPlaceholders.get(i)), i,
              service.pointer(), "placeholder {" + pathPlaceholders.get(i) + "} of endpoint '"
                  + e.text() + "'"));
        }
        clientParameters.put(tag, List.copyOf(names));
      }
    }
  }

  private static String naturalMethodName(ExternalService service,
      ExternalService.Endpoint endpoint) {
    String mine = lastSegment(endpoint.path().orElseThrow());
    long same = service.endpoints().stream().filter(e -> e.path().isPresent())
        .filter(e -> lastSegment(e.path().get()).equals(mine)).count();
    return Words.lowerCamel(same > 1 ? endpoint.method().orElseThrow().toLowerCase(Locale.ROOT)
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

  /** Endpoints are told apart by position: two may have the same text. */
  private static String endpointTag(ExternalService service, ExternalService.Endpoint endpoint) {
    List<ExternalService.Endpoint> all = service.endpoints();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == endpoint) {
        return service.id() + "#" + i;
      }
    }
    return service.id() + "#" + all.indexOf(endpoint);
  }

  private static String columnTag(Column column) {
    return column.table().name() + "." + column.name();
  }

  /** A Java identifier that is no keyword (contextual ones included) and not {@code _}. */
  static boolean isLegal(String name) {
    return name != null && !name.isEmpty() && !name.chars().allMatch(ch -> ch == '_')
        && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart)
        && !Identifiers.isJavaKeyword(name);
  }

  private static boolean javaTypeName(String name) {
    return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart)
        && !Identifiers.isJavaKeyword(name);
  }
}
