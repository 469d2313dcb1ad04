package io.github.authspec.plugin.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Spring Boot flavour's output: additive, compiled strictly, metadata in step. */
class SpringBootFlavourTest {
  private static final String PKG = "com/example/authservice/spring/";
  /** Plans are slow (jOOQ renders the migrations): each is made once per class. */
  private static final Map<String, List<GeneratedFile>> PLANS = new java.util.HashMap<>();
  private static ClassLoader fullSpec;
  @TempDir static Path shared;
  @TempDir Path dir;

  private static synchronized List<GeneratedFile> plan(String spec, Flavour flavour,
      RedisClient redis) {
    return PLANS.computeIfAbsent(spec + flavour + redis, k -> fresh(spec, flavour, redis,
        shared.resolve(k)));
  }

  /** The full spec as the Spring tests use it: Lettuce, and the opt-in implementations. */
  private static synchronized List<GeneratedFile> full() {
    return PLANS.computeIfAbsent("full", k -> Specs.plan(Specs.project(Specs.FULL,
        shared.resolve(k)).toBuilder().flavour(Flavour.SPRING_BOOT)
        .redisClient(RedisClient.LETTUCE).implementations(true).build()));
  }

  private static List<GeneratedFile> fresh(String spec, Flavour flavour, RedisClient redis,
      Path dir) {
    GenerationRequest request = Specs.project(spec, dir).toBuilder().flavour(flavour)
        .redisClient(redis).build();
    return Specs.plan(request);
  }

  /** The full spec's Spring output, compiled once with -Xlint:all -Werror. */
  private static synchronized ClassLoader fullSpec() {
    if (fullSpec == null) {
      fullSpec = GeneratedSources.compile(full(), shared.resolve("full-build"));
    }
    return fullSpec;
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.FULL, "minimal-valid.json", Specs.EDGE_CASES})
  @DisplayName("the default flavour is NONE, and its output has no Spring in it and is exactly "
      + "the Spring flavour's output without the spring package and Spring resources")
  void defaultOutputIsUnchanged(String spec) {
    GenerationRequest defaults = Specs.project(spec, dir.resolve("defaults"));
    assertThat(defaults.flavour()).isEqualTo(Flavour.NONE);
    List<GeneratedFile> plain = plan(spec, Flavour.NONE, RedisClient.LETTUCE);
    for (GeneratedFile f : plain) {
      assertThat(f.text()).as(f.path()).doesNotContain("org.springframework")
          .doesNotContain("AuthSpecAutoConfiguration");
      assertThat(f.path()).doesNotContain("/spring/").doesNotStartWith("META-INF");
    }
    Map<String, GeneratedFile> spring = plan(spec, Flavour.SPRING_BOOT, RedisClient.LETTUCE)
        .stream().collect(Collectors.toMap(f -> f.root() + ":" + f.path(), Function.identity()));
    for (GeneratedFile f : plain) {
      assertThat(spring.get(f.root() + ":" + f.path())).as(f.path()).isEqualTo(f);
    }
    List<String> added = new ArrayList<>(spring.keySet());
    added.removeAll(plain.stream().map(f -> f.root() + ":" + f.path()).toList());
    assertThat(added).isNotEmpty().allMatch(p -> p.startsWith("JAVA:") && p.contains("/spring/")
        || p.startsWith("RESOURCES:META-INF/"));
  }

  @Test
  @DisplayName("the full spec's Spring output (Lettuce, implementations) compiles with -Xlint:all -Werror against Spring "
      + "Boot 3.5; the auto-configuration is no @Configuration or @Component")
  void compilesStrictly() throws Exception {
    Class<?> auto = fullSpec().loadClass(
        "com.example.authservice.spring.AuthSpecAutoConfiguration");
    assertThat(auto.getAnnotations()).extracting(a -> a.annotationType().getSimpleName())
        .contains("AutoConfiguration", "ConditionalOnProperty", "EnableConfigurationProperties")
        .doesNotContain("Configuration", "Component");
  }

  @Test
  @DisplayName("with local caches (minimal spec, Lettuce) the output compiles strictly too, "
      + "with a bean per cache that needs no loader")
  void localCachesCompile() {
    List<GeneratedFile> files = plan("minimal-valid.json", Flavour.SPRING_BOOT,
        RedisClient.LETTUCE);
    GeneratedSources.compile(files, dir.resolve("build"));
    String auto = files.stream().filter(f -> f.path().endsWith("/AuthSpecAutoConfiguration.java"))
        .findFirst().orElseThrow().text();
    assertThat(auto).contains("authSpecUserCache()", "InMemoryCache<Object, Object>")
        .doesNotContain("authSpecPermissionCache");
  }

  @Test
  @DisplayName("the full spec: one auto-configuration in the imports file, a bean per "
      + "repository, each backing off to a user's bean of its type")
  void fullSpecBeans() {
    List<GeneratedFile> files = full();
    String imports = file(files, OutputRoot.RESOURCES, SpringBootGenerator.IMPORTS);
    assertThat(imports.lines().filter(l -> !l.startsWith("#")).toList())
        .containsExactly("com.example.authservice.spring.AuthSpecAutoConfiguration");
    String auto = file(files, OutputRoot.JAVA, PKG + "AuthSpecAutoConfiguration.java");
    long repositories = files.stream().filter(f -> f.path().endsWith("Repository.java")).count();
    assertThat(auto.split("@ConditionalOnMissingBean\\(\\w+Repository\\.class\\)", -1))
        .hasSize((int) repositories + 1);
    assertThat(auto.replaceAll("\\s+", " "))
        .contains("this.dataSource = new TransactionAwareDataSourceProxy(dataSource);")
        .contains("@ConditionalOnProperty( prefix = \"authspec\", name = \"enabled\", "
            + "havingValue = \"true\", matchIfMissing = true )")
        .contains("@ConditionalOnMissingBean(UserDetailsService.class)")
        .contains("@ConditionalOnMissingBean(LettuceKeyOperations.class)")
        .contains("@ConditionalOnMissingBean(NotificationsClient.class)")
        .contains("@ConditionalOnMissingBean( value = TotpService.class, "
            + "ignored = MfaGracePeriodService.class )")
        .contains("new DefaultTotpService(dataSource, clock.getIfAvailable(Clock::systemUTC)")
        .doesNotContain("@Component");
    assertThat(auto.split("@Bean", -1).length - 1).as("every bean is conditional")
        .isEqualTo(auto.split("@ConditionalOnMissingBean", -1).length - 1);
  }

  @Test
  @DisplayName("authorization: hasPermission over the rbac decision and a method-security "
      + "expression handler that uses it, only with Spring Security, each backing off")
  void authorizationBeans() throws Exception {
    List<GeneratedFile> files = full();
    assertThat(files).anyMatch(f -> f.path().equals(PKG + "AuthorizationPermissions.java"));
    String auto = file(files, OutputRoot.JAVA, PKG + "AuthSpecAutoConfiguration.java");
    assertThat(auto.replaceAll("\\s+", " "))
        .contains("@ConditionalOnClass( name = \"org.springframework.security.access"
            + ".PermissionEvaluator\" ) static class Permissions")
        .contains("@ConditionalOnMissingBean(PermissionEvaluator.class) public "
            + "AuthorizationPermissions authSpecAuthorizationPermissions(")
        .contains("public static MethodSecurityExpressionHandler "
            + "authSpecMethodSecurityExpressionHandler(")
        .contains("\"org.springframework.security.access.hierarchicalroles.RoleHierarchy\"");
    assertThat(auto.replaceAll("\\s+", ""))
        .contains("id!=null&&decision.getObject()instanceofDefaultRbacServiced"
            + "?d.decideOn(user,permission,type,id).allowed()"
            + ":decision.getObject().isAllowed((Long)user,permission,null)")
        .contains("users.getObject().findByEmail(authentication.getName()).map(User::id)"
            + ".orElse(null)");
    Class<?> part = fullSpec().loadClass(
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Permissions");
    assertThat(part.getDeclaredMethods()).extracting(java.lang.reflect.Method::getName)
        .contains("authSpecAuthorizationPermissions", "authSpecMethodSecurityExpressionHandler");
  }

  @Test
  @DisplayName("the IDE metadata names every property of AuthSpecProperties, with its type")
  void metadataMatchesTheProperties() throws Exception {
    List<GeneratedFile> files = full();
    ClassLoader loader = fullSpec();
    JsonNode metadata = new ObjectMapper().readTree(file(files, OutputRoot.RESOURCES,
        SpringBootGenerator.METADATA));
    List<String> names = new ArrayList<>();
    for (JsonNode p : metadata.get("properties")) {
      String name = p.get("name").asText();
      names.add(name);
      Class<?> owner = loader.loadClass(p.get("sourceType").asText());
      String last = name.substring(name.lastIndexOf('.') + 1);
      Method getter = getter(owner, last);
      Class<?> returned = getter.getReturnType();
      String type = returned.isPrimitive() ? java.lang.invoke.MethodType.methodType(returned)
          .wrap().returnType().getName() : getter.getGenericReturnType().getTypeName()
          .replace(", ", ",");
      assertThat(type).as(name).isEqualTo(p.get("type").asText());
    }
    assertThat(names).contains("authspec.enabled",
        "authspec.clients.notifications-service.base-url",
        "authspec.clients.oauth2-providers.request-timeout",
        "authspec.clients.storage-service.connect-timeout",
        "authspec.implementations.totp.issuer", "authspec.implementations.password-history.keep",
        "authspec.implementations.session-management.idle");
    for (JsonNode g : metadata.get("groups")) {
      if (g.has("sourceMethod")) {
        String method = g.get("sourceMethod").asText().replace("()", "");
        assertThat(loader.loadClass(g.get("sourceType").asText()).getMethod(method)
            .getReturnType().getName()).isEqualTo(g.get("type").asText());
      }
    }
  }

  @Test
  @DisplayName("every implementation the run writes gets a bean, read from its constructor; "
      + "refined parents are @Primary and ignore their refinements' beans; secrets wait for "
      + "the application's beans")
  void everyImplementationHasABean() {
    List<GeneratedFile> files = full();
    String auto = file(files, OutputRoot.JAVA, PKG + "AuthSpecAutoConfiguration.java")
        .replaceAll("\\s+", " ");
    List<String> implementations = files.stream().map(GeneratedFile::path)
        .filter(p -> p.matches(".*/service/.*/Default\\w+Service\\.java"))
        .map(p -> p.substring(p.lastIndexOf('/') + 1, p.length() - 5)).sorted().toList();
    assertThat(implementations).hasSizeGreaterThanOrEqualTo(19)
        .contains("DefaultTotpService", "DefaultEmailPasswordLoginService",
            "DefaultSessionManagementService");
    for (String impl : implementations) {
      assertThat(auto).as(impl).contains("public " + impl + " authSpec")
          .contains("return new " + impl + "(");
    }
    assertThat(auto)
        .contains("@ConditionalOnMissingBean( value = PasswordPoliciesService.class, ignored = "
            + "{PasswordExpirationService.class, ForcePasswordChangeService.class} ) "
            + "@ConditionalOnBean(PasswordBlacklistService.class) @Primary public "
            + "DefaultPasswordPoliciesService")
        .contains("@ConditionalOnBean(SecretBox.class) @Primary public DefaultTotpService")
        .contains("@ConditionalOnBean( value = {RedisScripts.class, AccessTokenSettings.class},"
            + " name = \"authSpecHandleKey\" ) public DefaultLogoutService")
        .contains("beans.getBean(\"authSpecHandleKey\", byte[].class)")
        .contains("@ConditionalOnBean(LoginHistoryService.class) public "
            + "DefaultFailedLoginTrackingService")
        .contains("return PasswordHasher.pbkdf2(new SecureRandom());")
        .contains("return LockoutPolicy.standard();")
        .contains("return new RedisConnectionScripts(factory);")
        .contains("properties.getImplementations().getPasswordHistory().getKeep()")
        .contains("public AuthSpecUserDetailsPasswordService authSpecUserDetailsPasswordService(")
        .contains("return new PhcPasswordEncoder(hashing.getIfAvailable(() -> "
            + "hashing(hasher.getObject())));")
        .contains("@ConditionalOnSingleCandidate(DataSource.class) "
            + "@Import(ImplementationScripts.class) static class Implementations");
    // Each bean after the generated beans it takes: the policies before the login that uses
    // them, the parent before its refinement.
    assertThat(auto.indexOf("DefaultPasswordBlacklistService authSpec"))
        .isLessThan(auto.indexOf("DefaultPasswordPoliciesService authSpec"));
    assertThat(auto.indexOf("DefaultPasswordPoliciesService authSpec"))
        .isLessThan(auto.indexOf("DefaultEmailPasswordLoginService authSpec"))
        .isLessThan(auto.indexOf("DefaultPasswordExpirationService authSpec"));
    assertThat(auto.indexOf("class Implementations")).as("the hasher bean precedes security")
        .isLessThan(auto.indexOf("class Security"));
  }

  @Test
  @DisplayName("the supply table: infrastructure by type, services, defaults the plugin "
      + "builds, application-owned secrets, settings")
  void supplyTable() {
    io.github.authspec.plugin.naming.Naming naming = new io.github.authspec.plugin.generation
        .GenerationContext(Specs.load(Specs.FULL), Specs.project(Specs.FULL, dir),
            new io.github.authspec.model.diagnostics.Reporter("t")).naming();
    String auth = naming.supportPackage("auth");
    Map<com.palantir.javapoet.TypeName, ImplementationBeans.Source> expected = Map.of(
        com.palantir.javapoet.ClassName.get(javax.sql.DataSource.class),
        ImplementationBeans.Source.DATA_SOURCE,
        com.palantir.javapoet.ClassName.get(java.time.Clock.class),
        ImplementationBeans.Source.CLOCK,
        com.palantir.javapoet.ClassName.get(java.security.SecureRandom.class),
        ImplementationBeans.Source.RANDOM,
        com.palantir.javapoet.ClassName.get(naming.servicePackage("mfa"), "TotpService"),
        ImplementationBeans.Source.SERVICE,
        com.palantir.javapoet.ClassName.get(auth, "PasswordHasher"),
        ImplementationBeans.Source.BUILT,
        com.palantir.javapoet.ClassName.get(auth, "SecretBox"),
        ImplementationBeans.Source.APPLICATION,
        com.palantir.javapoet.ClassName.get(naming.supportPackage("token"), "KeyRing"),
        ImplementationBeans.Source.APPLICATION,
        com.palantir.javapoet.TypeName.get(byte[].class), ImplementationBeans.Source.NAMED_KEY,
        com.palantir.javapoet.TypeName.INT, ImplementationBeans.Source.SETTING,
        com.palantir.javapoet.ClassName.get(java.time.Duration.class),
        ImplementationBeans.Source.SETTING);
    expected.forEach((type, source) -> assertThat(ImplementationBeans.source(type, naming))
        .as(type.toString()).contains(source));
    assertThat(ImplementationBeans.source(com.palantir.javapoet.ParameterizedTypeName.get(
        List.class, String.class), naming)).isEmpty();
    assertThat(PropertyDefault.duration(java.time.Duration.ofMinutes(90)).toString())
        .isEqualTo("java.time.Duration.ofMinutes(90)");
    assertThat(PropertyDefault.durationText(java.time.Duration.ofDays(7))).isEqualTo("7d");
  }

  @Test
  @DisplayName("same inputs, same bytes")
  void deterministic() {
    List<GeneratedFile> first = plan(Specs.FULL, Flavour.SPRING_BOOT, RedisClient.LETTUCE);
    assertThat(fresh(Specs.FULL, Flavour.SPRING_BOOT, RedisClient.LETTUCE, dir))
        .isEqualTo(first);
  }

  private static Method getter(Class<?> owner, String kebab) throws NoSuchMethodException {
    StringBuilder camel = new StringBuilder();
    boolean up = true;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        camel.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    try {
      return owner.getMethod("get" + camel);
    } catch (NoSuchMethodException e) {
      return owner.getMethod("is" + camel);
    }
  }

  private static String file(List<GeneratedFile> files, OutputRoot root, String path) {
    return files.stream().filter(f -> f.root() == root && f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path)).text();
  }
}
