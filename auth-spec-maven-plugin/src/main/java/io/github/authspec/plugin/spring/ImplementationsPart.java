package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.beanName;
import static io.github.authspec.plugin.spring.ConfigurationParts.list;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.ConfigurationParts.singleDataSource;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_MISSING_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_PROPERTY;
import static io.github.authspec.plugin.spring.SpringTypes.OBJECT_PROVIDER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.naming.Naming;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The auto-configuration's parts for {@code implementations=true}: the Redis scripts and one
 * bean per implementation, each constructor parameter supplied as its source says.
 */
final class ImplementationsPart {
  private final String packageName;
  private final Naming naming;
  private final SpringProperties properties;
  private final AutoConfigurationWriter.Parts parts;

  ImplementationsPart(String packageName, Naming naming, SpringProperties properties,
      AutoConfigurationWriter.Parts parts) {
    this.packageName = packageName;
    this.naming = naming;
    this.properties = properties;
    this.parts = parts;
  }

  TypeSpec scripts() {
    ClassName scripts = ClassName.get(naming.supportPackage("auth"), "RedisScripts");
    ClassName adapter = ClassName.get(naming.supportPackage("spring"), "RedisConnectionScripts");
    return part("ImplementationScripts", "The implementations' Lua scripts on Boot's Redis "
        + "connection factory (Lettuce or Jedis), one pooled connection per script.")
        .addAnnotation(onClass(SpringTypes.REDIS_CONNECTION_FACTORY.reflectionName()))
        .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
            .addMember("type", "$S", SpringTypes.REDIS_CONNECTION_FACTORY.reflectionName())
            .build())
        .addMethod(bean("authSpecRedisScripts", scripts, "Scripts over Boot's Redis.\n\n"
                + "@param factory Boot's connection factory\n@return the scripts")
            .addAnnotation(missing(scripts))
            .addParameter(SpringTypes.REDIS_CONNECTION_FACTORY, "factory")
            .addStatement("return new $T(factory)", adapter).build())
        .build();
  }

  TypeSpec implementations() {
    ImplementationBeans beans = parts.implementations();
    TypeSpec.Builder part = part("Implementations", "The implementations of "
        + "{@code implementations=true}, one bean each, on the application's "
        + "{@code DataSource} itself, not the transaction-aware view: each operation runs its "
        + "own short transaction (its check-and-update must be atomic) and would otherwise "
        + "commit the caller's. Call them outside {@code @Transactional} work that holds locks "
        + "on the same rows. A bean that needs a secret only the application holds "
        + "({@code SecretBox}, {@code BackupCodes}, {@code TokenSeeds}, the session handle key "
        + "{@code byte[]} bean {@code authSpecHandleKey}) waits for the application's bean; a "
        + "parent service with refinements is {@code @Primary}.")
        .addAnnotation(singleDataSource())
        .addField(DataSource.class, "dataSource", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(DataSource.class, "dataSource")
            .addStatement("this.dataSource = dataSource").build());
    if (beans.builds("RedisScripts")) {
      // Imported here so its RedisScripts bean is registered before the beans that wait for
      // it: the order of member classes is not the order of the outer @Import.
      part.addAnnotation(AnnotationSpec.builder(SpringTypes.IMPORT).addMember("value",
          "$T.class", ClassName.get(packageName, AutoConfigurationWriter.CLASS,
              "ImplementationScripts")).build());
    }
    if (beans.builds("PasswordHasher")) {
      ClassName hasher = ClassName.get(naming.supportPackage("auth"), "PasswordHasher");
      CodeBlock create = parts.bouncyCastle()
          ? CodeBlock.of("$T.hasher(new $T())",
              ClassName.get(naming.supportPackage("auth"), "Argon2id"), SecureRandom.class)
          : CodeBlock.of("$T.pbkdf2(new $T())", hasher, SecureRandom.class);
      part.addMethod(bean("authSpecPasswordHasher", hasher, "New hashes in "
              + (parts.bouncyCastle() ? "Argon2id" : "PBKDF2-HMAC-SHA256 (600,000 iterations)")
              + "; older schemes still verify and are rehashed on login.\n\n"
              + "@return the hasher")
          .addAnnotation(missing(hasher)).addStatement("return $L", create).build());
    }
    if (beans.builds("LockoutPolicy")) {
      ClassName policy = ClassName.get(naming.supportPackage("auth"), "LockoutPolicy");
      part.addMethod(bean("authSpecLockoutPolicy", policy, "5 failures, then 1 minute, "
              + "doubling, at most 15 minutes.\n\n@return the policy")
          .addAnnotation(missing(policy))
          .addStatement("return $T.standard()", policy).build());
    }
    for (ImplementationBeans.Bean b : beans.beans()) {
      part.addMethod(implementationBean(b));
    }
    return part.build();
  }

  /** One implementation's bean: each constructor parameter as the supply table says. */
  private MethodSpec implementationBean(ImplementationBeans.Bean b) {
    MethodSpec.Builder m = bean(beanName(b.api().simpleName()), b.implementation().className(),
        "Feature {@code " + b.feature() + "}.\n")
        .addAnnotation(missingUnlessRefinement(b));
    CodeBlock args = arguments(m, b.feature(), b.parameters(), false);
    if (!b.refinements().isEmpty()) {
      m.addAnnotation(SpringTypes.PRIMARY);
    }
    return m.addJavadoc("@return the implementation\n")
        .addStatement("return new $T($L)", b.implementation().className(), args).build();
  }

  /**
   * The arguments of a bean's constructor or factory, each parameter supplied as its source
   * says: adds to {@code m} the parameters, their Javadoc and the conditions that make the bean
   * wait for the beans, keys and required properties it needs.
   *
   * @param feature names the settings ({@code authspec.implementations.<feature>.*})
   * @param dataSourceParameter the bean takes the {@code DataSource} as a parameter, not from
   *     this part's field
   */
  CodeBlock arguments(MethodSpec.Builder m, String feature,
      List<ImplementationBeans.Parameter> parameters, boolean dataSourceParameter) {
    NameAllocator names = new NameAllocator();
    names.newName("dataSource", "dataSource");
    parameters.stream().filter(p -> switch (p.source()) {
      case SERVICE, BUILT, APPLICATION -> true;
      default -> false;
    }).forEach(p -> names.newName(p.name(), p));
    String clock = names.newName("clock", "clock");
    String settings = names.newName("properties", "properties");
    String factory = names.newName("beans", "beans");
    List<CodeBlock> args = new java.util.ArrayList<>();
    List<CodeBlock> beansNeeded = new java.util.ArrayList<>();
    List<CodeBlock> keysNeeded = new java.util.ArrayList<>();
    List<CodeBlock> propertiesNeeded = new java.util.ArrayList<>();
    java.util.Set<String> added = new java.util.HashSet<>();
    CodeBlock.Builder doc = CodeBlock.builder();
    for (ImplementationBeans.Parameter p : parameters) {
      switch (p.source()) {
        case DATA_SOURCE -> {
          if (dataSourceParameter && added.add("dataSource")) {
            m.addParameter(DataSource.class, "dataSource");
            doc.add("@param dataSource the application's {@code DataSource} itself\n");
          }
          args.add(CodeBlock.of("dataSource"));
        }
        case CLOCK -> {
          if (added.add(clock)) {
            m.addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, ClassName.get(Clock.class)),
                clock);
            doc.add("@param $N the application's {@code Clock} bean, or UTC\n", clock);
          }
          args.add(CodeBlock.of("$N.getIfAvailable($T::systemUTC)", clock, Clock.class));
        }
        case RANDOM -> args.add(CodeBlock.of("new $T()", SecureRandom.class));
        case SERVICE, BUILT, APPLICATION -> {
          String name = names.get(p);
          m.addParameter(p.type(), name);
          doc.add("@param $N the {@code $L} bean\n", name, ((ClassName) p.type()).simpleName());
          beansNeeded.add(CodeBlock.of("$T.class", p.type()));
          args.add(CodeBlock.of("$N", name));
        }
        case NAMED_KEY -> {
          if (added.add(factory)) {
            m.addParameter(SpringTypes.BEAN_FACTORY, factory);
            doc.add("@param $N reads the application's key beans\n", factory);
          }
          String key = ImplementationBeans.keyBeanName(p.name());
          keysNeeded.add(CodeBlock.of("$S", key));
          args.add(CodeBlock.of("$N.getBean($S, $T.class)", factory, key, p.type()));
        }
        case SETTING -> {
          if (added.add(settings)) {
            m.addParameter(properties.type(), settings);
            doc.add("@param $N the settings ({@code $L.implementations.$L.*})\n", settings,
                SpringProperties.PREFIX, feature);
          }
          ImplementationBeans.Setting s = properties.setting(feature, p.name());
          if (s.required()) {
            propertiesNeeded.add(CodeBlock.of("$S", s.key()));
          }
          args.add(CodeBlock.of("$N.getImplementations().$N().$N()", settings,
              ImplementationBeans.settingsGetter(feature), SpringProperties.getterName(
                  s.fieldType(), s.name())));
        }
      }
    }
    if (!beansNeeded.isEmpty() || !keysNeeded.isEmpty()) {
      AnnotationSpec.Builder on = AnnotationSpec.builder(CONDITIONAL_ON_BEAN);
      if (!beansNeeded.isEmpty()) {
        on.addMember("value", list(beansNeeded));
      }
      if (!keysNeeded.isEmpty()) {
        on.addMember("name", list(keysNeeded));
      }
      m.addAnnotation(on.build());
    }
    if (!propertiesNeeded.isEmpty()) {
      m.addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_PROPERTY)
          .addMember("prefix", "$S", SpringProperties.PREFIX + ".implementations." + feature)
          .addMember("name", list(propertiesNeeded)).build());
    }
    m.addJavadoc(doc.build());
    return CodeBlock.join(args, ",$W");
  }

  /**
   * Backs off to an application bean of the interface; a bean of a refinement of it (whose
   * interface extends it) does not count, so refining a feature keeps its parent's bean.
   */
  private static AnnotationSpec missingUnlessRefinement(ImplementationBeans.Bean b) {
    if (b.refinements().isEmpty()) {
      return missing(b.api());
    }
    return AnnotationSpec.builder(CONDITIONAL_ON_MISSING_BEAN)
        .addMember("value", "$T.class", b.api())
        .addMember("ignored", list(b.refinements().stream()
            .map(r -> CodeBlock.of("$T.class", r)).toList())).build();
  }
}
