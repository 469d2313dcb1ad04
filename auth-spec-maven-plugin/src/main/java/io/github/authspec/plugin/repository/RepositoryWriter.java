package io.github.authspec.plugin.repository;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.SupportType;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.types.TypeMapping;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Writes one repository; its {@link #repository()} reads like the class's outline. Each
 * operation comes in two forms (see {@link #pair}); the row statements are {@link RowStatements}.
 */
final class RepositoryWriter extends RepositoryCode {
  private static final ClassName CONNECTION = ClassName.get(Connection.class);
  private final RowStatements rows;

  RepositoryWriter(Table table, Naming naming, TimestampType timestamps) {
    super(table, naming, timestamps);
    this.rows = new RowStatements(table, naming, timestamps);
  }

  TypeSpec repository() {
    TypeSpec.Builder type = TypeSpec.classBuilder(naming.repositoryName(table))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Reads and writes {@link $T} rows of table {@code $L}.\n\n"
            + "<p>Each operation has an overload taking a {@link $T}: it runs in the caller's "
            + "transaction and leaves the connection open. Errors are {@link $T}s.\n", entity,
            table.name(), CONNECTION, naming.support(SupportType.REPOSITORY_EXCEPTION))
        .addField(constant("TABLE", naming.sqlIdentifier(table.name())))
        .addField(constant("COLUMNS", columnList()))
        .addField(constant("SELECT", "SELECT " + columnList() + " FROM "
            + naming.sqlIdentifier(table.name())))
        .addFields(rows.insertConstants())
        .addField(DataSource.class, "dataSource", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(constructor());
    pair(type, insert());
    pair(type, insertAll());
    pair(type, findById());
    pair(type, existsById());
    pair(type, update());
    pair(type, deleteById());
    pair(type, count());
    pair(type, findAll());
    for (Column c : table.columns()) {
      if (c.primaryKey()) {
        continue;
      }
      if (c.unique()) {
        pair(type, findByUnique(c));
      } else if (c.foreignKey().isPresent()) {
        pair(type, findByForeignKey(c));
      }
    }
    return type.addMethod(rows.insertStatement()).addMethod(rows.mapRow()).build();
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("@param dataSource where connections come from\n")
        .addParameter(DataSource.class, "dataSource")
        .addStatement("this.dataSource = $T.requireNonNull(dataSource, $S)", Objects.class,
            "dataSource").build();
  }

  /** One operation in two public forms: on the DataSource, and on a caller's Connection. */
  private record Operation(String name, TypeName returns, List<ParameterSpec> params,
      String doc, CodeBlock body) {}

  private void pair(TypeSpec.Builder type, Operation op) {
    String args = String.join(", ", op.params().stream().map(p -> p.name()).toList());
    String lambdaArgs = args.isEmpty() ? "" : ", " + args;
    type.addMethod(MethodSpec.methodBuilder(op.name()).addModifiers(Modifier.PUBLIC)
        .addJavadoc(op.doc()).addParameters(op.params()).returns(op.returns())
        .addStatement("return $T.withConnection(dataSource, c -> $N(c$L))", support,
            op.name(), lambdaArgs).build());
    type.addMethod(MethodSpec.methodBuilder(op.name()).addModifiers(Modifier.PUBLIC)
        .addJavadoc(withConnectionParam(op.doc()))
        .addParameter(CONNECTION, "connection").addParameters(op.params())
        .returns(op.returns())
        .addCode("return $T.onConnection(connection, c -> {\n$>", support)
        .addCode(op.body())
        .addCode("$<});\n").build());
  }

  /** The doc with {@code @param connection} as its first tag. */
  private static String withConnectionParam(String doc) {
    int firstTag = doc.indexOf("\n@");
    return doc.substring(0, firstTag + 1) + "@param connection the caller's connection, left "
        + "open\n" + doc.substring(firstTag + 1);
  }

  private ParameterSpec rowParam() {
    return ParameterSpec.builder(entity, "row").build();
  }

  private ParameterSpec idParam() {
    return ParameterSpec.builder(TypeMapping.elementType(pk.type()), "id").build();
  }

  private Operation insert() {
    CodeBlock body = CodeBlock.builder()
        .addStatement("$T.Insert insert = insertStatement(row)", support)
        .addStatement("return $T.one(c, insert.returning(), insert.bindings(), $T::map)",
            support, self())
        .build();
    return new Operation("insert", entity, List.of(rowParam()),
        "Inserts a row. Null components of columns the database generates or defaults are "
            + "left to the database.\n\n@param row the row\n@return the row as stored, with "
            + "generated keys and defaults\n", body);
  }

  private Operation insertAll() {
    CodeBlock body = CodeBlock.builder()
        .addStatement("$T<$T.Insert> inserts = new $T<>()", List.class, support,
            ArrayList.class)
        .beginControlFlow("for ($T row : rows)", entity)
        .addStatement("inserts.add(insertStatement(row))")
        .endControlFlow()
        .addStatement("return $T.batch(c, inserts)", support).build();
    return new Operation("insertAll", TypeName.INT,
        List.of(ParameterSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class),
            entity), "rows").build()),
        "Inserts rows in JDBC batches.\n\n@param rows the rows\n@return how many rows were "
            + "inserted\n", body);
  }

  private Operation findById() {
    return new Operation("findById", optional(entity), List.of(idParam()),
        "Finds the row with this primary key.\n\n@param id the primary key\n@return the row, "
            + "if there is one\n",
        CodeBlock.builder().addStatement("return $T.ofNullable($T.one(c, SELECT + $S, "
                + "$T.of($L), $T::map))", Optional.class, support, where(pk), List.class,
            bindingOf(pk, CodeBlock.of("id")), self()).build());
  }

  private Operation existsById() {
    return new Operation("existsById", TypeName.BOOLEAN, List.of(idParam()),
        "Whether a row with this primary key exists.\n\n@param id the primary key\n"
            + "@return true if it exists\n",
        CodeBlock.builder().addStatement("return $T.one(c, $S, $T.of($L), rs -> 1) != null",
            support, "SELECT 1 FROM " + naming.sqlIdentifier(table.name()) + where(pk),
            List.class, bindingOf(pk, CodeBlock.of("id"))).build());
  }

  private Operation update() {
    List<String> sets = new ArrayList<>();
    CodeBlock.Builder bindings = CodeBlock.builder();
    for (Column c : table.columns()) {
      if (!c.primaryKey()) {
        sets.add(naming.sqlIdentifier(c.name()) + " = ?");
        bindings.add("$L,\n", bindingOf(c, CodeBlock.of("row.$N()", naming.memberName(c))));
      }
    }
    bindings.add("$L", bindingOf(pk, CodeBlock.of("row.$N()", naming.memberName(pk))));
    if (sets.isEmpty()) {
      return new Operation("update", TypeName.BOOLEAN, List.of(rowParam()),
          "Updates nothing: the table has no column but its key.\n\n@param row the row\n"
              + "@return whether the row exists\n",
          CodeBlock.builder().addStatement("return existsById(c, row.$N())",
              naming.memberName(pk)).build());
    }
    String sql = "UPDATE " + naming.sqlIdentifier(table.name()) + " SET "
        + String.join(", ", sets) + where(pk);
    return new Operation("update", TypeName.BOOLEAN, List.of(rowParam()),
        "Updates every column of the row with this row's primary key.\n\n@param row the "
            + "row\n@return whether a row was updated\n",
        CodeBlock.builder().addStatement("return $T.update(c, $S, $T.of(\n$>$L$<)) == 1",
            support, sql, List.class, bindings.build()).build());
  }

  private Operation deleteById() {
    return new Operation("deleteById", TypeName.BOOLEAN, List.of(idParam()),
        "Deletes the row with this primary key.\n\n@param id the primary key\n@return "
            + "whether a row was deleted\n",
        CodeBlock.builder().addStatement("return $T.update(c, $S, $T.of($L)) == 1", support,
            "DELETE FROM " + naming.sqlIdentifier(table.name()) + where(pk), List.class,
            bindingOf(pk, CodeBlock.of("id"))).build());
  }

  private Operation count() {
    return new Operation("count", TypeName.LONG, List.of(),
        "Counts the rows.\n\n@return the number of rows\n",
        CodeBlock.builder().addStatement("return $T.one(c, $S, $T.of(), rs -> rs.getLong(1))",
            support, "SELECT count(*) FROM " + naming.sqlIdentifier(table.name()), List.class)
            .build());
  }

  private Operation findAll() {
    return new Operation("findAll", listOf(entity), List.of(
        ParameterSpec.builder(TypeName.INT, "limit").build(),
        ParameterSpec.builder(TypeName.LONG, "offset").build()),
        "One page of rows in primary-key order.\n\n@param limit the page size\n"
            + "@param offset how many rows to skip\n@return the rows of the page\n",
        CodeBlock.builder().addStatement("return $T.list(c, SELECT + $S, $T.of(\n$>"
                + "new $T(limit, $T.INTEGER, null),\nnew $T(offset, $T.BIGINT, null)$<), "
                + "$T::map)", support, orderBy() + " LIMIT ? OFFSET ?", List.class, binding,
            java.sql.Types.class, binding, java.sql.Types.class, self()).build());
  }

  private Operation findByUnique(Column c) {
    String m = naming.memberName(c);
    return new Operation(naming.finderName(c), optional(entity),
        List.of(ParameterSpec.builder(TypeMapping.elementType(c.type(), timestamps).box(), m)
            .build()),
        "Finds the row whose unique {@code " + c.name() + "} is this value.\n\n@param " + m
            + " the value\n@return the row, if there is one\n",
        CodeBlock.builder().addStatement("return $T.ofNullable($T.one(c, SELECT + $S, "
                + "$T.of($L), $T::map))", Optional.class, support, where(c), List.class,
            bindingOf(c, CodeBlock.of("$N", m)), self()).build());
  }

  private Operation findByForeignKey(Column c) {
    String m = naming.memberName(c);
    return new Operation(naming.finderName(c), listOf(entity),
        List.of(ParameterSpec.builder(TypeMapping.elementType(c.type(), timestamps).box(), m)
            .build()),
        "Finds the rows whose {@code " + c.name() + "} references this {@code "
            + c.foreignKey().get().target().qualifiedName() + "}, in primary-key order.\n\n"
            + "@param " + m + " the referenced value\n@return the rows\n",
        CodeBlock.builder().addStatement("return $T.list(c, SELECT + $S, $T.of($L), $T::map)",
            support, where(c) + orderBy(), List.class, bindingOf(c, CodeBlock.of("$N", m)),
            self()).build());
  }

  private static TypeName optional(TypeName t) {
    return ParameterizedTypeName.get(ClassName.get(Optional.class), t);
  }

  private static TypeName listOf(TypeName t) {
    return ParameterizedTypeName.get(ClassName.get(List.class), t);
  }
}
