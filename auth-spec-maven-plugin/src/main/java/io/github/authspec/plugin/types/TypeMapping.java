package io.github.authspec.plugin.types;

import static io.github.authspec.model.SqlType.BIGINT;
import static io.github.authspec.model.SqlType.DECIMAL;
import static io.github.authspec.model.SqlType.INT;
import static io.github.authspec.model.SqlType.TEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The one SQL ↔ Java type mapping (the type table of docs/generated-code.md is this class in
 * prose): {@link #TABLE} holds, per spec type, its Java type, {@link java.sql.Types} constant,
 * PostgreSQL element name, jOOQ data type, lossless widenings and how a Redis key placeholder of
 * the type is parsed. Adding a type is one row there and one constant in {@link SqlType}.
 *
 * <table>
 *   <tr><th>spec</th><th>PostgreSQL</th><th>Java</th></tr>
 *   <tr><td>SMALLINT</td><td>smallint</td><td>short / Short</td></tr>
 *   <tr><td>INT</td><td>integer</td><td>int / Integer</td></tr>
 *   <tr><td>BIGINT</td><td>bigint</td><td>long / Long</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>numeric(p,s)</td><td>BigDecimal</td></tr>
 *   <tr><td>BOOLEAN</td><td>boolean</td><td>boolean / Boolean</td></tr>
 *   <tr><td>VARCHAR(n), TEXT</td><td>varchar(n), text</td><td>String</td></tr>
 *   <tr><td>DATE</td><td>date</td><td>LocalDate</td></tr>
 *   <tr><td>TIME</td><td>time</td><td>LocalTime</td></tr>
 *   <tr><td>TIMESTAMP</td><td>timestamp (without time zone)</td><td>LocalDateTime</td></tr>
 *   <tr><td>TIMESTAMP, timestamps=INSTANT / OFFSET</td><td>timestamptz</td><td>Instant /
 *   OffsetDateTime</td></tr>
 *   <tr><td>UUID</td><td>uuid</td><td>UUID</td></tr>
 *   <tr><td>any, isArray</td><td>type[]</td><td>List&lt;boxed type&gt;</td></tr>
 * </table>
 *
 * <p>A column maps to a primitive only when null is impossible in Java as well as in SQL: NOT
 * NULL, no identity (the id of a row not yet inserted is null) and no database default (null
 * asks the database for its default on insert).
 */
public final class TypeMapping {
  /** The size, precision and scale a jOOQ type may take. */
  private interface Sized {
    DataType<?> of(Integer size, Integer precision, Integer scale);
  }

  /**
   * One spec type.
   *
   * @param java the Java type of one value (primitive where one exists)
   * @param jdbc the {@link java.sql.Types} constant for {@code setNull}
   * @param postgres the element name for {@code createArrayOf} and casts
   * @param jooq the DDL type, sized
   * @param widensTo the types PostgreSQL converts it to without loss
   * @param parse how a key placeholder's text becomes a value ({@code $T.parseLong($L)}), or
   *     null when the text is the value
   * @param parser the {@code $T} of {@code parse}
   */
  private record Row(TypeName java, String jdbc, String postgres, Sized jooq,
      Set<SqlType> widensTo, String parse, Class<?> parser) {}

  private static final Map<SqlType, Row> TABLE = new EnumMap<>(SqlType.class);

  static {
    row(SqlType.SMALLINT, TypeName.SHORT, "SMALLINT", "int2", (n, p, s) -> SQLDataType.SMALLINT,
        Set.of(INT, BIGINT, DECIMAL), "$T.parseShort($L)", Short.class);
    row(INT, TypeName.INT, "INTEGER", "int4", (n, p, s) -> SQLDataType.INTEGER,
        Set.of(BIGINT, DECIMAL), "$T.parseInt($L)", Integer.class);
    row(BIGINT, TypeName.LONG, "BIGINT", "int8", (n, p, s) -> SQLDataType.BIGINT,
        Set.of(DECIMAL), "$T.parseLong($L)", Long.class);
    row(DECIMAL, ClassName.get(BigDecimal.class), "NUMERIC", "numeric",
        (n, p, s) -> p == null ? SQLDataType.NUMERIC : SQLDataType.NUMERIC(p, s == null ? 0 : s),
        Set.of(), "new $T($L)", BigDecimal.class);
    row(SqlType.BOOLEAN, TypeName.BOOLEAN, "BOOLEAN", "bool", (n, p, s) -> SQLDataType.BOOLEAN,
        Set.of(), "$T.parseBoolean($L)", Boolean.class);
    row(SqlType.VARCHAR, ClassName.get(String.class), "VARCHAR", "varchar",
        (n, p, s) -> n == null ? SQLDataType.VARCHAR : SQLDataType.VARCHAR(n), Set.of(TEXT),
        null, null);
    row(TEXT, ClassName.get(String.class), "LONGVARCHAR", "text", (n, p, s) -> SQLDataType.CLOB,
        Set.of(), null, null);
    row(SqlType.DATE, ClassName.get(LocalDate.class), "DATE", "date",
        (n, p, s) -> SQLDataType.LOCALDATE, Set.of(), "$T.parse($L)", LocalDate.class);
    row(SqlType.TIME, ClassName.get(LocalTime.class), "TIME", "time",
        (n, p, s) -> SQLDataType.LOCALTIME, Set.of(), "$T.parse($L)", LocalTime.class);
    row(SqlType.TIMESTAMP, ClassName.get(LocalDateTime.class), "TIMESTAMP", "timestamp",
        (n, p, s) -> SQLDataType.LOCALDATETIME, Set.of(), "$T.parse($L)", LocalDateTime.class);
    row(SqlType.UUID, ClassName.get(java.util.UUID.class), "OTHER", "uuid",
        (n, p, s) -> SQLDataType.UUID, Set.of(), "$T.fromString($L)", java.util.UUID.class);
  }

  private static void row(SqlType type, TypeName java, String jdbc, String postgres, Sized jooq,
      Set<SqlType> widensTo, String parse, Class<?> parser) {
    TABLE.put(type, new Row(java, jdbc, postgres, jooq, widensTo, parse, parser));
  }

  private TypeMapping() {}

  /** The Java type of the column's values, per the nullability rule above. */
  public static TypeName javaType(Column column) {
    TypeName element = elementType(column.type());
    if (column.array()) {
      return ParameterizedTypeName.get(ClassName.get(java.util.List.class), element.box());
    }
    return primitiveAllowed(column) ? element : element.box();
  }

  /** Whether {@link #javaType} is a primitive for this column. */
  public static boolean primitiveAllowed(Column column) {
    return !column.nullable() && !column.autoIncrement() && column.defaultValue().isEmpty()
        && !column.array() && elementType(column.type()).isPrimitive();
  }

  /** The (unboxed where possible) Java type of one value of {@code type}. */
  public static TypeName elementType(SqlType type) {
    return TABLE.get(type).java();
  }

  /**
   * The PostgreSQL type name for {@code java.sql.Connection#createArrayOf} and casts
   * ({@code int8}, {@code varchar}, ...).
   */
  public static String postgresElementName(SqlType type) {
    return TABLE.get(type).postgres();
  }

  /**
   * The jOOQ data type that renders the column's PostgreSQL type in DDL ({@code varchar(255)},
   * {@code numeric(10, 2)}, {@code bigint array}, ...), without nullability or default.
   */
  public static DataType<?> sqlType(SqlType type, Integer size, Integer precision,
      Integer scale, boolean array) {
    DataType<?> base = TABLE.get(type).jooq().of(size, precision, scale);
    return array ? base.getArrayDataType() : base;
  }

  /** Whether PostgreSQL converts every value of {@code was} to {@code now} without loss. */
  public static boolean widens(SqlType was, SqlType now) {
    return TABLE.get(was).widensTo().contains(now);
  }

  /**
   * The expression that turns a key placeholder's text {@code raw} into a value of {@code
   * type} (a Java type of {@link #elementType}); the text itself for text types.
   */
  public static CodeBlock parse(TypeName type, CodeBlock raw) {
    return TABLE.values().stream().filter(r -> r.java().equals(type) && r.parse() != null)
        .findFirst().map(r -> CodeBlock.of(r.parse(), r.parser(), raw)).orElse(raw);
  }

  /**
   * The spec type of a jOOQ data type read back from DDL, when there is one: by its Java type,
   * VARCHAR or TEXT by its name, and the legacy {@code java.sql} classes jOOQ may report.
   */
  public static Optional<SqlType> fromJooq(DataType<?> type) {
    Class<?> jt = type.getSQLDataType() == null ? type.getType()
        : type.getSQLDataType().getType();
    if (jt == String.class) {
      return Optional.of(type.getTypeName().toLowerCase(Locale.ROOT).contains("char")
          ? SqlType.VARCHAR : TEXT);
    }
    Class<?> modern = jt == java.sql.Date.class ? LocalDate.class
        : jt == java.sql.Time.class ? LocalTime.class
        : jt == java.sql.Timestamp.class ? LocalDateTime.class : jt;
    return TABLE.entrySet().stream()
        .filter(e -> e.getValue().java().box().equals(ClassName.get(modern)))
        .map(Map.Entry::getKey).findFirst();
  }

  // timestamps option: the TIMESTAMP rows of the table above, per TimestampType.

  /** {@link #javaType(Column)} with TIMESTAMP mapped per {@code timestamps}. */
  public static TypeName javaType(Column column, TimestampType timestamps) {
    if (column.type() != SqlType.TIMESTAMP || !timestamps.withTimeZone()) {
      return javaType(column);
    }
    TypeName element = elementType(column.type(), timestamps);
    return column.array()
        ? ParameterizedTypeName.get(ClassName.get(java.util.List.class), element) : element;
  }

  /** {@link #elementType(SqlType)} with TIMESTAMP mapped per {@code timestamps}. */
  public static TypeName elementType(SqlType type, TimestampType timestamps) {
    if (type != SqlType.TIMESTAMP) {
      return elementType(type);
    }
    return switch (timestamps) {
      case LOCAL -> ClassName.get(java.time.LocalDateTime.class);
      case INSTANT -> ClassName.get(java.time.Instant.class);
      case OFFSET -> ClassName.get(java.time.OffsetDateTime.class);
    };
  }

  /** {@link #jdbcType(Column)}, {@code TIMESTAMP_WITH_TIMEZONE} for timestamptz. */
  public static String jdbcType(Column column, TimestampType timestamps) {
    return column.type() == SqlType.TIMESTAMP && !column.array() && timestamps.withTimeZone()
        ? "TIMESTAMP_WITH_TIMEZONE" : jdbcType(column);
  }

  /** {@link #postgresElementName(SqlType)}, {@code timestamptz} for timestamptz. */
  public static String postgresElementName(SqlType type, TimestampType timestamps) {
    return type == SqlType.TIMESTAMP && timestamps.withTimeZone() ? "timestamptz"
        : postgresElementName(type);
  }

  /** The jOOQ type of {@code timestamptz}. */
  public static DataType<?> timestampWithTimeZone(boolean array) {
    DataType<?> base = SQLDataType.TIMESTAMPWITHTIMEZONE;
    return array ? base.getArrayDataType() : base;
  }

  /** The name of the {@link java.sql.Types} constant for {@code setNull}, e.g. {@code BIGINT}. */
  public static String jdbcType(Column column) {
    return column.array() ? "ARRAY" : jdbcType(column.type());
  }

  /** The {@link java.sql.Types} constant of one value of {@code type}. */
  public static String jdbcType(SqlType type) {
    return TABLE.get(type).jdbc();
  }
}
