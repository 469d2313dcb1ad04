package io.github.authspec.plugin.repository;

import io.github.authspec.model.Column;
import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.entity.EntityGenerator;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Figures for docs/performance.md, each next to a baseline measured in the same run: generating the Java
 * sources of the full spec (warm, in memory) against only loading the spec; and the generated
 * {@code UserRepository.insert}/{@code findById} against hand-written JDBC running the same
 * statements on the same open connection. Not a test.
 */
public final class RepositoryBench {
  /** Operations per side and pass; {@code -Dauthspec.bench.rounds} for steadier figures. */
  private static final int ROUNDS = Integer.getInteger("authspec.bench.rounds", 2_000);
  private static final int BLOCK = 50;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("auth-spec-bench");
    GenerationRequest request = Specs.project(Specs.FULL, dir.resolve("p"));
    byte[] spec = Specs.bytes(Specs.FULL);
    if (!(args.length > 0 && args[0].equals("--repository-only"))) {
      generation(request, spec);
    }

    List<GeneratedFile> files = Specs.plan(request);
    ClassLoader loader = GeneratedSources.compile(files, dir.resolve("build"));
    DataSource db = PostgresServer.freshDatabase("bench");
    files.stream().filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
        .forEach(f -> Catalog.apply(db, f.text()));
    Table users = Specs.load(Specs.FULL).database().table("users").orElseThrow();
    String pkg = request.packageName().orElse(Specs.load(Specs.FULL).project().packageName());
    repository(loader, pkg, db, users);
    System.exit(0);
  }

  /** Entities + repositories only (the Java sources of this area), warm, in memory. */
  private static void generation(GenerationRequest request, byte[] spec) {
    Spec model = SpecLoader.load("auth-spec.json", spec).spec().orElseThrow();
    for (int i = 0; i < 30; i++) {
      javaSources(model, request);
      SpecLoader.load("auth-spec.json", spec);
    }
    int n = 100;
    long t0 = System.nanoTime();
    List<GeneratedFile> files = List.of();
    for (int i = 0; i < n; i++) {
      files = javaSources(model, request);
    }
    double generate = (System.nanoTime() - t0) / 1e6 / n;
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      SpecLoader.load("auth-spec.json", spec);
    }
    double load = (System.nanoTime() - t0) / 1e6 / n;
    System.out.printf("generate entities+repositories (full spec): %.1f ms/run, %d Java files;"
        + " baseline load+validate the spec: %.1f ms; ratio %.1fx%n", generate, files.size(),
        load, generate / load);
  }

  private static List<GeneratedFile> javaSources(Spec model, GenerationRequest request) {
    GenerationContext context = new GenerationContext(model, request, new Reporter("bench"));
    List<GeneratedFile> files = new ArrayList<>(new EntityGenerator().generate(context));
    files.addAll(new RepositoryGenerator().generate(context));
    return files;
  }

  private static void repository(ClassLoader loader, String pkg, DataSource db, Table users)
      throws Exception {
    Class<?> entity = loader.loadClass(pkg + ".entity.User");
    Class<?> repoType = loader.loadClass(pkg + ".repository.UserRepository");
    Object repo = repoType.getConstructor(DataSource.class).newInstance(db);
    // The Connection overloads on one open connection on both sides, so the figures compare the
    // statements and the mapping rather than connection set-up (no pool here).
    Connection connection = db.getConnection();
    types = java.util.Arrays.stream(entity.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
    Method insert = repoType.getMethod("insert", Connection.class, entity);
    Column pk = users.primaryKey();
    Method findById = java.util.Arrays.stream(repoType.getMethods())
        .filter(m -> m.getName().equals("findById") && m.getParameterCount() == 2)
        .findFirst().orElseThrow();
    // The columns the generated insert binds when every defaulted column is left to the
    // database: all but the identity and defaulted ones; foreign keys stay null (no parents).
    List<Column> required = users.columns().stream()
        .filter(c -> !c.autoIncrement() && c.defaultValue().isEmpty()).toList();
    // The statements the generated repository runs, column lists included (not "*"), so the
    // figures compare the code around the statements.
    String columns = users.columns().stream().map(c -> "\"" + c.name() + "\"")
        .collect(Collectors.joining(", "));
    String insertSql = "INSERT INTO \"users\" (" + required.stream()
        .map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", ")) + ") VALUES ("
        + required.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") RETURNING "
        + columns;
    String selectSql = "SELECT " + columns + " FROM \"users\" WHERE \"" + pk.name() + "\" = ?";

    for (int pass = 0; pass < 2; pass++) { // pass 0 warms up both sides
      List<Object> rows = new ArrayList<>();
      List<Object[]> params = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        Object b = entity.getMethod("builder").invoke(null);
        Object[] p = new Object[required.size()];
        for (int k = 0; k < required.size(); k++) {
          Column c = required.get(k);
          p[k] = c.foreignKey().isPresent() ? null : value(c, pass * 10 * ROUNDS + i);
          b.getClass().getMethod(member(c), param(entity, c)).invoke(b, p[k]);
        }
        rows.add(b.getClass().getMethod("build").invoke(b));
        Object[] q = p.clone();
        for (int k = 0; k < q.length; k++) {
          q[k] = q[k] == null ? null : value(required.get(k), pass * 10 * ROUNDS + ROUNDS + i);
        }
        params.add(q);
      }
      // The two sides alternate in small blocks (which goes first alternating too), so a
      // machine whose speed drifts, as a shared one does, moves both alike.
      Method idOf = entity.getMethod(member(pk));
      List<Object> ids = new ArrayList<>();
      long generatedInsert = 0;
      long handInsert = 0;
      for (int from = 0; from < ROUNDS; from += BLOCK) {
        int to = Math.min(ROUNDS, from + BLOCK);
        for (int side = 0; side < 2; side++) {
          long t0 = System.nanoTime();
          if ((side + from / BLOCK) % 2 == 0) {
            for (Object row : rows.subList(from, to)) {
              ids.add(idOf.invoke(insert.invoke(repo, connection, row)));
            }
            generatedInsert += System.nanoTime() - t0;
          } else {
            for (Object[] p : params.subList(from, to)) {
              handWrittenInsert(connection, insertSql, p);
            }
            handInsert += System.nanoTime() - t0;
          }
        }
      }
      long generatedFind = 0;
      long handFind = 0;
      for (int from = 0; from < ROUNDS; from += BLOCK) {
        int to = Math.min(ROUNDS, from + BLOCK);
        for (int side = 0; side < 2; side++) {
          long t0 = System.nanoTime();
          if ((side + from / BLOCK) % 2 == 0) {
            for (Object id : ids.subList(from, to)) {
              findById.invoke(repo, connection, id);
            }
            generatedFind += System.nanoTime() - t0;
          } else {
            for (Object id : ids.subList(from, to)) {
              handWrittenFind(connection, selectSql, id);
            }
            handFind += System.nanoTime() - t0;
          }
        }
      }
      if (pass == 1) {
        print("insert", generatedInsert, handInsert);
        print("findById", generatedFind, handFind);
      }
    }
  }

  private static void handWrittenInsert(Connection connection, String sql, Object[] p) throws Exception {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int k = 0; k < p.length; k++) {
        if (p[k] == null) {
          ps.setNull(k + 1, java.sql.Types.BIGINT);
        } else {
          ps.setObject(k + 1, p[k]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        readAll(rs);
      }
    }
  }

  private static void handWrittenFind(Connection connection, String sql, Object id) throws Exception {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          readAll(rs);
        }
      }
    }
  }

  /**
   * Reads the row as a hand-written repository would: each column as the entity's Java type
   * ({@link #types}), with the driver's direct getter where there is one. With
   * {@code -Dauthspec.bench.untyped} it reads {@code getObject(i)} instead, the driver's own
   * types (e.g. {@code Timestamp}), which no repository returns: the figure of earlier notes.
   */
  private static void readAll(ResultSet rs) throws Exception {
    if (Boolean.getBoolean("authspec.bench.untyped")) {
      int n = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= n; i++) {
        rs.getObject(i);
      }
      return;
    }
    for (int i = 0; i < types.length; i++) {
      int column = i + 1;
      Class<?> type = types[i];
      if (type == String.class) {
        rs.getString(column);
      } else if (type == Long.class) {
        rs.getLong(column);
        rs.wasNull();
      } else if (type == Integer.class) {
        rs.getInt(column);
        rs.wasNull();
      } else if (type == Boolean.class) {
        rs.getBoolean(column);
        rs.wasNull();
      } else {
        rs.getObject(column, type);
      }
    }
  }

  /** The entity's component types, in column order. */
  private static Class<?>[] types = new Class<?>[0];

  private static void print(String op, long generated, long hand) {
    System.out.printf("UserRepository.%s: generated %.0f ops/s, hand-written JDBC %.0f ops/s,"
        + " ratio generated/hand %.2f%n", op, ROUNDS / (generated / 1e9),
        ROUNDS / (hand / 1e9), (double) hand / generated);
  }

  private static String member(Column c) {
    return io.github.authspec.plugin.naming.Words.lowerCamel(c.name());
  }

  private static Class<?> param(Class<?> entity, Column c) {
    for (var rc : entity.getRecordComponents()) {
      if (rc.getName().equals(member(c))) {
        return rc.getType();
      }
    }
    throw new IllegalStateException(c.name());
  }

  private static Object value(Column c, int n) {
    return switch (c.type()) {
      case SMALLINT -> (short) (n % 30000);
      case INT -> n;
      case BIGINT -> (long) n;
      case DECIMAL -> java.math.BigDecimal.valueOf(n % 1000);
      case BOOLEAN -> n % 2 == 0;
      case VARCHAR, TEXT -> {
        String text = "b" + n + "@example.org";
        yield text.substring(0, Math.min(text.length(), c.size().orElse(text.length())));
      }
      case DATE -> LocalDate.of(2020, 1, 1);
      case TIME -> LocalTime.of(1, 2, 3);
      case TIMESTAMP -> LocalDateTime.of(2021, 2, 3, 4, 5, 6);
      case UUID -> new java.util.UUID(7, n);
    };
  }
}
