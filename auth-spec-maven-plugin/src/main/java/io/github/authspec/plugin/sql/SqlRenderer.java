package io.github.authspec.plugin.sql;

import io.github.authspec.model.DefaultValue;
import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.sql.SchemaState.ColumnState;
import io.github.authspec.plugin.sql.SchemaState.ForeignKeyState;
import io.github.authspec.plugin.sql.SchemaState.TableState;
import io.github.authspec.plugin.types.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Constraint;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders schema changes as PostgreSQL DDL through jOOQ's DDL API. Names are always quoted, so
 * reserved words ({@code order}, {@code user}, ...) need no special case; check conditions are
 * parsed by jOOQ and rendered back, never pasted. The one statement jOOQ's open-source API cannot
 * build, an index with an access method, is a template over jOOQ-rendered names and a method
 * from an enum.
 */
final class SqlRenderer {
  static {
    // jOOQ prints a banner and tips through the build log unless told not to.
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
  }

  private final DSLContext dsl;

  SqlRenderer() {
    Settings settings = new Settings()
        .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
        .withRenderKeywordCase(RenderKeywordCase.UPPER)
        .withRenderFormatted(true)
        .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE);
    this.dsl = DSL.using(SQLDialect.POSTGRES, settings);
  }

  /**
   * Statements separated by blank lines, each ending in ';'. That jOOQ's parser reads every
   * statement back (later builds and the drift goal replay these files through it) is proved in
   * tests, on every migration they apply to PostgreSQL ({@code Catalog.applyGenerated}), not at
   * each build: the parser's cold start cost ~250 ms of CPU in every build writing a migration.
   */
  String render(List<Query> queries) {
    StringBuilder out = new StringBuilder();
    for (Query q : queries) {
      out.append(dsl.render(q).strip()).append(";\n\n");
    }
    return out.toString().stripTrailing() + "\n";
  }

  Query createTable(TableState table) {
    List<Constraint> constraints = new ArrayList<>();
    constraints.add(DSL.constraint(DSL.name(table.primaryKeyName()))
        .primaryKey(field(table.primaryKey().name())));
    for (ColumnState c : table.columns()) {
      if (c.uniqueName() != null) {
        constraints.add(unique(c));
      }
      if (c.checkName() != null) {
        constraints.add(check(c));
      }
    }
    var create = dsl.createTable(DSL.name(table.name()));
    var withColumns = create.column(DSL.name(table.columns().get(0).name()),
        dataType(table.columns().get(0)));
    for (ColumnState c : table.columns().subList(1, table.columns().size())) {
      withColumns = withColumns.column(DSL.name(c.name()), dataType(c));
    }
    return withColumns.constraints(constraints);
  }

  /** Index, comments: what follows a table's creation. */
  List<Query> tableExtras(TableState table) {
    List<Query> out = new ArrayList<>();
    for (ColumnState c : table.columns()) {
      if (c.indexName() != null) {
        out.add(createIndex(table.name(), c));
      }
    }
    for (ColumnState c : table.columns()) {
      if (c.comment() != null) {
        out.add(comment(table.name(), c));
      }
    }
    return out;
  }

  Query createIndex(String table, ColumnState c) {
    if ("BTREE".equals(c.indexMethod())) {
      return dsl.createIndex(DSL.name(c.indexName())).on(DSL.table(DSL.name(table)),
          field(c.name()));
    }
    return DSL.query("CREATE INDEX {0} ON {1} USING "
            + c.indexMethod().toLowerCase(Locale.ROOT) + " ({2})",
        DSL.name(c.indexName()), DSL.name(table), DSL.name(c.name()));
  }

  Query dropIndex(String name) {
    return dsl.dropIndex(DSL.name(name));
  }

  Query comment(String table, ColumnState c) {
    return dsl.commentOnColumn(DSL.name(table, c.name())).is(c.comment() == null ? "" : c.comment());
  }

  Query addForeignKey(String table, ColumnState c) {
    ForeignKeyState fk = c.foreignKey();
    ConstraintForeignKeyOnStep step = DSL.constraint(DSL.name(fk.name()))
        .foreignKey(field(c.name()))
        .references(DSL.table(DSL.name(fk.table())), field(fk.column()));
    step = switch (fk.onDelete()) {
      case "CASCADE" -> step.onDeleteCascade();
      case "RESTRICT" -> step.onDeleteRestrict();
      case "SET NULL" -> step.onDeleteSetNull();
      case "SET DEFAULT" -> step.onDeleteSetDefault();
      default -> step;
    };
    step = switch (fk.onUpdate()) {
      case "CASCADE" -> step.onUpdateCascade();
      case "RESTRICT" -> step.onUpdateRestrict();
      case "SET NULL" -> step.onUpdateSetNull();
      case "SET DEFAULT" -> step.onUpdateSetDefault();
      default -> step;
    };
    return dsl.alterTable(DSL.name(table)).add(step);
  }

  Query addColumn(String table, ColumnState c) {
    return dsl.alterTable(DSL.name(table)).addColumn(DSL.name(c.name()), dataType(c));
  }

  Query dropColumn(String table, String column) {
    return dsl.alterTable(DSL.name(table)).dropColumn(DSL.name(column));
  }

  Query renameColumn(String table, String from, String to) {
    return dsl.alterTable(DSL.name(table)).renameColumn(DSL.name(from)).to(DSL.name(to));
  }

  Query renameTable(String from, String to) {
    return dsl.alterTable(DSL.name(from)).renameTo(DSL.name(to));
  }

  Query dropTable(String table) {
    return dsl.dropTable(DSL.name(table)).cascade();
  }

  Query alterType(String table, ColumnState c) {
    return dsl.alterTable(DSL.name(table)).alterColumn(DSL.name(c.name()))
        .set(baseType(c));
  }

  /**
   * A change between {@code timestamp} and {@code timestamptz} that reads the stored values as
   * UTC. jOOQ neither builds nor parses {@code USING}: a template over jOOQ-rendered parts (the
   * tests' read-back check reads it without the {@code USING} clause).
   */
  Query alterTypeAtUtc(String table, ColumnState c) {
    return DSL.query("{0} USING {1} AT TIME ZONE 'UTC'", alterType(table, c),
        DSL.name(c.name()));
  }

  Query setNotNull(String table, String column, boolean notNull) {
    var alter = dsl.alterTable(DSL.name(table)).alterColumn(DSL.name(column));
    return notNull ? alter.setNotNull() : alter.dropNotNull();
  }

  Query setDefault(String table, ColumnState c) {
    var alter = dsl.alterTable(DSL.name(table)).alterColumn(DSL.name(c.name()));
    return c.hasDefault() ? alter.setDefault(defaultValue(c)) : alter.dropDefault();
  }

  Query addConstraint(String table, Constraint constraint) {
    return dsl.alterTable(DSL.name(table)).add(constraint);
  }

  Query dropConstraint(String table, String name) {
    return dsl.alterTable(DSL.name(table)).dropConstraint(DSL.name(name));
  }

  Constraint unique(ColumnState c) {
    return DSL.constraint(DSL.name(c.uniqueName())).unique(field(c.name()));
  }

  Constraint check(ColumnState c) {
    return DSL.constraint(DSL.name(c.checkName()))
        .check(dsl.parser().parseCondition(c.check()));
  }

  private DataType<?> dataType(ColumnState c) {
    DataType<?> type = baseType(c).nullable(c.nullable() && !c.primaryKey());
    if (c.identity()) {
      type = type.identity(true);
    }
    if (c.hasDefault()) {
      type = withDefault(type, defaultValue(c));
    }
    return type;
  }

  @SuppressWarnings("unchecked")
  private static <T> DataType<T> withDefault(DataType<T> type, Field<?> value) {
    return type.defaultValue((Field<T>) value);
  }

  private static DataType<?> baseType(ColumnState c) {
    if (c.withTimeZone()) {
      return TypeMapping.timestampWithTimeZone(c.array());
    }
    return TypeMapping.sqlType(c.sqlType(), c.size(), c.precision(), c.scale(),
        c.array());
  }

  private static Field<?> defaultValue(ColumnState c) {
    return switch (DefaultValue.Kind.valueOf(c.defaultKind())) {
      case STRING -> DSL.inline(c.defaultValue());
      case NUMBER -> DSL.inline(new BigDecimal(c.defaultValue()));
      case BOOLEAN -> DSL.inline(Boolean.parseBoolean(c.defaultValue()));
      // Fixed SQL keywords: nothing from the spec reaches the text.
      case CURRENT_TIMESTAMP -> DSL.field("CURRENT_TIMESTAMP");
      case CURRENT_DATE -> DSL.field("CURRENT_DATE");
      case CURRENT_TIME -> DSL.field("CURRENT_TIME");
    };
  }

  private static Field<Object> field(String name) {
    return DSL.field(DSL.name(name));
  }
}
