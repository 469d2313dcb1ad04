package io.github.authspec.plugin.types;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;

/**
 * The one SQL ↔ Java type mapping (the README's type table is this class in prose).
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
    return switch (type) {
      case SMALLINT -> TypeName.SHORT;
      case INT -> TypeName.INT;
      case BIGINT -> TypeName.LONG;
      case DECIMAL -> ClassName.get(java.math.BigDecimal.class);
      case BOOLEAN -> TypeName.BOOLEAN;
      case VARCHAR, TEXT -> ClassName.get(String.class);
      case DATE -> ClassName.get(java.time.LocalDate.class);
      case TIME -> ClassName.get(java.time.LocalTime.class);
      case TIMESTAMP -> ClassName.get(java.time.LocalDateTime.class);
      case UUID -> ClassName.get(java.util.UUID.class);
    };
  }

  /**
   * The PostgreSQL type name for {@code java.sql.Connection#createArrayOf} and casts
   * ({@code int8}, {@code varchar}, ...).
   */
  public static String postgresElementName(SqlType type) {
    return switch (type) {
      case SMALLINT -> "int2";
      case INT -> "int4";
      case BIGINT -> "int8";
      case DECIMAL -> "numeric";
      case BOOLEAN -> "bool";
      case VARCHAR -> "varchar";
      case TEXT -> "text";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case UUID -> "uuid";
    };
  }

  /**
   * The jOOQ data type that renders the column's PostgreSQL type in DDL ({@code varchar(255)},
   * {@code numeric(10, 2)}, {@code bigint array}, ...), without nullability or default.
   */
  public static org.jooq.DataType<?> sqlType(SqlType type, Integer size, Integer precision,
      Integer scale, boolean array) {
    org.jooq.DataType<?> base = switch (type) {
      case SMALLINT -> org.jooq.impl.SQLDataType.SMALLINT;
      case INT -> org.jooq.impl.SQLDataType.INTEGER;
      case BIGINT -> org.jooq.impl.SQLDataType.BIGINT;
      case DECIMAL -> precision == null ? org.jooq.impl.SQLDataType.NUMERIC
          : org.jooq.impl.SQLDataType.NUMERIC(precision, scale == null ? 0 : scale);
      case BOOLEAN -> org.jooq.impl.SQLDataType.BOOLEAN;
      case VARCHAR -> size == null ? org.jooq.impl.SQLDataType.VARCHAR
          : org.jooq.impl.SQLDataType.VARCHAR(size);
      case TEXT -> org.jooq.impl.SQLDataType.CLOB;
      case DATE -> org.jooq.impl.SQLDataType.LOCALDATE;
      case TIME -> org.jooq.impl.SQLDataType.LOCALTIME;
      case TIMESTAMP -> org.jooq.impl.SQLDataType.LOCALDATETIME;
      case UUID -> org.jooq.impl.SQLDataType.UUID;
    };
    return array ? base.getArrayDataType() : base;
  }

  // timestamps option (issue 13): the TIMESTAMP rows of the table above, per TimestampType.

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
  public static org.jooq.DataType<?> timestampWithTimeZone(boolean array) {
    org.jooq.DataType<?> base = org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
    return array ? base.getArrayDataType() : base;
  }

  /** The name of the {@link java.sql.Types} constant for {@code setNull}, e.g. {@code BIGINT}. */
  public static String jdbcType(Column column) {
    if (column.array()) {
      return "ARRAY";
    }
    return switch (column.type()) {
      case SMALLINT -> "SMALLINT";
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DECIMAL -> "NUMERIC";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR";
      case TEXT -> "LONGVARCHAR";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case UUID -> "OTHER";
    };
  }

}
