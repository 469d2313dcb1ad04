package io.github.authspec.plugin.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.model.Column;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import io.github.authspec.model.diagnostics.Reporter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated repository of a spec against a real PostgreSQL with its generated V1 applied.
 * Driven by the model through reflection: a row with every column set (distinct values per
 * column, so a swapped or mis-mapped column fails the equality), a row with every nullable
 * column null, update, lookups by unique and foreign-key columns, paging, count and delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryRoundTripTest {
  @TempDir Path dir;

  @TestFactory
  @DisplayName("every table of the full spec round-trips through its repository")
  Stream<DynamicTest> fullSpec() throws Exception {
    return tests(Specs.FULL, "repos_full");
  }

  @TestFactory
  @DisplayName("reserved words, Java keywords, arrays, UUID, DATE, TIME and FK cycles round-trip")
  Stream<DynamicTest> edgeCases() throws Exception {
    return tests(Specs.EDGE_CASES, "repos_edge");
  }

  /**
   * The proof that the round trip notices a mis-mapped column: the generated UserRepository with
   * the reads of two VARCHAR columns swapped compiles, and the users round trip fails.
   */
  @Test
  @DisplayName("a single mis-mapped column fails the round trip")
  void misMappedColumnFails() throws Exception {
    GenerationRequest request = Specs.project(Specs.FULL, dir.resolve("mutant"));
    List<GeneratedFile> files = Specs.plan(request).stream()
        .map(f -> f.path().endsWith("/repository/UserRepository.java") ? swapTwoReads(f) : f)
        .toList();
    Fixture fixture = fixture(Specs.FULL, "repos_mutant", request, files);
    Table users = fixture.spec.database().table("users").orElseThrow();
    fixture.seed();
    assertThatThrownBy(() -> fixture.roundTrip(users)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("every column set");
  }

  /** Swaps the column positions of the first two {@code rs.getString(n)} reads. */
  private static GeneratedFile swapTwoReads(GeneratedFile file) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("rs\\.getString\\(([0-9]+)\\)").matcher(file.text());
    List<String> positions = new ArrayList<>();
    while (m.find() && positions.size() < 2) {
      positions.add(m.group(1));
    }
    assertThat(positions).as("two String reads in " + file.path()).hasSize(2);
    String a = "rs.getString(" + positions.get(0) + ")";
    String b = "rs.getString(" + positions.get(1) + ")";
    String text = file.text().replace(a, "@SWAP@").replace(b, a).replace("@SWAP@", b);
    assertThat(text).isNotEqualTo(file.text());
    return GeneratedFile.text(file.root(), file.path(), text);
  }

  private Stream<DynamicTest> tests(String specName, String database) throws Exception {
    GenerationRequest request = Specs.project(specName, dir.resolve(specName));
    Fixture fixture = fixture(specName, database, request, Specs.plan(request));
    fixture.seed();
    return fixture.spec.database().tables().stream().map(t -> DynamicTest.dynamicTest(t.name(),
        () -> fixture.roundTrip(t)));
  }

  private Fixture fixture(String specName, String database, GenerationRequest request,
      List<GeneratedFile> files) throws Exception {
    ClassLoader loader = GeneratedSources.compile(files, dir.resolve(database + "-build"));
    DataSource db = PostgresServer.freshDatabase(database);
    files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
        .forEach(f -> Catalog.applyGenerated(db, f.text()));
    Spec spec = Specs.load(specName);
    return new Fixture(spec, new Naming(spec, request, new Reporter("x")), loader, db);
  }

  /** Builds rows by reflection and checks each repository operation. */
  @SuppressWarnings("unchecked")
  private static final class Fixture {
    private final Spec spec;
    private final Naming naming;
    private final ClassLoader loader;
    private final DataSource db;
    private final Map<String, Object> seedIds = new HashMap<>();
    private int counter;

    Fixture(Spec spec, Naming naming, ClassLoader loader, DataSource db) {
      this.spec = spec;
      this.naming = naming;
      this.loader = loader;
      this.db = db;
    }

    /** One minimal row per table, parents first, so every foreign key has a target. */
    void seed() throws Exception {
      List<Table> pending = new ArrayList<>(spec.database().tables());
      while (!pending.isEmpty()) {
        Table next = pending.stream().filter(this::parentsSeeded).findFirst()
            .orElseThrow(() -> new AssertionError("NOT NULL foreign keys form a cycle"));
        Object row = repository(next, "insert", entity(next)).invoke(repo(next),
            row(next, false));
        seedIds.put(next.name(), component(row, next.primaryKey()));
        pending.remove(next);
      }
    }

    private boolean parentsSeeded(Table t) {
      return t.foreignKeys().stream().allMatch(fk -> fk.source().nullable()
          || fk.target().table() == t || seedIds.containsKey(fk.target().table().name()));
    }

    void roundTrip(Table table) throws Exception {
      Object repo = repo(table);
      Class<?> entity = entity(table);
      Column pk = table.primaryKey();

      Object full = row(table, true);
      Object stored = call(repo, "insert", entity, full);
      assertThat(stored).as("every column set, read back from INSERT ... RETURNING")
          .isEqualTo(full);
      Object id = component(stored, pk);
      assertThat(call(repo, "findById", pkType(table), id))
          .isEqualTo(Optional.of(full));

      Object sparse = row(table, false);
      Object storedSparse = call(repo, "insert", entity, sparse);
      for (Column c : table.columns()) {
        Object value = component(storedSparse, c);
        if (c.primaryKey() || c.defaultValue().isPresent() || !c.nullable()) {
          assertThat(value).as(c.qualifiedName() + " is set").isNotNull();
        } else if (c.foreignKey().isEmpty() || c.foreignKey().get().source().nullable()) {
          assertThat(value).as(c.qualifiedName() + " stays null").isNull();
        }
      }
      Object sparseId = component(storedSparse, pk);

      Object changed = withChangedColumn(table, storedSparse);
      assertThat(call(repo, "update", entity, changed)).isEqualTo(true);
      assertThat(call(repo, "findById", pkType(table), sparseId))
          .isEqualTo(Optional.of(changed));

      for (Column c : table.columns()) {
        if (c.primaryKey()) {
          continue;
        }
        String finder = naming.finderName(c);
        Class<?> type = boxed(c);
        if (c.unique()) {
          assertThat(call(repo, finder, type, component(full, c)))
              .as(finder).isEqualTo(Optional.of(full));
        } else if (c.foreignKey().isPresent()) {
          assertThat((List<Object>) call(repo, finder, type, component(full, c)))
              .as(finder).contains(full);
        }
      }

      assertThat((long) call(repo, "count")).isGreaterThanOrEqualTo(2);
      assertThat((List<Object>) call(repo, "findAll", int.class, long.class, 1, 0L)).hasSize(1);
      assertThat((List<Object>) call(repo, "findAll", int.class, long.class, 1000, 0L))
          .contains(full, changed);
      assertThat(call(repo, "insertAll", List.class, List.of(row(table, false),
          row(table, false)))).isEqualTo(2);
      assertThat(call(repo, "existsById", pkType(table), sparseId)).isEqualTo(true);
      assertThat(call(repo, "deleteById", pkType(table), sparseId)).isEqualTo(true);
      assertThat(call(repo, "existsById", pkType(table), sparseId)).isEqualTo(false);
      assertThat(call(repo, "findById", pkType(table), sparseId)).isEqualTo(Optional.empty());
    }

    /** A row: {@code full} sets every column; otherwise only what NOT NULL requires. */
    private Object row(Table table, boolean full) throws Exception {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Column c : table.columns()) {
        boolean needed = !c.nullable() && !c.autoIncrement() && c.defaultValue().isEmpty();
        Object v = null;
        if (c.foreignKey().isPresent()) {
          v = full || needed ? parent(c) : null;
        } else if (full || needed) {
          v = value(c);
        }
        values.put(c.name(), v);
      }
      return construct(table, values);
    }

    /** The seed row of the referenced table; a one-to-one (unique) key gets a new parent. */
    private Object parent(Column c) throws Exception {
      Table target = c.foreignKey().get().target().table();
      if (!c.unique() || !seedIds.containsKey(target.name())) {
        return seedIds.get(target.name());
      }
      Object parent = repository(target, "insert", entity(target)).invoke(repo(target),
          row(target, false));
      return component(parent, target.primaryKey());
    }

    private Object withChangedColumn(Table table, Object row) throws Exception {
      Map<String, Object> values = new LinkedHashMap<>();
      boolean changed = false;
      for (Column c : table.columns()) {
        Object v = component(row, c);
        if (!changed && !c.primaryKey() && c.foreignKey().isEmpty()) {
          v = value(c);
          changed = true;
        }
        values.put(c.name(), v);
      }
      return construct(table, values);
    }

    /** A distinct value of the column's type, within its size, precision and scale. */
    private Object value(Column c) {
      int n = ++counter;
      Object one = switch (c.type()) {
        case SMALLINT -> (short) (n % 30000);
        case INT -> 100_000 + n;
        case BIGINT -> 10_000_000L + n;
        case DECIMAL -> BigDecimal.valueOf(n % 1000).setScale(c.scale().orElse(0));
        case BOOLEAN -> n % 2 == 0;
        case VARCHAR -> text(n, c.size().orElse(255));
        case TEXT -> "text " + n + " with 'quotes' and \u00e9";
        case DATE -> LocalDate.of(2020, 1, 1).plusDays(n);
        case TIME -> LocalTime.of(1, 2, 3).plusSeconds(n);
        case TIMESTAMP -> LocalDateTime.of(2021, 2, 3, 4, 5, 6, 123_000).plusSeconds(n);
        case UUID -> new UUID(42, n);
      };
      if (c.array()) {
        List<Object> list = new ArrayList<>();
        list.add(one);
        list.add(null);
        list.add(one);
        return list;
      }
      return one;
    }

    private static String text(int n, int size) {
      String s = "v" + Integer.toString(n, 36) + "-abcdefghijklmnopqrstuvwxyz";
      return s.substring(0, Math.min(size, s.length()));
    }

    private Object construct(Table table, Map<String, Object> values) throws Exception {
      Class<?> entity = entity(table);
      RecordComponent[] components = entity.getRecordComponents();
      Class<?>[] types = Stream.of(components).map(RecordComponent::getType)
          .toArray(Class<?>[]::new);
      Constructor<?> ctor = entity.getDeclaredConstructor(types);
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        Column c = table.columns().get(i);
        assertThat(components[i].getName()).isEqualTo(naming.memberName(c));
        Object v = values.get(c.name());
        if (v == null && types[i].isPrimitive()) {
          throw new AssertionError(c.qualifiedName() + " is primitive but has no value");
        }
        args[i] = v;
      }
      return ctor.newInstance(args);
    }

    private Object component(Object row, Column c) throws Exception {
      return row.getClass().getMethod(naming.memberName(c)).invoke(row);
    }

    private Class<?> pkType(Table table) {
      Class<?> boxed = boxed(table.primaryKey());
      return boxed == Long.class ? long.class : boxed == Integer.class ? int.class
          : boxed == Short.class ? short.class : boxed;
    }

    private Class<?> boxed(Column c) {
      return switch (c.type()) {
        case SMALLINT -> Short.class;
        case INT -> Integer.class;
        case BIGINT -> Long.class;
        case DECIMAL -> BigDecimal.class;
        case BOOLEAN -> Boolean.class;
        case VARCHAR, TEXT -> String.class;
        case DATE -> LocalDate.class;
        case TIME -> LocalTime.class;
        case TIMESTAMP -> LocalDateTime.class;
        case UUID -> UUID.class;
      };
    }

    private Class<?> entity(Table table) throws ClassNotFoundException {
      return loader.loadClass(naming.entityPackage() + "." + naming.entityName(table));
    }

    private Object repo(Table table) throws Exception {
      return loader.loadClass(naming.repositoryPackage() + "." + naming.repositoryName(table))
          .getConstructor(DataSource.class).newInstance(db);
    }

    private Method repository(Table table, String name, Class<?>... types) throws Exception {
      return repo(table).getClass().getMethod(name, types);
    }

    private static Object call(Object repo, String name, Object... typesThenArgs)
        throws Exception {
      int half = typesThenArgs.length / 2;
      Class<?>[] types = new Class<?>[half];
      Object[] args = new Object[half];
      for (int i = 0; i < half; i++) {
        types[i] = (Class<?>) typesThenArgs[i];
        args[i] = typesThenArgs[half + i];
      }
      try {
        return repo.getClass().getMethod(name, types).invoke(repo, args);
      } catch (InvocationTargetException e) {
        throw new AssertionError(name + " failed: " + e.getCause(), e.getCause());
      }
    }
  }

}
