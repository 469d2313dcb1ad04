package io.github.authspec.plugin.sql;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.meta.CheckConstraintDefinition;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.DataTypeDefinition;
import org.jooq.meta.ForeignKeyDefinition;
import org.jooq.meta.IndexColumnDefinition;
import org.jooq.meta.IndexDefinition;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.UniqueKeyDefinition;
import org.jooq.meta.postgres.PostgresDatabase;

/**
 * Drift: the schema the migrations build (every versioned file, interpreted by jOOQ) against a
 * live PostgreSQL schema read by jooq-meta's {@link PostgresDatabase}, over a connection set
 * read-only before anything is read. Flyway's own history table is not part of the schema.
 */
public final class Drift {
  private static final Set<String> IGNORED = Set.of("flyway_schema_history");
  private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES);

  private Drift() {}

  /** The differences and the migration statements jOOQ could not read (located). */
  public record Report(List<String> differences, List<String> unread) {}

  public static Report compare(Path migrations, Connection connection, String schema)
      throws IOException, SQLException {
    MigrationFiles files = MigrationFiles.read(migrations);
    MigrationInterpreter.Result built = new MigrationInterpreter().interpret(files);
    List<String> unread = built.skipped().stream()
        .map(s -> migrations.resolve(s.file()) + ":" + s.line() + ": " + s.reason()).toList();
    SchemaFacts expected = expected(built.meta());
    SchemaFacts actual = live(connection, schema);
    return new Report(SchemaFacts.differences(expected, actual), unread);
  }

  /**
   * Compares the migrations with the database at {@code url}, connecting through the PostgreSQL
   * driver the user put on the plugin's classpath.
   *
   * @throws ClassNotFoundException when the driver is not on the plugin's classpath
   */
  public static Report compare(Path migrations, String url, String user, String password,
      String schema) throws IOException, SQLException, ClassNotFoundException {
    java.sql.Driver driver;
    try {
      driver = (java.sql.Driver) Class.forName("org.postgresql.Driver", true,
          Drift.class.getClassLoader()).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ClassNotFoundException("org.postgresql.Driver", e);
    }
    java.util.Properties props = new java.util.Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("readOnly", "true");
    try (Connection c = driver.connect(url, props)) {
      if (c == null) {
        throw new SQLException("not a PostgreSQL JDBC URL: " + url);
      }
      return compare(migrations, c, schema);
    }
  }

  /** Read-only before the first query: the drift check must not be able to change anything. */
  static void readOnly(Connection connection) throws SQLException {
    connection.setReadOnly(true);
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    }
  }

  static SchemaFacts expected(Meta meta) {
    SchemaFacts facts = new SchemaFacts();
    for (Table<?> t : meta.getTables()) {
      String table = t.getName();
      facts.table(table);
      for (Field<?> f : t.fields()) {
        DataType<?> d = f.getDataType();
        DataType<?> e = d.isArray() ? d.getArrayComponentDataType() : d;
        String def = d.defaulted() && d.defaultValue() != null
            ? DSL_CONTEXT.render(d.defaultValue()) : null;
        facts.column(table, f.getName(), SchemaFacts.type(e.getTypeName(),
            e.hasLength() ? e.length() : 0, e.hasPrecision() ? e.precision() : 0,
            e.hasScale() ? e.scale() : 0, d.isArray()), d.nullable(), def, d.identity());
      }
      UniqueKey<?> pk = t.getPrimaryKey();
      if (pk != null) {
        facts.primaryKey(table, pk.getName(), names(pk.getFields()));
      }
      for (UniqueKey<?> u : t.getUniqueKeys()) {
        if (!u.isPrimary()) {
          facts.unique(table, u.getName(), names(u.getFields()));
        }
      }
      for (ForeignKey<?, ?> fk : t.getReferences()) {
        facts.foreignKey(table, fk.getName(), names(fk.getFields()),
            fk.getKey().getTable().getName(), names(fk.getKeyFields()));
      }
      for (Index i : t.getIndexes()) {
        List<String> cols = new ArrayList<>();
        for (SortField<?> s : i.getFields()) {
          cols.add(s.getName());
        }
        facts.index(table, i.getName(), cols, i.getUnique());
      }
      t.getChecks().forEach(c -> facts.check(table, c.getName()));
    }
    return facts;
  }

  static SchemaFacts live(Connection connection, String schemaName) throws SQLException {
    readOnly(connection);
    SchemaFacts facts = new SchemaFacts();
    try (PostgresDatabase db = new PostgresDatabase()) {
      db.setConnection(connection);
      db.setIncludes(new String[] {".*"});
      db.setExcludes(new String[0]);
      db.setIncludeSequences(false);
      db.setConfiguredSchemata(List.of(
          new org.jooq.meta.jaxb.SchemaMappingType().withInputSchema(schemaName)));
      SchemaDefinition schema = db.getSchemata().stream()
          .filter(s -> s.getName().equals(schemaName)).findFirst()
          .orElseThrow(() -> new SQLException("the database has no schema " + schemaName));
      for (TableDefinition t : db.getTables(schema)) {
        String table = t.getName();
        if (IGNORED.contains(table) || t.isView() || t.isMaterializedView()) {
          continue;
        }
        facts.table(table);
        for (ColumnDefinition c : t.getColumns()) {
          DataTypeDefinition d = c.getType();
          facts.column(table, c.getName(), SchemaFacts.type(d.getType(), d.getLength(),
              d.getPrecision(), d.getScale(), d.isArray()), d.isNullable(),
              d.isDefaulted() && !c.isIdentity() ? d.getDefaultValue() : null, c.isIdentity());
        }
        UniqueKeyDefinition pk = t.getPrimaryKey();
        Set<String> constraintIndexes = new java.util.HashSet<>();
        if (pk != null) {
          facts.primaryKey(table, pk.getName(), columnNames(pk.getKeyColumns()));
          constraintIndexes.add(pk.getName());
        }
        for (UniqueKeyDefinition u : t.getUniqueKeys()) {
          facts.unique(table, u.getName(), columnNames(u.getKeyColumns()));
          constraintIndexes.add(u.getName());
        }
        for (ForeignKeyDefinition fk : t.getForeignKeys()) {
          facts.foreignKey(table, fk.getName(), columnNames(fk.getKeyColumns()),
              fk.getReferencedTable().getName(), columnNames(fk.getReferencedColumns()));
        }
        for (IndexDefinition i : t.getIndexes()) {
          if (constraintIndexes.contains(i.getName())) {
            continue; // the index behind a primary key or unique constraint
          }
          List<String> cols = new ArrayList<>();
          for (IndexColumnDefinition c : i.getIndexColumns()) {
            cols.add(c.getName());
          }
          facts.index(table, i.getName(), cols, i.isUnique());
        }
        for (CheckConstraintDefinition c : t.getCheckConstraints()) {
          facts.check(table, c.getName());
        }
      }
    }
    return facts;
  }

  private static List<String> names(List<? extends TableField<?, ?>> fields) {
    return fields.stream().map(Field::getName).toList();
  }

  private static List<String> columnNames(List<ColumnDefinition> columns) {
    return columns.stream().map(ColumnDefinition::getName).toList();
  }
}
