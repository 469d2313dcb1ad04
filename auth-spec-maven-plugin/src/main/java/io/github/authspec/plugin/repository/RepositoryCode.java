package io.github.authspec.plugin.repository;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.SupportType;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.types.TypeMapping;
import javax.lang.model.element.Modifier;

/**
 * What the parts of one table's repository share: its names and types, and the SQL fragments
 * and JDBC bindings both the operations and the row statements write.
 */
abstract class RepositoryCode {
  protected final Table table;
  protected final Naming naming;
  protected final ClassName entity;
  protected final ClassName support;
  protected final ClassName binding;
  protected final Column pk;
  protected final TimestampType timestamps;

  RepositoryCode(Table table, Naming naming, TimestampType timestamps) {
    this.table = table;
    this.timestamps = timestamps;
    this.naming = naming;
    this.entity = ClassName.get(naming.entityPackage(), naming.entityName(table));
    this.support = naming.support(SupportType.JDBC_SUPPORT);
    this.binding = support.nestedClass("Binding");
    this.pk = table.primaryKey();
  }

  protected FieldSpec constant(String name, String value) {
    return FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer("$S", value).build();
  }

  protected String columnList() {
    return String.join(", ", table.columns().stream()
        .map(c -> naming.sqlIdentifier(c.name())).toList());
  }

  protected CodeBlock bindingOf(Column c, CodeBlock value) {
    return CodeBlock.of("new $T($L, $T.$L, $S)", binding, value, java.sql.Types.class,
        TypeMapping.jdbcType(c, timestamps),
        TypeMapping.postgresElementName(c.type(), timestamps));
  }

  protected String where(Column c) {
    return " WHERE " + naming.sqlIdentifier(c.name()) + " = ?";
  }

  protected String orderBy() {
    return " ORDER BY " + naming.sqlIdentifier(pk.name());
  }

  protected ClassName self() {
    return ClassName.get(naming.repositoryPackage(), naming.repositoryName(table));
  }
}
