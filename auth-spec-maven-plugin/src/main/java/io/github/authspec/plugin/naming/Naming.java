package io.github.authspec.plugin.naming;

import com.palantir.javapoet.ClassName;
import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.Feature;
import io.github.authspec.model.LocalCache;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


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
 *
 * <p>The allocation of each part lives in a package-private helper ({@link EntityNames},
 * {@link CacheNames}, {@link ClientNames}, {@link SqlNames}) under one policy
 * ({@link Allocator}); this class is the only door to all of them.
 */
public final class Naming {
  /** Path placeholders of external-service endpoints, {@code /users/{id}}. */
  public static final Pattern PATH_PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final String basePackage;
  private final EntityNames entities;
  private final CacheNames caches;
  private final Map<String, String> services = new HashMap<>();
  private final ClientNames clients;

  public Naming(Spec spec, GenerationRequest request, Reporter reporter) {
    this.basePackage = request.packageName().orElse(spec.project().packageName());
    Allocator allocator = new Allocator(reporter);
    // In this order: it is the order of the reports.
    this.entities = new EntityNames(spec, request.entityNames(), allocator);
    this.caches = new CacheNames(spec, allocator);
    allocateServices(spec, allocator);
    this.clients = new ClientNames(spec, allocator);
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
    return entities.entityNames.get(table.name());
  }

  public String repositoryName(Table table) {
    return entityName(table) + Reserved.REPOSITORY_SUFFIX;
  }

  /** {@code acl:{userId}:{resource}} → {@code AclKey}. */
  public String keyClassName(RedisKey key) {
    return caches.keyClassNames.get(key.pattern().text());
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
    return clients.clients.get(service.id());
  }

  /** {@code HttpNotificationsClient}: the JDK HttpClient implementation of a client. */
  public String clientImplementationName(ExternalService service) {
    return clients.clientImplementations.get(service.id());
  }

  /**
   * The client method of an endpoint: the lower-camel last literal segment of its path
   * ({@code POST /notifications-service/send-sms} → {@code sendSms}); when two endpoints of a
   * service share it, the whole path's words.
   */
  public String clientMethodName(ExternalService service, ExternalService.Endpoint endpoint) {
    return clients.clientMethods.get(ClientNames.endpointTag(service, endpoint));
  }

  /** The parameters for the endpoint's path placeholders, in path order. */
  public List<String> clientParameterNames(ExternalService service,
      ExternalService.Endpoint endpoint) {
    return clients.clientParameters.get(ClientNames.endpointTag(service, endpoint));
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
    return entities.members.get(EntityNames.columnTag(column));
  }

  /**
   * The column's constant in the entity's {@code Columns}: {@code created_at} →
   * {@code CREATED_AT}.
   */
  public String constantName(Column column) {
    return entities.constants.get(EntityNames.columnTag(column));
  }

  /** The repository finder of a unique or foreign-key column: {@code findByEmail}. */
  public String finderName(Column column) {
    return entities.finders.get(EntityNames.columnTag(column));
  }

  /** The key record component of the placeholder at {@code index} of the key's pattern. */
  public String placeholderName(RedisKey key, int index) {
    return caches.placeholders.get(key.pattern().text() + "#" + index);
  }

  /** The factory method of a local cache: {@code userCache} → {@code userCache}. */
  public String localCacheName(LocalCache cache) {
    return caches.localCaches.get(cache.name());
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
   * work. {@code "name"}, inner quotes doubled: the same rule as the runtime support's
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
    return SqlNames.sqlName(prefix, parts);
  }

  // ---- allocation

  private void allocateServices(Spec spec, Allocator allocator) {
    // One scope for every service package: names unique overall are unique in each package.
    NameAllocator scope = new NameAllocator(Allocator.classNamesReserved("service"));
    for (Feature f : spec.selected()) {
      services.put(f.id(), allocator.allocate(scope, Words.upperCamel(f.id()) + "Service", f.id(),
          f.pointer(), "feature '" + f.id() + "'"));
    }
  }
}
