package io.github.authspec.model;

import static io.github.authspec.model.diagnostics.Code.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One problem per case: each case edits one line of {@link BaseSpec} and names the diagnostic it
 * must produce (code, JSON pointer, line, and the column where the case gives a needle).
 */
class InvalidSpecTest {

  /** A case: the text to load and the diagnostic expected in it. */
  record Case(String name, String text, Code code, String pointer, int line, String columnAt,
      String hint) {
    Case col(String needle) {
      return new Case(name, text, code, pointer, line, needle, hint);
    }

    Case hint(String contains) {
      return new Case(name, text, code, pointer, line, columnAt, contains);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Case edit(String name, String find, String replace, Code code, String pointer,
      int line) {
    return new Case(name, BaseSpec.with(find, replace), code, pointer, line, null, null);
  }

  private static Case whole(String name, String text, Code code, int line) {
    return new Case(name, text, code, "", line, null, null);
  }

  private static final String USERS = "/diagram/database/tables/0";
  private static final String SESSIONS = "/diagram/database/tables/1";
  private static final String EMAIL = USERS + "/fields/1";
  private static final String USER_ID = SESSIONS + "/fields/1";
  private static final String REDIS = "/diagram/cache/keys/redis";
  private static final String LOGIN = "/diagram/features/core/login";

  static Stream<Case> cases() {
    return Stream.of(
        // the file and its JSON
        edit("a missing comma is a JSON syntax error at the next key",
            "\"group\": \"com.example\",", "\"group\": \"com.example\"", JSON_SYNTAX, "", 6)
            .col("\"artifact\""),
        edit("an unclosed string is a JSON syntax error", "\"Demo service\"", "\"Demo service",
            JSON_SYNTAX, "", 8),
        whole("an empty file is reported as empty", "", EMPTY_FILE, 0),
        whole("a file of white space is reported as empty", "  \n\n ", EMPTY_FILE, 0),
        whole("a top-level array is not a spec", "[1, 2]", ROOT_NOT_OBJECT, 1),
        whole("content after the top-level object is a syntax error", "{}\n{}", JSON_SYNTAX, 2),
        edit("a quoted size has the wrong JSON type", "\"size\": 255", "\"size\": \"255\"",
            WRONG_TYPE, EMAIL + "/size", 23).col("\"size\""),
        edit("selectedFeatures as a string has the wrong JSON type",
            "\"selectedFeatures\": [\"login\", \"audit\"]", "\"selectedFeatures\": \"login\"",
            WRONG_TYPE, "/midPanel/selectedFeatures", 14).col("\"selectedFeatures\""),
        edit("a quoted boolean has the wrong JSON type", "\"nullable\": false, \"default\": true",
            "\"nullable\": \"no\", \"default\": true", WRONG_TYPE, USERS + "/fields/4/nullable",
            26),
        edit("a table that is a string has the wrong JSON type",
            "\"name\": \"sessions\",", "\"name\": 7,", WRONG_TYPE, SESSIONS + "/name", 31),
        edit("a misspelt field attribute is an unknown property with a suggestion",
            "\"unique\": true, \"check\"", "\"uniqe\": true, \"check\"", UNKNOWN_PROPERTY,
            EMAIL + "/uniqe", 23).col("\"uniqe\"").hint("did you mean 'unique'?"),
        edit("an extra top-level member is an unknown property", "\"externalServices\": [",
            "\"extras\": 1, \"externalServices\": [", UNKNOWN_PROPERTY, "/extras", 64)
            .col("\"extras\""),
        edit("a key given twice in one object is a duplicate key", "\"name\": \"Demo\",",
            "\"name\": \"Demo\", \"name\": \"Other\",", DUPLICATE_KEY, "/leftPanel/project/name",
            7).col("\"name\": \"Other\""),
        edit("a project without package is missing a property",
            "\"package\": \"com.example.demo\"", "\"pkg\": \"com.example.demo\"",
            MISSING_PROPERTY, "/leftPanel/project", 4),
        // project and infrastructure
        edit("a keyword in the package is not a valid Java package", "\"com.example.demo\"",
            "\"com.example.class\"", INVALID_PACKAGE, "/leftPanel/project/package", 9)
            .col("\"package\""),
        edit("a package with an empty part is not a valid Java package", "\"com.example.demo\"",
            "\"com..demo\"", INVALID_PACKAGE, "/leftPanel/project/package", 9),
        edit("a reactive architecture is not supported", "\"model\": \"synchronous\"",
            "\"model\": \"reactive\"", UNSUPPORTED_ARCHITECTURE, "/leftPanel/architecture/model",
            11).col("\"model\""),
        edit("a gradle build is not supported", "\"build\": \"maven\"", "\"build\": \"gradle\"",
            UNSUPPORTED_ARCHITECTURE, "/leftPanel/architecture/build", 11).col("\"build\""),
        edit("a mysql database is not supported", "\"database\": \"postgresql\"",
            "\"database\": \"mysql\"", UNSUPPORTED_INFRASTRUCTURE,
            "/leftPanel/infrastructure/database", 12).col("\"database\""),
        edit("a memcached cache is not supported", "\"cache\": \"redis\"",
            "\"cache\": \"memcached\"", UNSUPPORTED_INFRASTRUCTURE,
            "/leftPanel/infrastructure/cache", 12).col("\"cache\""),
        edit("an oracle diagram database is not supported", "\"type\": \"postgresql\"",
            "\"type\": \"oracle\"", UNSUPPORTED_INFRASTRUCTURE, "/diagram/database/type", 17),
        edit("a redis diagram cache of another type is not supported", "\"type\": \"redis\"",
            "\"type\": \"hazelcast\"", UNSUPPORTED_INFRASTRUCTURE, "/diagram/cache/type", 40),
        edit("a service type other than auth is not supported", "\"serviceType\": \"auth\"",
            "\"serviceType\": \"billing\"", UNSUPPORTED_SERVICE_TYPE, "/leftPanel/serviceType", 3),
        // names
        edit("an empty table name is an invalid name", "\"name\": \"sessions\",",
            "\"name\": \"\",", INVALID_NAME, SESSIONS + "/name", 31),
        edit("a table without name is an invalid name", "\"name\": \"sessions\",", "",
            INVALID_NAME, SESSIONS, 30),
        edit("a table name with SQL in it is not a safe identifier", "\"name\": \"users\",",
            "\"name\": \"users; drop\",", INVALID_NAME, USERS + "/name", 20),
        edit("a table name in upper case is not a safe identifier", "\"name\": \"users\",",
            "\"name\": \"Users\",", INVALID_NAME, USERS + "/name", 20),
        edit("two tables with one name are a duplicate table", "\"name\": \"sessions\",",
            "\"name\": \"users\",", DUPLICATE_TABLE, SESSIONS + "/name", 31),
        edit("a column without name is an invalid name", "{ \"name\": \"age\", ", "{ ",
            INVALID_NAME, USERS + "/fields/2", 24),
        edit("a column name with a dash is not a safe identifier", "\"name\": \"created_at\"",
            "\"name\": \"created-at\"", INVALID_NAME, USERS + "/fields/5/name", 27),
        edit("a column name longer than 63 bytes is not a safe identifier",
            "\"name\": \"created_at\"", "\"name\": \"" + "c".repeat(64) + "\"", INVALID_NAME,
            USERS + "/fields/5/name", 27),
        edit("two columns with one name are a duplicate column", "\"name\": \"age\"",
            "\"name\": \"email\"", DUPLICATE_COLUMN, USERS + "/fields/2/name", 24),
        edit("an empty Redis pattern does not parse", "\"config:flags\"", "\"\"",
            REDIS_PATTERN_SYNTAX, REDIS + "/2/pattern", 46),
        edit("two Redis keys with one pattern are a duplicate", "\"config:flags\"",
            "\"user:{userId}:profile\"", DUPLICATE_REDIS_PATTERN, REDIS + "/2/pattern", 46),
        edit("a local cache name with a space is an invalid name", "\"name\": \"localUsers\"",
            "\"name\": \"local users\"", INVALID_NAME, "/diagram/cache/keys/inMemory/0/name", 48),
        edit("a feature id with spaces is an invalid name", "\"audit\": {",
            "\"Audit Log\": {", INVALID_NAME, LOGIN + "/children/Audit Log", 58),
        edit("one feature id twice is a duplicate feature", "\"audit\": {", "\"login\": {",
            DUPLICATE_FEATURE, LOGIN + "/children/login", 58),
        edit("a feature selected twice is a duplicate feature", "[\"login\", \"audit\"]",
            "[\"login\", \"audit\", \"login\"]", DUPLICATE_FEATURE, "/midPanel/selectedFeatures/2",
            14),
        // columns: types, sizes, defaults, checks, keys
        edit("a misspelt SQL type is unknown, with a suggestion", "\"type\": \"INT\"",
            "\"type\": \"INTT\"", UNKNOWN_SQL_TYPE, USERS + "/fields/2/type", 24)
            .col("\"type\"").hint("did you mean 'INT'?"),
        edit("a column without type is missing a property", "\"name\": \"age\", \"type\": \"INT\",",
            "\"name\": \"age\",", MISSING_PROPERTY, USERS + "/fields/2", 24),
        edit("VARCHAR without size is an invalid size", "\"type\": \"VARCHAR\", \"size\": 255,",
            "\"type\": \"VARCHAR\",", INVALID_SIZE, EMAIL, 23),
        edit("a negative size is an invalid size", "\"size\": 255", "\"size\": -1", INVALID_SIZE,
            EMAIL + "/size", 23),
        edit("a fractional size is an invalid size", "\"size\": 255", "\"size\": 2.5",
            INVALID_SIZE, EMAIL + "/size", 23),
        edit("size on an INT column is an invalid size", "\"type\": \"INT\",",
            "\"type\": \"INT\", \"size\": 10,", INVALID_SIZE, USERS + "/fields/2/size", 24),
        edit("scale greater than precision is an invalid size", "\"precision\": 5, \"scale\": 2",
            "\"precision\": 2, \"scale\": 5", INVALID_SIZE, USERS + "/fields/3/scale", 25),
        edit("precision on a VARCHAR column is an invalid size", "\"size\": 255,",
            "\"size\": 255, \"precision\": 4,", INVALID_SIZE, EMAIL + "/precision", 23),
        edit("a text default on an INT column does not fit", "\"default\": 0",
            "\"default\": \"zero\"", INVALID_DEFAULT, USERS + "/fields/2/default", 24),
        edit("an INT default beyond 32 bits does not fit", "\"default\": 0",
            "\"default\": 3000000000", INVALID_DEFAULT, USERS + "/fields/2/default", 24),
        edit("a fractional INT default does not fit", "\"default\": 0", "\"default\": 1.5",
            INVALID_DEFAULT, USERS + "/fields/2/default", 24),
        edit("a default on an array column is not supported", "\"nullable\": true, \"default\": 0",
            "\"isArray\": true, \"nullable\": true, \"default\": 0", ARRAY_NOT_SUPPORTED,
            USERS + "/fields/2/default", 24),
        edit("a nullable primary key is NOT NULL all the same",
            "\"primaryKey\": true, \"autoIncrement\": true",
            "\"primaryKey\": true, \"nullable\": true, \"autoIncrement\": true",
            NULLABLE_PRIMARY_KEY, USERS + "/fields/0/nullable", 22),
        edit("a DECIMAL default with too many digits does not fit", "\"scale\": 2",
            "\"scale\": 2, \"default\": 1234.5", INVALID_DEFAULT, USERS + "/fields/3/default", 25),
        edit("a quoted BOOLEAN default does not fit", "\"default\": true",
            "\"default\": \"yes\"", INVALID_DEFAULT, USERS + "/fields/4/default", 26),
        edit("a VARCHAR default longer than size does not fit", "\"size\": 255,",
            "\"size\": 2, \"default\": \"abc\",", INVALID_DEFAULT, EMAIL + "/default", 23),
        edit("a number default on a VARCHAR column does not fit", "\"size\": 255,",
            "\"size\": 255, \"default\": 5,", INVALID_DEFAULT, EMAIL + "/default", 23),
        edit("a free-text TIMESTAMP default does not fit", "\"CURRENT_TIMESTAMP\"",
            "\"yesterday\"", INVALID_DEFAULT, USERS + "/fields/5/default", 27),
        edit("CURRENT_DATE on a TIMESTAMP column does not fit", "\"CURRENT_TIMESTAMP\"",
            "\"CURRENT_DATE\"", INVALID_DEFAULT, USERS + "/fields/5/default", 27),
        edit("a malformed UUID default does not fit", "\"type\": \"UUID\", \"primaryKey\": true",
            "\"type\": \"UUID\", \"primaryKey\": true, \"default\": \"not-a-uuid\"",
            INVALID_DEFAULT, SESSIONS + "/fields/0/default", 33),
        edit("a default on an autoIncrement column is refused", "\"autoIncrement\": true }",
            "\"autoIncrement\": true, \"default\": 1 }", INVALID_DEFAULT,
            USERS + "/fields/0/default", 22),
        edit("a check followed by ); DROP TABLE is not one condition", "'%@%'\"",
            "'%@%'); DROP TABLE users; --\"", INVALID_CHECK, EMAIL + "/check", 23)
            .col("\"check\""),
        edit("a check with a trailing OR in parentheses is not one condition", "'%@%'\"",
            "'%@%') OR (1 = 1\"", INVALID_CHECK, EMAIL + "/check", 23),
        edit("a check with a line comment is refused", "'%@%'\"", "'%@%' -- note\"",
            INVALID_CHECK, EMAIL + "/check", 23),
        edit("a check that is not SQL is not a condition", "\"email LIKE '%@%'\"",
            "\"email must contain @\"", INVALID_CHECK, EMAIL + "/check", 23),
        edit("a check naming an unknown column is refused, with a suggestion",
            "\"email LIKE '%@%'\"", "\"emial LIKE '%@%'\"", INVALID_CHECK, EMAIL + "/check", 23),
        edit("a check naming another table's column is refused", "\"email LIKE '%@%'\"",
            "\"sessions.id IS NOT NULL\"", INVALID_CHECK, EMAIL + "/check", 23),
        edit("a check with a subquery is refused", "\"email LIKE '%@%'\"",
            "\"EXISTS (SELECT 1 FROM sessions)\"", INVALID_CHECK, EMAIL + "/check", 23),
        edit("a table without primary key is reported", "\"type\": \"UUID\", \"primaryKey\": true",
            "\"type\": \"UUID\"", NO_PRIMARY_KEY, SESSIONS, 30),
        edit("two primary-key columns are reported", "\"type\": \"BIGINT\", \"nullable\": false,",
            "\"type\": \"BIGINT\", \"primaryKey\": true,", MULTIPLE_PRIMARY_KEYS,
            USER_ID + "/primaryKey", 34),
        edit("autoIncrement on VARCHAR is refused", "\"size\": 255,",
            "\"size\": 255, \"autoIncrement\": true,", INVALID_AUTO_INCREMENT,
            EMAIL + "/autoIncrement", 23).col("\"autoIncrement\""),
        edit("an unknown index type is refused, with a suggestion", "\"size\": 255,",
            "\"size\": 255, \"index\": { \"type\": \"BTRE\" },", INVALID_INDEX,
            EMAIL + "/index/type", 23).hint("did you mean 'BTREE'?"),
        // foreign keys
        edit("a foreign key to an unknown table is refused, with a suggestion",
            "\"table\": \"users\", \"column\": \"id\"", "\"table\": \"user\", \"column\": \"id\"",
            FK_UNKNOWN_TABLE, USER_ID + "/foreignKey/table", 34).hint("did you mean 'users'?"),
        edit("a foreign key to an unknown column is refused", "\"column\": \"id\"",
            "\"column\": \"uid\"", FK_UNKNOWN_COLUMN, USER_ID + "/foreignKey/column", 34),
        edit("a foreign key of another type than its target is refused",
            "{ \"name\": \"user_id\", \"type\": \"BIGINT\"", "{ \"name\": \"user_id\", \"type\": \"INT\"",
            FK_TYPE_MISMATCH, USER_ID + "/foreignKey", 34).col("\"foreignKey\""),
        edit("a foreign key to a column neither PK nor unique is refused",
            "\"type\": \"BIGINT\", \"nullable\": false, \"foreignKey\": { \"table\": \"users\", \"column\": \"id\"",
            "\"type\": \"INT\", \"nullable\": false, \"foreignKey\": { \"table\": \"users\", \"column\": \"age\"",
            FK_TARGET_NOT_UNIQUE, USER_ID + "/foreignKey/column", 34),
        edit("an unknown onDelete action is refused", "\"onDelete\": \"CASCADE\"",
            "\"onDelete\": \"DELETE\"", FK_INVALID_ACTION, USER_ID + "/foreignKey/onDelete", 34),
        edit("an unknown onUpdate action is refused", "\"onUpdate\": \"NO ACTION\"",
            "\"onUpdate\": \"NOTHING\"", FK_INVALID_ACTION, USER_ID + "/foreignKey/onUpdate", 34),
        edit("SET NULL on a NOT NULL column is refused", "\"onDelete\": \"CASCADE\"",
            "\"onDelete\": \"SET NULL\"", FK_SET_NULL_NOT_NULL, USER_ID + "/foreignKey", 34),
        // cache
        edit("an unclosed brace in a Redis pattern does not parse", "\"session:{sessionId}\", ",
            "\"session:{sessionId\", ", REDIS_PATTERN_SYNTAX, REDIS + "/0/pattern", 44)
            .col("\"pattern\""),
        edit("a stray closing brace in a Redis pattern does not parse", "\"config:flags\"",
            "\"config:flags}\"", REDIS_PATTERN_SYNTAX, REDIS + "/2/pattern", 46),
        edit("a placeholder with a dash does not parse", "\"user:{userId}:profile\"",
            "\"user:{user-id}:profile\"", REDIS_PATTERN_SYNTAX, REDIS + "/1/pattern", 45),
        edit("two adjacent placeholders do not parse", "\"user:{userId}:profile\"",
            "\"user:{userId}{field}\"", REDIS_PATTERN_SYNTAX, REDIS + "/1/pattern", 45),
        edit("one placeholder twice does not parse", "\"user:{userId}:profile\"",
            "\"user:{userId}:{userId}\"", REDIS_PATTERN_SYNTAX, REDIS + "/1/pattern", 45),
        edit("a misspelt Redis type is unknown, with a suggestion", "\"type\": \"Hash\"",
            "\"type\": \"Hsah\"", UNKNOWN_REDIS_TYPE, REDIS + "/1/type", 45)
            .hint("did you mean 'Hash'?"),
        edit("a ttl of zero is invalid", "\"ttl\": 3600", "\"ttl\": 0", INVALID_TTL,
            REDIS + "/0/ttl", 44).col("\"ttl\""),
        edit("a negative ttl is invalid", "\"ttl\": 3600", "\"ttl\": -1", INVALID_TTL,
            REDIS + "/0/ttl", 44),
        edit("a pinned key with a ttl is refused", "\"pinned\": true }",
            "\"pinned\": true, \"ttl\": 60 }", PINNED_WITH_TTL, REDIS + "/2/ttl", 46),
        edit("eviction on one key is a warning: Redis cannot honour it per key",
            "\"pinned\": true }", "\"pinned\": true, \"eviction\": \"allkeys-lru\" }",
            PER_KEY_OPTION, REDIS + "/2/eviction", 46),
        edit("hashFields on a String key are refused", "\"type\": \"Hash\"", "\"type\": \"String\"",
            OPTION_NOT_FOR_TYPE, REDIS + "/1/hashFields", 45),
        edit("scoreField on a Set key is refused", "\"pinned\": true }",
            "\"pinned\": true, \"scoreField\": \"at\" }", OPTION_NOT_FOR_TYPE,
            REDIS + "/2/scoreField", 46),
        edit("an unknown serialization is refused", "\"serialization\": \"json\"",
            "\"serialization\": \"xml\"", UNKNOWN_CACHE_OPTION_VALUE, REDIS + "/0/serialization",
            44),
        edit("an unknown expireStrategy is refused", "\"ttl\": 3600,",
            "\"ttl\": 3600, \"expireStrategy\": \"later\",", UNKNOWN_CACHE_OPTION_VALUE,
            REDIS + "/0/expireStrategy", 44),
        edit("an expireStrategy without ttl is a warning", "\"pinned\": true }",
            "\"pinned\": true, \"expireStrategy\": \"sliding\" }", SLIDING_WITHOUT_TTL,
            REDIS + "/2/expireStrategy", 46),
        edit("a maxMemory that is not a size is refused", "\"256mb\"", "\"lots\"",
            INVALID_CACHE_SETTINGS, "/diagram/cache/settings/maxMemory", 41).col("\"maxMemory\""),
        edit("a misspelt evictionPolicy is refused, with a suggestion", "\"allkeys-lru\" }",
            "\"allkeys-lr\" }", INVALID_CACHE_SETTINGS, "/diagram/cache/settings/evictionPolicy",
            41).hint("did you mean 'allkeys-lru'?"),
        edit("weakValues with softValues is a combination Caffeine rejects",
            "\"recordStats\": true", "\"recordStats\": true, \"weakValues\": true, \"softValues\": true",
            INVALID_LOCAL_CACHE, "/diagram/cache/keys/caffeine/0/softValues", 49),
        edit("ttl on a caffeine cache is refused", "\"recordStats\": true",
            "\"recordStats\": true, \"ttl\": 5", INVALID_LOCAL_CACHE,
            "/diagram/cache/keys/caffeine/0/ttl", 49),
        edit("a negative maxSize is refused", "\"maxSize\": 1000", "\"maxSize\": -1",
            INVALID_LOCAL_CACHE, "/diagram/cache/keys/caffeine/0/maxSize", 49),
        edit("a negative expireAfterWrite is refused", "\"expireAfterWrite\": 300",
            "\"expireAfterWrite\": -5", INVALID_TTL,
            "/diagram/cache/keys/caffeine/0/expireAfterWrite", 49),
        edit("a negative in-memory ttl is refused", "\"ttl\": 60", "\"ttl\": -60", INVALID_TTL,
            "/diagram/cache/keys/inMemory/0/ttl", 48),
        edit("two local caches with one name are a duplicate", "\"name\": \"permissionCache\"",
            "\"name\": \"localUsers\"", DUPLICATE_LOCAL_CACHE,
            "/diagram/cache/keys/caffeine/0/name", 49),
        // features
        edit("a feature using an undefined table is a warning", "\"users\": [\"id\", \"email\"]",
            "\"user\": [\"id\", \"email\"]", FEATURE_UNKNOWN_TABLE, LOGIN + "/usedColumns/user",
            55),
        edit("a feature using an undefined column is a warning, with a suggestion",
            "[\"id\", \"email\"]", "[\"id\", \"emali\"]", FEATURE_UNKNOWN_COLUMN,
            LOGIN + "/usedColumns/users/1", 55).hint("did you mean 'email'?"),
        edit("a feature using an undeclared cache key is a warning",
            "[\"session:{sessionId}\"]", "[\"session:{id}\"]", FEATURE_UNKNOWN_CACHE_KEY,
            LOGIN + "/usedCacheKeys/0", 56),
        edit("a selected feature absent from the diagram is a warning",
            "[\"login\", \"audit\"]", "[\"login\", \"audit\", \"sso\"]", FEATURE_NOT_IN_DIAGRAM,
            "/midPanel/selectedFeatures/2", 14),
        edit("a diagram feature that is not selected is a warning", "[\"login\", \"audit\"]",
            "[\"login\"]", FEATURE_NOT_SELECTED, LOGIN + "/children/audit", 58),
        // external services
        edit("a free-text endpoint is a warning", "\"POST /mail/send\"", "\"Sends mail\"",
            FREE_TEXT_ENDPOINT, "/externalServices/0/endpoints/0", 65),
        edit("an unknown HTTP method is refused", "\"POST /mail/send\"", "\"SEND /mail/send\"",
            INVALID_ENDPOINT, "/externalServices/0/endpoints/0", 65),
        edit("a path with a space-free but malformed segment is refused", "\"POST /mail/send\"",
            "\"POST /mail//send\"", INVALID_ENDPOINT, "/externalServices/0/endpoints/0", 65),
        edit("two services with one id are a duplicate", "\"endpoints\": [\"POST /mail/send\"] }",
            "\"endpoints\": [\"POST /mail/send\"] }, { \"id\": \"mailer\" }", DUPLICATE_SERVICE,
            "/externalServices/1/id", 65));
  }

  @Test
  @DisplayName("the base spec of the cases is valid and has no diagnostics at all")
  void baseIsValid() {
    LoadResult result = SpecLoader.load("auth-spec.json", BaseSpec.TEXT);
    assertThat(result.diagnostics().format()).isEmpty();
    assertThat(result.spec()).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("each invalid spec reports its problem with code, pointer and position")
  void reportsTheProblem(Case c) {
    LoadResult result = SpecLoader.load("auth-spec.json", c.text());
    List<Diagnostic> all = result.diagnostics().all();

    List<Diagnostic> matching = all.stream()
        .filter(d -> d.code() == c.code() && d.pointer().equals(c.pointer())).toList();
    assertThat(matching).as("%s among%n%s", c.code(), result.diagnostics().format()).isNotEmpty();
    Diagnostic d = matching.get(0);
    assertThat(d.position().line()).as("line of %s", d.format()).isEqualTo(c.line());
    if (c.columnAt() != null) {
      String line = c.text().lines().toList().get(c.line() - 1);
      assertThat(d.position().column()).as("column of %s", d.format())
          .isEqualTo(line.indexOf(c.columnAt()) + 1);
    }
    if (c.hint() != null) {
      assertThat(d.hint()).contains(c.hint());
    }
    assertThat(d.severity()).isEqualTo(c.code().severity());
    String where = d.position().line() == 0 ? "auth-spec.json"
        : "auth-spec.json:" + d.position().line() + ":" + d.position().column();
    assertThat(d.format()).startsWith(where + ": " + d.severity().label() + ": ["
        + c.code().id() + "] ");
    // A model is handed out exactly when nothing is an error.
    assertThat(result.spec().isPresent()).isEqualTo(!result.diagnostics().hasErrors());
    if (c.code().severity() == Severity.ERROR) {
      assertThat(result.spec()).isEmpty();
    }
  }

  @Test
  @DisplayName("tables bound, linked and checked in parallel give every problem, in file order, the same on every load")
  void manyTablesReportTheSameProblemsOnEveryLoad() {
    StringBuilder tables = new StringBuilder();
    int tableCount = 300;
    for (int i = 0; i < tableCount; i++) {
      // Every third table has a column twice; every fifth references a table that is not there;
      // every seventh repeats the name of the one before it.
      String name = i % 7 == 6 ? "t" + (i - 1) : "t" + i;
      tables.append(i == 0 ? "" : ",\n").append("{ \"name\": \"").append(name)
          .append("\", \"fields\": [ { \"name\": \"id\", \"type\": \"BIGINT\", \"primaryKey\": true }")
          .append(i % 3 == 0 ? ", { \"name\": \"id\", \"type\": \"INT\" }" : "")
          .append(i % 5 == 0 ? ", { \"name\": \"ref\", \"type\": \"BIGINT\", "
              + "\"foreignKey\": { \"table\": \"gone\", \"column\": \"id\" } }" : "")
          .append(" ] }");
    }
    String text = BaseSpec.with("\"tables\": [", "\"tables\": [" + tables + ",");

    List<String> loads = Stream.generate(() -> SpecLoader.load("auth-spec.json", text))
        .limit(4).map(r -> r.diagnostics().format()).toList();

    assertThat(loads).containsOnly(loads.get(0));
    List<Diagnostic> all = SpecLoader.load("auth-spec.json", text).diagnostics().all();
    // Tables repeating a name are skipped whole, so their columns are not checked again.
    long skipped = java.util.stream.IntStream.range(0, tableCount).filter(i -> i % 7 == 6).count();
    long doubled = java.util.stream.IntStream.range(0, tableCount)
        .filter(i -> i % 3 == 0 && i % 7 != 6).count();
    assertThat(all.stream().filter(d -> d.code() == DUPLICATE_TABLE)).hasSize((int) skipped);
    assertThat(all.stream().filter(d -> d.code() == DUPLICATE_COLUMN)).hasSize((int) doubled);
    assertThat(all.stream().filter(d -> d.code() == FK_UNKNOWN_TABLE)).hasSize(
        (int) java.util.stream.IntStream.range(0, tableCount).filter(i -> i % 5 == 0 && i % 7 != 6).count());
    assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(Diagnostic::position));
  }
}
