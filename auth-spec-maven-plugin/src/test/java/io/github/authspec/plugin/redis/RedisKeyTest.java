package io.github.authspec.plugin.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.KeyPattern;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/** The generated key classes of the full spec: build, parse back, resist forgery, and use Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisKeyTest {
  private Path dir;
  private Spec spec;
  private Naming naming;
  private ClassLoader loader;

  @BeforeAll
  void compile(@TempDir Path tempDir) {
    dir = tempDir;
    GenerationRequest request = Specs.project(Specs.FULL, dir.resolve("full"));
    List<GeneratedFile> files = Specs.plan(request);
    loader = GeneratedSources.compile(files, dir.resolve("build"));
    spec = Specs.load(Specs.FULL);
    naming = new Naming(spec, request, new Reporter("x"));
  }

  @Test
  @DisplayName("every key is its pattern with the values substituted, and parses back to the same values")
  void buildAndParseEveryKey() throws Exception {
    assertThat(spec.cache().redisKeys()).hasSize(17);
    for (RedisKey key : spec.cache().redisKeys()) {
      Object instance = sample(key, 7);
      String built = key(instance);
      assertThat(built).as(key.pattern().text()).isEqualTo(substitute(key.pattern(), 7));
      assertThat(parse(key, built)).as("parse " + built).contains(instance);
      assertThat(parse(key, built + ":extra")).isEmpty();
      assertThat(parse(key, "x" + built)).isEmpty();
    }
  }

  @Test
  @DisplayName("a value holding delimiters or braces is encoded, so it cannot forge another key")
  void injection() throws Exception {
    Class<?> acl = keyClass("acl:{userId}:{resource}");
    Object forged = acl.getDeclaredConstructors()[0].newInstance(1L, "x:y");
    Object other = acl.getDeclaredConstructors()[0].newInstance(1L, "x");
    assertThat(key(forged)).isEqualTo("acl:1:x%3Ay").isNotEqualTo(key(other) + ":y");
    assertThat(parse(acl, "acl:1:x:y")).isEmpty();
    assertThat(parse(acl, key(forged))).contains(forged);

    Class<?> feature = keyClass("feature:{key}:tenant:{tenantId}");
    Object sneaky = feature.getDeclaredConstructors()[0].newInstance("a:tenant:9", 1L);
    assertThat(key(sneaky)).isEqualTo("feature:a%3Atenant%3A9:tenant:1");
    assertThat(parse(feature, key(sneaky))).contains(sneaky);
    Object braces = feature.getDeclaredConstructors()[0].newInstance("{x}%", 2L);
    assertThat(key(braces)).isEqualTo("feature:%7Bx%7D%25:tenant:2");
    assertThat(parse(feature, key(braces))).contains(braces);
    // Non-canonical spellings of the same values are not keys of this pattern.
    assertThat(parse(feature, "feature:%61:tenant:02")).isEmpty();
  }

  @Test
  @DisplayName("placeholders naming an id take the primary key's Java type")
  void typedPlaceholders() throws Exception {
    RecordComponent[] session = keyClass("session:{userId}").getRecordComponents();
    assertThat(session[0].getType()).isEqualTo(long.class);
    RecordComponent[] ip = keyClass("rate_limit:ip:{ip}").getRecordComponents();
    assertThat(ip[0].getType()).isEqualTo(String.class);
  }

  @Test
  @DisplayName("metadata constants carry the declared type, TTL, expiry and pinning; the registry lists every key")
  void metadata() throws Exception {
    Object session = keyClass("session:{userId}").getField("SPEC").get(null);
    assertThat(component(session, "ttl")).isEqualTo(Optional.of(Duration.ofSeconds(3600)));
    assertThat(component(session, "expiry").toString()).isEqualTo("SLIDING");
    assertThat(component(session, "serialization").toString()).isEqualTo("JSON");
    Object pinned = keyClass("ip:whitelist:{ip}").getField("SPEC").get(null);
    assertThat(component(pinned, "ttl")).isEqualTo(Optional.empty());
    assertThat(component(pinned, "pinned")).isEqualTo(true);
    assertThat(component(pinned, "expiry").toString()).isEqualTo("NONE");
    Object sorted = keyClass("blacklist:user:{userId}").getField("SPEC").get(null);
    assertThat(component(sorted, "type").toString()).isEqualTo("SET");

    List<?> all = (List<?>) loader.loadClass(naming.cachePackage() + ".RedisKeys")
        .getField("ALL").get(null);
    assertThat(all).hasSize(17);
    assertThat(all.stream().map(s -> component(s, "pattern")).toList())
        .containsExactlyElementsOf(spec.cache().redisKeys().stream()
            .map(k -> k.pattern().text()).toList());
  }

  @Test
  @DisplayName("against a real Redis: keys written with their declared TTL are found by pattern and parse back")
  void realRedis() throws Exception {
    RedisClient redis = RedisServerSupport.client();
    redis.flushAll();
    List<String> written = new ArrayList<>();
    for (RedisKey key : spec.cache().redisKeys()) {
      String k = key(sample(key, 42));
      Object declared = keyClass(key.pattern().text()).getField("SPEC").get(null);
      Optional<?> ttl = (Optional<?>) component(declared, "ttl");
      if (ttl.isPresent()) {
        redis.set(k, "v", SetParams.setParams().ex(((Duration) ttl.get()).toSeconds()));
        assertThat(redis.ttl(k)).as(k).isBetween(1L, ((Duration) ttl.get()).toSeconds());
      } else {
        redis.set(k, "v");
        assertThat(redis.ttl(k)).as(k + " has no TTL").isEqualTo(-1L);
      }
      written.add(k);
    }
    for (RedisKey key : spec.cache().redisKeys()) {
      String glob = key.pattern().text().replaceAll("\\{[^}]*}", "*");
      ScanResult<String> scan = redis.scan("0", new ScanParams().match(glob).count(1000));
      Class<?> type = keyClass(key.pattern().text());
      assertThat(scan.getResult().stream().filter(k -> parse(type, k).isPresent()).toList())
          .as(glob).containsExactly(key(sample(key, 42)));
    }
    assertThat(written).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("a key prefix and cluster hash tags are applied and understood by parse")
  void prefixAndHashTags() throws Exception {
    GenerationRequest base = Specs.project(Specs.FULL, dir.resolve("tagged"));
    GenerationRequest tagged = base.toBuilder().redisKeyPrefix("auth:")
        .redisClusterHashTags(true).build();
    ClassLoader taggedLoader = GeneratedSources.compile(Specs.plan(tagged),
        dir.resolve("tagged-build"));
    Class<?> acl = taggedLoader.loadClass(naming.cachePackage() + ".AclKey");
    Object k = acl.getDeclaredConstructors()[0].newInstance(5L, "doc");
    assertThat(key(k)).isEqualTo("auth:acl:{5}:doc");
    assertThat(parse(acl, "auth:acl:{5}:doc")).contains(k);
    assertThat(parse(acl, "acl:{5}:doc")).isEmpty();
  }

  /** A key instance whose id placeholders are {@code n} and text placeholders {@code name-n}. */
  private Object sample(RedisKey key, long n) throws Exception {
    Class<?> type = keyClass(key.pattern().text());
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = components[i].getType() == long.class ? (Object) n
          : key.pattern().placeholders().get(i).name() + "-" + n;
    }
    return type.getDeclaredConstructors()[0].newInstance(args);
  }

  private static String substitute(KeyPattern pattern, long n) {
    StringBuilder out = new StringBuilder();
    for (KeyPattern.Segment s : pattern.segments()) {
      if (s instanceof KeyPattern.Literal l) {
        out.append(l.text());
      } else {
        String name = ((KeyPattern.Placeholder) s).name();
        out.append(Set.of("userId", "tenantId").contains(name) ? String.valueOf(n)
            : name + "-" + n);
      }
    }
    return out.toString();
  }

  private Class<?> keyClass(String pattern) throws ClassNotFoundException {
    RedisKey key = spec.cache().redisKey(pattern).orElseThrow();
    return loader.loadClass(naming.cachePackage() + "." + naming.keyClassName(key));
  }

  private static String key(Object instance) throws Exception {
    return (String) instance.getClass().getMethod("key").invoke(instance);
  }

  private Optional<Object> parse(RedisKey key, String text) throws Exception {
    return parse(keyClass(key.pattern().text()), text);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Object> parse(Class<?> type, String text) {
    try {
      Method parse = type.getMethod("parse", String.class);
      return (Optional<Object>) parse.invoke(null, text);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object component(Object record, String name) {
    try {
      return record.getClass().getMethod(name).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

}
