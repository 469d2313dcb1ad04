package io.github.authspec.plugin.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.SqlType;
import java.util.EnumSet;
import java.util.Set;
import org.jooq.DataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one type table: every spec type has each of its facts, and they agree. */
class TypeMappingTest {
  @ParameterizedTest
  @EnumSource(SqlType.class)
  @DisplayName("the jOOQ type read back gives the spec type it was rendered from")
  void jooqRoundTrip(SqlType type) {
    DataType<?> jooq = TypeMapping.sqlType(type, 40, 10, 2, false);
    assertThat(TypeMapping.fromJooq(jooq)).contains(type);
    assertThat(TypeMapping.fromJooq(TypeMapping.sqlType(type, null, null, null, false)))
        .contains(type);
  }

  @ParameterizedTest
  @EnumSource(SqlType.class)
  @DisplayName("each type has a Java type, a java.sql.Types constant and a PostgreSQL name")
  void everyFact(SqlType type) throws Exception {
    TypeName java = TypeMapping.elementType(type);
    assertThat(java).isNotNull();
    assertThat(TypeMapping.postgresElementName(type)).matches("[a-z0-9]+");
    String jdbc = TypeMapping.jdbcType(type);
    assertThat(java.sql.Types.class.getField(jdbc).getInt(null)).isNotZero();
  }

  @ParameterizedTest
  @EnumSource(SqlType.class)
  @DisplayName("a key placeholder of the type parses with a method of its Java type")
  void placeholderParse(SqlType type) {
    TypeName java = TypeMapping.elementType(type);
    CodeBlock parsed = TypeMapping.parse(java, CodeBlock.of("raw"));
    if (java.equals(ClassName.get(String.class))) {
      assertThat(parsed.toString()).isEqualTo("raw");
    } else {
      assertThat(parsed.toString()).contains("raw").isNotEqualTo("raw")
          .contains(java.box().toString());
    }
  }

  @ParameterizedTest
  @EnumSource(SqlType.class)
  @DisplayName("widening is lossless only upwards: never to itself, never back")
  void widenings(SqlType type) {
    Set<SqlType> wider = EnumSet.noneOf(SqlType.class);
    for (SqlType other : SqlType.values()) {
      if (TypeMapping.widens(type, other)) {
        wider.add(other);
        assertThat(TypeMapping.widens(other, type)).as(other + " back to " + type).isFalse();
      }
    }
    assertThat(wider).doesNotContain(type);
    Set<SqlType> expected = switch (type) {
      case SMALLINT -> EnumSet.of(SqlType.INT, SqlType.BIGINT, SqlType.DECIMAL);
      case INT -> EnumSet.of(SqlType.BIGINT, SqlType.DECIMAL);
      case BIGINT -> EnumSet.of(SqlType.DECIMAL);
      case VARCHAR -> EnumSet.of(SqlType.TEXT);
      default -> EnumSet.noneOf(SqlType.class);
    };
    assertThat(wider).isEqualTo(expected);
  }
}
