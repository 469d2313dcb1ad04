package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Feature;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.Library;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.SupportType;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * With {@code implementations=true}: for each selected feature the plugin implements, binds its
 * roles and, when every required role is bound, writes {@code Default<Feature>Service} beside
 * its interface, plus the support classes it uses. Off (the default), it writes nothing.
 */
public final class ImplementationGenerator implements Generator {
  @Override
  public String name() {
    return "implementations";
  }

  /** The feature ids that get an implementation when bound. */
  public static List<String> implemented() {
    return Features.ids();
  }

  /**
   * One implementation of this run: its feature, the interface it implements, and the class as
   * written (the Spring flavour reads its public constructor to supply the parameters).
   *
   * @param feature the feature
   * @param service the interface
   * @param type the implementation class
   * @param support the support classes of area {@code auth} it uses
   * @param tokenArea whether it uses the support area {@code token}
   */
  public record Implementation(Feature feature, ClassName service, TypeSpec type,
      List<String> support, boolean tokenArea) {
    public Implementation {
      support = List.copyOf(support);
    }

    /** The implementation's class name, beside its interface. */
    public ClassName className() {
      return ClassName.get(service.packageName(), type.name());
    }
  }

  /**
   * Binds and writes every implementation of the run, in spec order: the one place that decides
   * which features get one. Computed once per run (the Spring flavour reads the same result);
   * binding problems and the bound roles go to {@code context} once.
   */
  public static List<Implementation> implementations(GenerationContext context) {
    return plan(context).implementations();
  }

  /**
   * The generated {@code LoginFlows} of a run and the steps it composes that a caller sees (the
   * HTTP API and its OpenAPI document offer exactly these).
   *
   * @param type the class, in the service package
   * @param secondFactor whether a sign-in may ask for a TOTP or backup code
   * @param enrolment whether a sign-in past its MFA grace period enrols TOTP
   * @param passwordChange whether a sign-in may require a password change (forced or expired)
   * @param session whether a sign-in issues a session
   * @param refreshToken whether a sign-in issues a refresh token
   * @param settings the defaults of its factory's value parameters, by parameter name
   */
  public record Flow(TypeSpec type, boolean secondFactor, boolean enrolment,
      boolean passwordChange, boolean session, boolean refreshToken,
      Map<String, SettingDefault> settings) {
    public Flow {
      settings = Map.copyOf(settings);
    }

    /** Whether sign-in and refresh also answer an access token (the factory signs them). */
    public boolean accessToken() {
      return factory().parameters().stream().anyMatch(p -> p.name().equals("accessTokens"));
    }

    /** The factory {@code of(...)}. */
    public com.palantir.javapoet.MethodSpec factory() {
      return type.methodSpecs().stream().filter(m -> m.name().equals("of")).findFirst()
          .orElseThrow();
    }
  }

  /**
   * The run's login flow, when the spec binds what it needs (see {@link #implementations}: the
   * same single plan).
   */
  public static Optional<Flow> loginFlow(GenerationContext context) {
    return plan(context).flow();
  }

  /**
   * Whether the run signs tokens: an implementation's constructor takes the {@code KeyRing},
   * whose public keys the HTTP API then publishes.
   */
  public static boolean signsTokens(GenerationContext context) {
    ClassName ring = ClassName.get(context.naming().supportPackage("token"), "KeyRing");
    return implementations(context).stream().flatMap(i -> i.type().methodSpecs().stream())
        .filter(com.palantir.javapoet.MethodSpec::isConstructor)
        .flatMap(m -> m.parameters().stream()).anyMatch(p -> p.type().equals(ring));
  }

  /**
   * The implementations of a run and, when the spec binds a credential store, the generated
   * {@code Credentials} they use.
   */
  private record Plan(List<Implementation> implementations, Optional<TypeSpec> credentials,
      Optional<Flow> flow) {}

  private static Plan plan(GenerationContext context) {
    return context.shared(ImplementationGenerator.class, () -> bindAndWrite(context));
  }

  private static Plan bindAndWrite(GenerationContext context) {
    if (!context.request().implementations()) {
      return new Plan(List.of(), Optional.empty(), Optional.empty());
    }
    RoleBinder binder = RoleBinder.of(context);
    Naming naming = context.naming();
    FeatureCatalog catalog = FeatureCatalog.load();
    Map<String, ClassName> selected = new LinkedHashMap<>();
    context.spec().selected().forEach(f -> selected.put(f.id(),
        ServiceGenerator.interfaceName(f, catalog, naming)));
    Map<Feature, Binding> bound = new LinkedHashMap<>();
    Map<Feature, Writer> writers = new LinkedHashMap<>();
    for (Feature feature : context.spec().selected()) {
      Optional<FeatureDescriptor> descriptor = Features.of(feature.id());
      if (descriptor.isEmpty()) {
        continue;
      }
      writers.put(feature, descriptor.get().writer());
      Binding binding = binder.bind(feature, descriptor.get().roles(), context);
      if (!binding.complete()) {
        context.note("auth-spec: " + feature.id() + ": interface only (missing "
            + binding.missing().stream().map(Role::id).collect(Collectors.joining(", ")) + ")");
        continue;
      }
      bound.put(feature, binding);
    }
    Map<String, Binding> byId = new LinkedHashMap<>();
    bound.forEach((f, b) -> byId.put(f.id(), b));
    Target base = new Target(null, null,
        ServiceGenerator.idType(context.spec(), naming, "UserId"), naming,
        selected, context.spec(), context.request().timestamps(), Optional.empty(), false,
        context.request().conditions());
    if (CredentialsWriter.needed(byId)) {
      base = new Target(null, null, base.userId(), naming, selected, context.spec(),
          base.timestamps(), Optional.of(CredentialsWriter.name(base)),
          CredentialsWriter.denies(byId), base.conditions());
    }
    GrantConditions.warnUnevaluated(bound, context);
    List<Implementation> out = new ArrayList<>();
    for (Map.Entry<Feature, Binding> e : bound.entrySet()) {
      Feature feature = e.getKey();
      Binding binding = e.getValue();
      Writer writer = writers.get(feature);
      ClassName service = ServiceGenerator.interfaceName(feature, catalog, naming);
      Target target = base.of(ClassName.get(service.packageName(),
          naming.implementationName(feature)), service);
      TypeSpec type = Delegation.apply(writer.write(binding, target), feature,
          context.spec(), catalog, naming);
      out.add(new Implementation(feature, service, type, writer.support(),
          writer.tokenArea()));
      context.note("auth-spec: " + feature.id() + ": " + target.self().simpleName() + " ("
          + describe(binding) + ")");
    }
    Target credentials = base;
    return new Plan(out, base.credentials().map(c -> CredentialsWriter.write(byId, credentials)),
        FlowWriter.needed(byId) ? Optional.of(FlowWriter.write(byId, credentials))
            : Optional.empty());
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    List<GeneratedFile> files = new ArrayList<>();
    TreeSet<String> support = new TreeSet<>();
    boolean tokenArea = false;
    Plan plan = plan(context);
    if (plan.credentials().isPresent()) {
      files.add(context.java(ImplementationGenerator.class, context.naming().servicePackage(),
          plan.credentials().get()));
      tokenArea = true;
    }
    if (plan.flow().isPresent()) {
      files.add(context.java(ImplementationGenerator.class, context.naming().servicePackage(),
          plan.flow().get().type()));
      support.addAll(FlowWriter.SUPPORT);
    }
    for (Implementation i : plan.implementations()) {
      files.add(context.java(ImplementationGenerator.class, i.service().packageName(),
          i.type()));
      support.addAll(i.support());
      tokenArea |= i.tokenArea();
    }
    if (support.contains("PasswordHasher") && context.request().bouncyCastle()) {
      support.add("Argon2id");
      support.add("Bcrypt");
      context.requireLibrary(Library.BOUNCY_CASTLE, "",
          "bouncyCastle generates Argon2id and Bcrypt");
    }
    GrantConditions.addSupport(support, context);
    if (support.contains("RedisScripts")) {
      switch (context.request().redisClient()) {
        case JEDIS -> support.add("JedisScripts");
        case LETTUCE -> support.add("LettuceScripts");
        case NONE -> { }
      }
    }
    for (String name : support) {
      files.add(context.support(ImplementationGenerator.class, "auth", name));
    }
    if (tokenArea) {
      for (String name : TokenWriters.SUPPORT) {
        files.add(context.support(ImplementationGenerator.class, "token", name));
      }
    }
    if (!files.isEmpty() && context.spec().infrastructure().databaseEnabled()) {
      // The implementations' one JDBC helper and time rule, beside the repositories' support;
      // only implementations use them, so the output without implementations is unchanged.
      files.add(context.support(ImplementationGenerator.class, SupportType.JDBC));
      files.add(context.support(ImplementationGenerator.class, SupportType.SQL_TIME));
    }
    return files;
  }

  private static String describe(Binding binding) {
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(binding.columns()).forEach((role, c) ->
        parts.add(role + "=" + c.qualifiedName()));
    new java.util.TreeMap<>(binding.keys()).forEach((role, keys) -> parts.add(role + "="
        + keys.stream().map(k -> k.pattern().text()).collect(Collectors.joining("|"))));
    return String.join(", ", parts);
  }
}
