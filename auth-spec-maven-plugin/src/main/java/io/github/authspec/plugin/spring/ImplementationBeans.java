package io.github.authspec.plugin.spring;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Library;
import io.github.authspec.plugin.impl.Features;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import io.github.authspec.plugin.impl.ImplementationGenerator.Implementation;
import io.github.authspec.plugin.impl.SettingDefault;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.Words;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The beans of {@code implementations=true}: one per implementation the implementation
 * generator writes in this run (read from its output, so implementations added later get beans
 * without a change here), each parameter of its public constructor supplied by {@link #SUPPLY},
 * the one table of how a parameter type is supplied, and its settings' defaults from the
 * feature's entry in {@link Features}. Defaults are {@link PropertyDefault}s; the order of the
 * beans is {@link BeanOrder}'s.
 */
final class ImplementationBeans {
  /** Where a constructor parameter comes from. */
  enum Source {
    /** The application's single {@code DataSource} itself: each operation is its own atomic
     * statement or transaction, which must not join (and commit) the caller's. */
    DATA_SOURCE,
    /** The application's {@code Clock} bean, or UTC. */
    CLOCK,
    /** A fresh {@code new SecureRandom()}. */
    RANDOM,
    /** Another feature's service (a refinement's parent, a policy): that bean. */
    SERVICE,
    /** A safe default the plugin builds as its own backing-off bean ({@link #BUILT}). */
    BUILT,
    /** A type only the application can make (it holds a secret): its bean, or no bean here. */
    APPLICATION,
    /** Raw key bytes: the application's {@code byte[]} bean named {@code authSpec<Param>}. */
    NAMED_KEY,
    /** A value: {@code authspec.implementations.<feature-id>.<param>}. */
    SETTING
  }

  /**
   * The supply table by parameter type; a support type not listed is {@link Source#APPLICATION},
   * a service interface {@link Source#SERVICE}, a value type {@link Source#SETTING}.
   */
  static final Map<TypeName, Source> SUPPLY = Map.of(
      ClassName.get(DataSource.class), Source.DATA_SOURCE,
      ClassName.get(Clock.class), Source.CLOCK,
      ClassName.get(SecureRandom.class), Source.RANDOM,
      TypeName.get(byte[].class), Source.NAMED_KEY);

  /** Support types (area {@code auth}) with a safe default the plugin builds. */
  static final Set<String> BUILT = Set.of("PasswordHasher", "LockoutPolicy", "RedisScripts");

  /** Value types a setting may have. */
  private static final Set<TypeName> VALUES = Set.of(TypeName.INT, TypeName.LONG,
      TypeName.BOOLEAN, ClassName.get(String.class), ClassName.get(Duration.class));

  /** One parameter of an implementation's constructor and its source. */
  record Parameter(ParameterSpec spec, Source source) {
    String name() {
      return spec.name();
    }

    TypeName type() {
      return spec.type();
    }
  }

  /** One setting: {@code authspec.implementations.<feature>.<kebab(name)>}. */
  record Setting(String feature, String name, TypeName type, Optional<PropertyDefault> value,
      String description) {
    String prefix() {
      return SpringProperties.PREFIX + ".implementations." + feature;
    }

    String key() {
      return SpringProperties.kebab(name);
    }

    /** Required: no default and not optional, so the bean waits for the property. */
    boolean required() {
      return value.isEmpty();
    }

    /** The field's type: boxed when it may be unset. */
    TypeName fieldType() {
      return value.flatMap(PropertyDefault::code).isPresent() ? type : type.box();
    }
  }

  /**
   * One bean.
   *
   * @param implementation the implementation
   * @param parameters its constructor's parameters, in order
   * @param refinements the implemented interfaces that extend this one (their beans are of
   *     this type too: this bean is {@code @Primary} and they do not count as this type's bean)
   */
  record Bean(Implementation implementation, List<Parameter> parameters,
      List<ClassName> refinements) {
    ClassName api() {
      return implementation.service();
    }

    String feature() {
      return implementation.feature().id();
    }
  }

  /**
   * The bean of the generated {@code LoginFlows.of(...)}, with {@code httpApi}: its settings
   * are {@code authspec.implementations.login-flow.*}.
   *
   * @param flow the flow as the implementation generator wrote it
   * @param parameters the factory's parameters, in order
   * @param jwks whether the run signs tokens, so the API publishes the keys
   * @param metrics whether the project has Micrometer, so the flow is measured
   * @param security whether the project has Spring Security's configuration, so the API
   *     comes with its filter chain
   */
  record FlowBean(ImplementationGenerator.Flow flow, List<Parameter> parameters, boolean jwks,
      boolean metrics, boolean security) {
    static final String FEATURE = "login-flow";
  }

  private final List<Bean> beans;
  private final List<Setting> settings;
  private final Set<String> built;
  private final Optional<FlowBean> flow;

  private ImplementationBeans(List<Bean> beans, List<Setting> settings, Set<String> built,
      Optional<FlowBean> flow) {
    this.beans = beans;
    this.settings = settings;
    this.built = built;
    this.flow = flow;
  }

  static ImplementationBeans none() {
    return new ImplementationBeans(List.of(), List.of(), Set.of(), Optional.empty());
  }

  /**
   * The beans of the run's implementations, as the implementation generator bound and wrote
   * them (once per run, whichever generator asks first).
   */
  static ImplementationBeans of(GenerationContext context) {
    List<Implementation> all = ImplementationGenerator.implementations(context);
    Map<String, Bean> byFeature = new LinkedHashMap<>();
    List<Setting> settings = new ArrayList<>();
    Set<String> built = new java.util.TreeSet<>();
    for (Implementation i : all) {
      Optional<MethodSpec> constructor = i.type().methodSpecs().stream()
          .filter(MethodSpec::isConstructor).filter(m -> m.modifiers().contains(Modifier.PUBLIC))
          .findFirst();
      if (constructor.isEmpty()) {
        context.note("auth-spec: " + i.feature().id() + ": no bean (no public constructor)");
        continue;
      }
      String feature = i.feature().id();
      supply(context, feature, constructor.get(), name -> Features.of(feature)
              .flatMap(f -> f.setting(name)), settings, built)
          .ifPresent(ps -> byFeature.put(feature, new Bean(i, ps, List.of())));
    }
    Optional<FlowBean> flow = ImplementationGenerator.loginFlow(context)
        .filter(f -> context.request().httpApi())
        .flatMap(f -> supply(context, FlowBean.FEATURE, f.factory(),
                name -> Optional.ofNullable(f.settings().get(name)), settings, built)
            .map(ps -> new FlowBean(f, ps, ImplementationGenerator.signsTokens(context),
                context.request().classpath().has(Library.MICROMETER),
                context.request().classpath().has(Library.SPRING_SECURITY_CONFIG))));
    List<Bean> withRefinements = new ArrayList<>();
    for (Bean b : byFeature.values()) {
      List<ClassName> refinements = new ArrayList<>();
      for (Bean other : byFeature.values()) {
        if (other != b && BeanOrder.ancestors(other.implementation().feature(), context.spec())
            .contains(b.feature())) {
          refinements.add(other.api());
        }
      }
      withRefinements.add(new Bean(b.implementation(), b.parameters(), List.copyOf(refinements)));
    }
    return new ImplementationBeans(BeanOrder.ordered(withRefinements), List.copyOf(settings),
        Set.copyOf(built), flow);
  }

  /**
   * The parameters of {@code method} (a constructor or factory of {@code feature}), each with
   * its source; its settings and the built types it takes are added to {@code settings} and
   * {@code built}. Empty, with a note, when a parameter cannot be supplied.
   */
  private static Optional<List<Parameter>> supply(GenerationContext context, String feature,
      MethodSpec method, Function<String, Optional<SettingDefault>> defaults,
      List<Setting> settings, Set<String> built) {
    String project = context.spec().project().name().isBlank() ? "auth-service"
        : context.spec().project().name();
    List<Parameter> parameters = new ArrayList<>();
    List<Setting> own = new ArrayList<>();
    Set<String> types = new java.util.TreeSet<>();
    for (ParameterSpec p : method.parameters()) {
      Optional<Source> source = source(p.type(), context.naming());
      if (source.isEmpty()) {
        context.note("auth-spec: " + feature + ": no bean (cannot supply parameter "
            + p.name() + " of type " + p.type() + ")");
        return Optional.empty();
      }
      parameters.add(new Parameter(p, source.get()));
      if (source.get() == Source.SETTING) {
        Optional<PropertyDefault> d = defaults.apply(p.name())
            .map(v -> PropertyDefault.of(v, project));
        own.add(new Setting(feature, p.name(), p.type(), d,
            PropertyDefault.describe(method, p.name(), d)));
      }
      if (source.get() == Source.BUILT) {
        types.add(((ClassName) p.type()).simpleName());
      }
    }
    settings.addAll(own);
    built.addAll(types);
    return Optional.of(List.copyOf(parameters));
  }

  /** The supply of one parameter type (see {@link #SUPPLY}); empty when none applies. */
  static Optional<Source> source(TypeName type, Naming naming) {
    Source listed = SUPPLY.get(type);
    if (listed != null) {
      return Optional.of(listed);
    }
    if (VALUES.contains(type)) {
      return Optional.of(Source.SETTING);
    }
    if (type instanceof ClassName c) {
      if (c.packageName().startsWith(naming.servicePackage())) {
        return Optional.of(Source.SERVICE);
      }
      if (c.packageName().equals(naming.supportPackage("auth"))
          && BUILT.contains(c.simpleName())) {
        return Optional.of(Source.BUILT);
      }
      return Optional.of(Source.APPLICATION);
    }
    return Optional.empty();
  }

  List<Bean> beans() {
    return beans;
  }

  List<Setting> settings() {
    return settings;
  }

  /** The login flow's bean, with {@code httpApi} and a spec whose flow is written. */
  Optional<FlowBean> flow() {
    return flow;
  }

  /** Whether a bean takes the plugin's default of this support type. */
  boolean builds(String simpleName) {
    return built.contains(simpleName);
  }

  boolean isEmpty() {
    return beans.isEmpty();
  }

  /** {@code grace-period} → {@code GracePeriod}: a feature's settings class. */
  static String settingsClass(String feature) {
    return Words.upperCamel(feature);
  }

  /** {@code grace-period} → {@code getGracePeriod}. */
  static String settingsGetter(String feature) {
    return "get" + settingsClass(feature);
  }

  /** {@code handleKey} → {@code authSpecHandleKey}: the application's key bean. */
  static String keyBeanName(String parameter) {
    return "authSpec" + Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
  }
}
