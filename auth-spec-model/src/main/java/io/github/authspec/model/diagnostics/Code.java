package io.github.authspec.model.diagnostics;

import static io.github.authspec.model.diagnostics.Severity.ERROR;
import static io.github.authspec.model.diagnostics.Severity.WARNING;

/**
 * Every diagnostic the plugin can report. Ids are stable: tools and tests match on them, and the
 * table of codes in docs/diagnostics.md lists them in this order. Never renumber; add at the end
 * of a block.
 */
public enum Code {
  // 00x: the file and its JSON
  JSON_SYNTAX("AS001", ERROR, "the file is not valid JSON"),
  EMPTY_FILE("AS002", ERROR, "the file is empty"),
  ROOT_NOT_OBJECT("AS003", ERROR, "the top level is not a JSON object"),
  WRONG_TYPE("AS004", ERROR, "a value has the wrong JSON type"),
  UNKNOWN_PROPERTY("AS005", WARNING, "a property the format does not define (ignored)"),
  MISSING_PROPERTY("AS006", ERROR, "a required property is missing"),
  DUPLICATE_KEY("AS007", ERROR, "the same key twice in one JSON object"),
  UNREADABLE_FILE("AS008", ERROR, "the spec file cannot be read"),

  // 01x-02x: project and infrastructure
  INVALID_PACKAGE("AS010", ERROR, "leftPanel.project.package is not a valid Java package"),
  UNSUPPORTED_ARCHITECTURE("AS011", ERROR, "architecture model or build not supported"),
  UNSUPPORTED_INFRASTRUCTURE("AS012", ERROR, "database or cache product not supported"),
  UNSUPPORTED_SERVICE_TYPE("AS013", ERROR, "serviceType is not 'auth'"),

  // 02x-03x: tables and columns
  INVALID_NAME("AS020", ERROR, "a name is missing, empty or not a safe identifier"),
  DUPLICATE_TABLE("AS021", ERROR, "two tables with one name"),
  DUPLICATE_COLUMN("AS022", ERROR, "two columns with one name in a table"),
  UNKNOWN_SQL_TYPE("AS023", ERROR, "a column type the plugin does not know"),
  INVALID_SIZE("AS024", ERROR, "size, precision or scale missing, out of range or not allowed"),
  INVALID_DEFAULT("AS025", ERROR, "a default that does not fit the column type"),
  INVALID_CHECK("AS026", ERROR, "a check that is not one SQL condition"),
  NO_PRIMARY_KEY("AS027", ERROR, "a table without a primary key"),
  MULTIPLE_PRIMARY_KEYS("AS028", ERROR, "more than one primary-key column"),
  INVALID_AUTO_INCREMENT("AS029", ERROR, "autoIncrement on a column that is not an integer"),
  INVALID_INDEX("AS030", ERROR, "an index type PostgreSQL does not have, or that cannot be unique"),
  NULLABLE_PRIMARY_KEY("AS031", WARNING, "a primary key declared nullable (it is NOT NULL)"),
  ARRAY_NOT_SUPPORTED("AS032", ERROR, "an attribute that does not work on an array column"),

  // 04x: foreign keys
  FK_UNKNOWN_TABLE("AS040", ERROR, "a foreign key to a table that is not defined"),
  FK_UNKNOWN_COLUMN("AS041", ERROR, "a foreign key to a column that is not defined"),
  FK_TYPE_MISMATCH("AS042", ERROR, "a foreign key whose type differs from its target's"),
  FK_TARGET_NOT_UNIQUE("AS043", ERROR, "a foreign key to a column that is neither PK nor unique"),
  FK_INVALID_ACTION("AS044", ERROR, "an onDelete/onUpdate action PostgreSQL does not have"),
  FK_SET_NULL_NOT_NULL("AS045", ERROR, "SET NULL on a column that is NOT NULL"),

  // 05x: cache
  REDIS_PATTERN_SYNTAX("AS050", ERROR, "a Redis key pattern that does not parse"),
  DUPLICATE_REDIS_PATTERN("AS051", ERROR, "two Redis keys with one pattern"),
  UNKNOWN_REDIS_TYPE("AS052", ERROR, "a Redis type the plugin does not know"),
  INVALID_TTL("AS053", ERROR, "a ttl that is zero or negative"),
  PINNED_WITH_TTL("AS054", ERROR, "a pinned key that also has a ttl"),
  PER_KEY_OPTION("AS055", WARNING, "an option Redis cannot honour per key"),
  UNKNOWN_CACHE_OPTION_VALUE("AS056", ERROR, "an expireStrategy, serialization or compression value the plugin does not know"),
  OPTION_NOT_FOR_TYPE("AS057", ERROR, "hashFields or scoreField on a key of another Redis type"),
  INVALID_CACHE_SETTINGS("AS058", ERROR, "maxMemory or evictionPolicy Redis would reject"),
  INVALID_LOCAL_CACHE("AS059", ERROR, "a local cache option combination Caffeine rejects"),
  DUPLICATE_LOCAL_CACHE("AS060", ERROR, "two local caches with one name"),
  SLIDING_WITHOUT_TTL("AS061", WARNING, "an expireStrategy on a key without a ttl"),

  // 07x: features
  FEATURE_UNKNOWN_TABLE("AS070", WARNING, "a feature uses a table that is not defined"),
  FEATURE_UNKNOWN_COLUMN("AS071", WARNING, "a feature uses a column that is not defined"),
  FEATURE_UNKNOWN_CACHE_KEY("AS072", WARNING, "a feature uses a cache key that is not declared"),
  FEATURE_NOT_IN_DIAGRAM("AS073", WARNING, "a selected feature absent from diagram.features"),
  FEATURE_NOT_SELECTED("AS074", WARNING, "a diagram feature that is not selected"),
  DUPLICATE_FEATURE("AS075", ERROR, "one feature id twice"),

  // 08x: external services
  FREE_TEXT_ENDPOINT("AS080", WARNING, "an endpoint that is not 'METHOD /path' (kept as documentation)"),
  INVALID_ENDPOINT("AS081", ERROR, "an endpoint with an unknown method or a malformed path"),
  DUPLICATE_SERVICE("AS082", ERROR, "two external services with one id"),

  // 1xx: generation (found while planning output, after the spec validated)
  NAME_CLASH("AS100", WARNING, "two generated names collide, or one shadows java.lang; renamed"),
  NAME_CONFLICT("AS101", ERROR, "a generated name collides and cannot be resolved"),
  INVALID_CONFIGURATION("AS102", ERROR, "a plugin parameter value that cannot be used"),
  NO_JAVA_NAME("AS103", ERROR, "a spec name from which no legal Java name can be made"),
  DESTRUCTIVE_MIGRATION("AS110", ERROR, "a schema change that loses data, not allowed"),
  APPLIED_MIGRATION_CHANGED("AS111", ERROR, "a migration the plugin wrote was edited or deleted"),
  MIGRATION_STATE("AS112", ERROR, "the migration state cannot be read"),
  UNKNOWN_FEATURE("AS113", WARNING, "a feature id the catalog does not know"),
  OUTPUT_OVERLAP("AS114", ERROR, "two executions write the same output file"),
  DEPENDENCY_MISSING("AS115", ERROR, "generated code needs a library the project does not have"),
  UNBOUND_ROLE("AS116", WARNING,
      "an implementation cannot find a column or key it needs; interface only"),
  CONDITIONS_NOT_EVALUATED("AS117", WARNING,
      "grant conditions that generated code does not evaluate: such grants never allow"),
  MIGRATION_HISTORY_DIVERGED("AS120", ERROR,
      "the migration history diverged: one version twice, or a generated file the state does not record"),
  MIGRATION_STATEMENT_UNREAD("AS121", WARNING,
      "a statement of a migration the plugin did not write that jOOQ cannot read"),
  INTERNAL_ERROR("AS199", ERROR, "a generator failed: a bug in auth-spec, please report it");

  private final String id;
  private final Severity severity;
  private final String summary;

  Code(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  /** The severity this code is reported with. */
  public Severity severity() {
    return severity;
  }

  /** One line for the table of codes in docs/diagnostics.md. */
  public String summary() {
    return summary;
  }
}
