package io.github.authspec.plugin.impl;

import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.testsupport.OptionCell;
import io.github.authspec.plugin.testsupport.RedisClusterSupport;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.testsupport.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The full seed spec generated with {@code implementations=true} in this JVM's cell of the
 * option matrix ({@link OptionCell#current()}: timestamps, Redis binding, flavour, Bouncy
 * Castle) and compiled once per test JVM (with -Xlint:all -Werror), and helpers to call the
 * generated classes against a fresh PostgreSQL database with the generated migrations applied
 * and against Redis through the cell's binding.
 */
final class Generated {
  static final String PACKAGE = "com.example.authservice";
  /** The options this JVM generates with. */
  static final OptionCell CELL = OptionCell.current();
  private static ClassLoader loader;
  private static List<GeneratedFile> files;

  private Generated() {}

  static synchronized List<GeneratedFile> files() {
    if (files == null) {
      try {
        Path dir = Files.createTempDirectory("impl-full");
        GenerationRequest request = CELL.apply(Specs.project(Specs.FULL, dir).toBuilder()
            .implementations(true).build());
        GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
            BuildLog.SILENT).plan(request, Files.readAllBytes(request.specFile()));
        if (planned.failed()) {
          throw new AssertionError(planned.diagnostics().format());
        }
        files = planned.files();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static synchronized ClassLoader loader() {
    if (loader == null) {
      try {
        loader = GeneratedSources.compile(files(), Files.createTempDirectory("impl-build"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loader;
  }

  /** A fresh database with every generated migration applied. */
  static DataSource database(String name) {
    DataSource db = PostgresServer.freshDatabase(name);
    files().stream().filter(f -> f.root() == OutputRoot.MIGRATIONS && f.path().endsWith(".sql"))
        .forEach(f -> Catalog.applyGenerated(db, f.text()));
    return db;
  }

  static Class<?> type(String name) {
    try {
      return Class.forName(PACKAGE + "." + name, true, loader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + name, e);
    }
  }

  /** The only public constructor of a generated class, called with {@code args}. */
  static Object create(String name, Object... args) {
    Constructor<?>[] ctors = type(name).getConstructors();
    if (ctors.length != 1) {
      throw new AssertionError(name + " has " + ctors.length + " public constructors");
    }
    try {
      return ctors[0].newInstance(args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the public method {@code name} with as many parameters as {@code args}. */
  static Object call(Object target, String name, Object... args) {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw rethrow(e);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no method " + name + "/" + args.length + " on " + target);
  }

  private static RuntimeException rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  /** A RequestContext of the generated service package. */
  static Object context() {
    return create("service.RequestContext", "203.0.113.7", "test", null, null, Instant.EPOCH);
  }

  /** Inserts a user and returns its id. */
  static long user(DataSource db, String email) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("INSERT INTO users (email) VALUES ('" + email
            + "') RETURNING id")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One text value of a query. */
  static String queryText(DataSource db, String sql) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One long value of a query. */
  static long scalar(DataSource db, String sql) {
    return Long.parseLong(queryText(db, sql));
  }

  /** The name, relative to {@link #PACKAGE}, of the generated class {@code simpleName}. */
  static String className(String simpleName) {
    return className(files(), simpleName);
  }

  /** The same, among {@code files}. */
  static String className(List<GeneratedFile> files, String simpleName) {
    String path = files.stream().map(GeneratedFile::path)
        .filter(p -> p.endsWith("/" + simpleName + ".java")).findFirst()
        .orElseThrow(() -> new AssertionError("not generated: " + simpleName));
    return path.substring((PACKAGE.replace('.', '/') + "/").length(),
        path.length() - ".java".length()).replace('/', '.');
  }

  /** The text of the generated file whose path ends with {@code /suffix}. */
  static String text(String suffix) {
    return files().stream().filter(f -> f.path().endsWith("/" + suffix)).findFirst()
        .map(GeneratedFile::text).orElseThrow(() -> new AssertionError("not generated: "
            + suffix));
  }

  /**
   * A parent service nobody implements in these tests (oauth2, login history): the refinements
   * under test take it and forward to it, and a call fails the test.
   */
  static Object unimplemented(String name) {
    Class<?> type = type(name);
    return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(),
        new Class<?>[] {type}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /**
   * The access tokens' settings of the implementations that end credentials (with the
   * deny-list, they deny the ended families' access tokens that long).
   */
  static Object accessTokens() {
    try {
      return type("token.AccessTokenSettings").getMethod("of", String.class, String.class)
          .invoke(null, "https://auth.example.com", "api");
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The generated {@code DefaultJwtTokensService} whose verifier checks the deny-list in the test
   * Redis, signing with a new key and {@link #accessTokens}.
   */
  static Object deniedJwt(DataSource db, Clock clock) {
    try {
      SecureRandom random = new SecureRandom();
      Class<?> algorithm = type("token.JwsAlgorithm");
      Object key = type("token.SigningKey").getMethod("generate", algorithm, SecureRandom.class)
          .invoke(null, algorithm.getField("ES256").get(null), random);
      Object ring = type("token.KeyRing").getConstructor(key.getClass(), Clock.class)
          .newInstance(key, clock);
      Object denyList = create(className("DefaultTokenBlacklistService"), scripts(), clock);
      return create(className("DefaultJwtTokensService"), db, ring, accessTokens(), denyList,
          clock, random, Duration.ofDays(14), Duration.ofDays(30), Duration.ZERO);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A new access token of {@code user} from {@link #deniedJwt}, with a refresh family. */
  static String accessToken(Object jwt, long user) {
    return (String) call(call(jwt, "issue", user, java.util.Set.of(), context()), "accessToken");
  }

  /** The generated {@code RedisScripts} over the test Redis, in the cell's binding. */
  static synchronized Object scripts() {
    if (scripts == null) {
      scripts = CELL.redisClient() == RedisClient.LETTUCE
          ? create("auth.LettuceScripts", io.lettuce.core.RedisClient.create(
              io.lettuce.core.RedisURI.create("127.0.0.1", RedisServerSupport.port())).connect()
              .sync())
          : create("auth.JedisScripts", RedisServerSupport.client());
    }
    return scripts;
  }

  private static Object scripts;

  /** The generated {@code RedisScripts} over the test Redis Cluster, in the cell's binding. */
  static Object clusterScripts() {
    if (CELL.redisClient() == RedisClient.LETTUCE) {
      List<io.lettuce.core.RedisURI> nodes = RedisClusterSupport.ports().stream()
          .map(p -> io.lettuce.core.RedisURI.create("127.0.0.1", p)).toList();
      return create("auth.LettuceScripts",
          io.lettuce.core.cluster.RedisClusterClient.create(nodes).connect().sync());
    }
    return create("auth.JedisScripts", RedisClusterSupport.client());
  }

  /**
   * The cell's current password scheme at a test cost ({@code cost} PBKDF2 iterations; with
   * Bouncy Castle, Argon2id at 64 KiB and one pass per thousand of {@code cost}).
   */
  static Object passwordAlgorithm(int cost) {
    return CELL.bouncyCastle() ? create("auth.Argon2id", 64, Math.max(1, cost / 1000), 1)
        : create("auth.Pbkdf2", cost);
  }

  /** The start of a hash by {@link #passwordAlgorithm(int)} at {@code cost}. */
  static String passwordPrefix(int cost) {
    return CELL.bouncyCastle() ? "$argon2id$v=19$m=64,t=" + Math.max(1, cost / 1000) + ",p=1$"
        : "$pbkdf2-sha256$i=" + cost + ",l=32$";
  }

  /**
   * SQL for a time column as UTC wall-clock text ({@code 2026-12-01 12:00:00}), whether the
   * cell maps it to {@code timestamp} or {@code timestamptz}, so a test reads what is stored
   * without going through the code under test.
   */
  static String utcWall(String column) {
    String utc = CELL.timestamps().withTimeZone() ? column + " AT TIME ZONE 'UTC'" : column;
    return "to_char(" + utc + ", 'YYYY-MM-DD HH24:MI:SS')";
  }
}
