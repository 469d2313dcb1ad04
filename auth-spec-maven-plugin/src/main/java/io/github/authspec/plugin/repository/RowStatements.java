package io.github.authspec.plugin.repository;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.types.TypeMapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The row side of a repository: its INSERT constants and statement (columns the database fills
 * left out when null) and the mapping of a result row to the entity.
 */
final class RowStatements extends RepositoryCode {
  RowStatements(Table table, Naming naming, TimestampType timestamps) {
    super(table, naming, timestamps);
  }

  /** Whether the database fills the column when an insert leaves it out. */
  private static boolean databaseFills(Column c) {
    return c.autoIncrement() || c.defaultValue().isPresent();
  }

  private boolean anyDatabaseFills() {
    return table.columns().stream().anyMatch(RowStatements::databaseFills);
  }

  /**
   * The INSERT SQL as constants: the statement itself when every column is always bound,
   * otherwise the table's {@code Inserts}, which builds one statement per set of columns
   * left to the database, once.
   */
  List<FieldSpec> insertConstants() {
    if (!anyDatabaseFills()) {
      String sql = "INSERT INTO " + naming.sqlIdentifier(table.name()) + " (" + columnList()
          + ") VALUES (" + String.join(", ", table.columns().stream().map(c -> "?").toList())
          + ")";
      return List.of(constant("INSERT", sql),
          constant("INSERT_RETURNING", sql + " RETURNING " + columnList()));
    }
    CodeBlock.Builder names = CodeBlock.builder();
    CodeBlock.Builder fills = CodeBlock.builder();
    String separator = "";
    for (Column c : table.columns()) {
      names.add(separator + "$S", naming.sqlIdentifier(c.name()));
      fills.add(separator + "$L", databaseFills(c));
      separator = ", ";
    }
    return List.of(FieldSpec.builder(support.nestedClass("Inserts"), "INSERTS", Modifier.PRIVATE,
        Modifier.STATIC, Modifier.FINAL).initializer("new $T(TABLE,\n$>$T.of($L),\n$T.of($L),\n"
            + "COLUMNS$<)", support.nestedClass("Inserts"), List.class, names.build(),
            List.class, fills.build()).build());
  }

  /** The INSERT for one row: columns the database fills are left out when null. */
  MethodSpec insertStatement() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("insertStatement")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(support.nestedClass("Insert")).addParameter(entity, "row");
    if (!anyDatabaseFills()) {
      CodeBlock.Builder bindings = CodeBlock.builder();
      String separator = "";
      for (Column c : table.columns()) {
        bindings.add(separator + "$L", bindingOf(c, CodeBlock.of("row.$N()",
            naming.memberName(c))));
        separator = ",\n";
      }
      return m.addStatement("return new $T(INSERT, INSERT_RETURNING, $T.of(\n$>$L$<))",
          support.nestedClass("Insert"), List.class, bindings.build()).build();
    }
    m.addStatement("$T omitted = new $T()", BitSet.class, BitSet.class)
        .addStatement("$T<$T> bindings = new $T<>($L)", List.class, binding, ArrayList.class,
            table.columns().size());
    int filled = 0;
    for (Column c : table.columns()) {
      CodeBlock value = CodeBlock.of("row.$N()", naming.memberName(c));
      if (databaseFills(c)) {
        m.beginControlFlow("if ($L != null)", value)
            .addStatement("bindings.add($L)", bindingOf(c, value))
            .nextControlFlow("else")
            .addStatement("omitted.set($L)", filled++)
            .endControlFlow();
      } else {
        m.addStatement("bindings.add($L)", bindingOf(c, value));
      }
    }
    return m.addStatement("return INSERTS.insert(omitted, bindings)").build();
  }

  /**
   * Columns read with the driver's typed getter: {@code getObject(i, X.class)} dispatches on
   * the type per column and row, which made the generated {@code findById} ~15% slower than
   * hand-written JDBC. Boxed numbers and booleans go through the support class's
   * {@code getX} + {@code wasNull} helpers, which keep SQL NULL as null.
   */
  private static final java.util.Map<TypeName, String> DRIVER_GETTERS = java.util.Map.of(
      ClassName.get(String.class), "getString",
      ClassName.get(java.math.BigDecimal.class), "getBigDecimal");
  private static final java.util.Map<TypeName, String> NULLABLE_GETTERS = java.util.Map.of(
      ClassName.get(Long.class), "longValue",
      ClassName.get(Integer.class), "intValue",
      ClassName.get(Short.class), "shortValue",
      ClassName.get(Boolean.class), "booleanValue");

  MethodSpec mapRow() {
    CodeBlock.Builder args = CodeBlock.builder();
    String separator = "";
    // By position: every query selects COLUMNS, in table order, and a lookup by name costs
    // the driver a name map per result set.
    int index = 1;
    for (Column c : table.columns()) {
      TypeName element = TypeMapping.elementType(c.type(), timestamps).box();
      if (c.array()) {
        args.add(separator + "$T.array(rs, $L, $T.class)", support, index++, element);
      } else if (element.equals(ClassName.get(java.time.Instant.class))) {
        // The driver reads timestamptz as OffsetDateTime, not Instant.
        args.add(separator + "$T.instant(rs, $L)", support, index++);
      } else if (DRIVER_GETTERS.containsKey(element)) {
        args.add(separator + "rs.$L($L)", DRIVER_GETTERS.get(element), index++);
      } else if (NULLABLE_GETTERS.containsKey(element)) {
        args.add(separator + "$T.$L(rs, $L)", support, NULLABLE_GETTERS.get(element), index++);
      } else {
        args.add(separator + "rs.getObject($L, $T.class)", index++, element);
      }
      separator = ",\n";
    }
    return MethodSpec.methodBuilder("map").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(entity).addParameter(ResultSet.class, "rs")
        .addException(SQLException.class)
        .addStatement("return new $T(\n$>$L$<)", entity, args.build()).build();
  }
}
